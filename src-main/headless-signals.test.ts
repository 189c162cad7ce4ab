// Every way of stopping `npm run serve` ends in a clean exit 0 within 5 s, with the data-dir lock free and no WAL
// left: Ctrl-C (SIGINT to the whole process group, so the host gets it twice), a repeated Ctrl-C, SIGTERM to npm, to
// serve.mjs or to the host, and serve.mjs killed outright (the host must not live on holding the lock). Real child
// processes in their own process groups (detached), each wait bounded.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDataDirInUse } from './storage/data-dir-lock.ts';
import { isRunning } from './testing/process-state.ts';

const root = join(import.meta.dirname, '..');
const RUNS = 2;
const started: ChildProcess[] = [];
const hostPids: number[] = [];
const dirs: string[] = [];
const timings: Record<string, number[]> = {};

afterAll(() => {
  for (const pid of hostPids) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  for (const child of started) if (child.pid && isRunning(child.pid)) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log('stop timings (ms, signal to every process gone):', JSON.stringify(timings));
});

type Launcher = 'npm' | 'serve';

interface Running {
  top: ChildProcess;
  topExit: Promise<number | null>;
  hostPid: number;
  dataDir: string;
  output: () => string;
}

/** Starts `npm run serve` or `node scripts/serve.mjs` in a new process group; resolves once the host is ready. */
async function launch(launcher: Launcher): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tasks-signals-'));
  dirs.push(dataDir);
  const args = ['--data-dir', dataDir];
  const top =
    launcher === 'npm'
      ? spawn('npm', ['run', '-s', 'serve', '--', ...args], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [join(root, 'scripts/serve.mjs'), ...args], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(top);
  const topExit = new Promise<number | null>((resolve) => top.on('exit', (code) => resolve(code)));
  let out = '';
  top.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const hostPid = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s:\n${out}`)), 120_000);
    top.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = out.split('\n').find((line) => line.includes('"event":"ready"'));
      if (ready) {
        clearTimeout(timer);
        resolve((JSON.parse(ready) as { pid: number }).pid);
      }
    });
    void topExit.then(() => reject(new Error(`exited before ready:\n${out}`)));
  });
  hostPids.push(hostPid);
  return { top, topExit, hostPid, dataDir, output: () => out };
}

/** Waits (bounded) until the top process has exited and the host is gone; returns the top's exit code. */
async function stopped(running: Running, name: string, since: number): Promise<number | null> {
  const deadline = Date.now() + 15_000;
  const code = await Promise.race([running.topExit, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
  while (isRunning(running.hostPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  (timings[name] ??= []).push(Date.now() - since);
  expect(code, `${name}: the launcher did not exit`).not.toBe('timeout');
  expect(isRunning(running.hostPid), `${name}: the host is still running`).toBe(false);
  expect(isDataDirInUse(running.dataDir), `${name}: the lock is still held`).toBe(false);
  expect(existsSync(join(running.dataDir, 'tasks.db-wal')), `${name}: WAL left behind`).toBe(false);
  // The host's own exit was the clean one (its code reaches us only through serve.mjs, not through npm).
  expect(running.output(), name).toContain('"message":"stopping"');
  expect(running.output(), name).not.toMatch(/stop failed|stop timed out/);
  return code === 'timeout' ? null : code;
}

const paths: { name: string; launcher: Launcher; stop: (running: Running) => Promise<void> | void; code: number | null }[] = [
  // npm itself, after its script exited 0, re-raises the SIGINT on itself (the shell convention for "interrupted").
  { name: 'Ctrl-C (SIGINT to npm’s process group)', launcher: 'npm', stop: (r) => void process.kill(-r.top.pid!, 'SIGINT'), code: null },
  {
    name: 'Ctrl-C three times (SIGINT to the group, 30 ms apart)',
    launcher: 'serve',
    stop: async (r) => {
      for (let i = 0; i < 3; i += 1) {
        try {
          process.kill(-r.top.pid!, 'SIGINT');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already all gone: fine
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    },
    code: 0,
  },
  { name: 'SIGTERM to npm', launcher: 'npm', stop: (r) => void r.top.kill('SIGTERM'), code: null },
  { name: 'SIGTERM to serve.mjs', launcher: 'serve', stop: (r) => void r.top.kill('SIGTERM'), code: 0 },
  { name: 'SIGTERM to the host', launcher: 'serve', stop: (r) => void process.kill(r.hostPid, 'SIGTERM'), code: 0 },
  { name: 'serve.mjs killed (SIGKILL): the host stops on its own', launcher: 'serve', stop: (r) => void r.top.kill('SIGKILL'), code: null },
];

describe('stopping the headless host', () => {
  beforeAll(async () => {
    // Builds the headless bundle if its sources changed (serve.mjs does that first), outside the timed runs.
    const build = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), '--port', 'x'], { cwd: root, stdio: 'ignore' });
    await new Promise((resolve) => build.on('exit', resolve));
  }, 300_000);

  for (const path of paths) {
    it(`${path.name}: exit ${path.code ?? '(by signal)'}, lock free, no WAL, ${RUNS} runs`, async () => {
      for (let run = 0; run < RUNS; run += 1) {
        const running = await launch(path.launcher);
        const since = Date.now();
        await path.stop(running);
        const code = await stopped(running, path.name, since);
        if (path.code !== null) expect(code, path.name).toBe(path.code);
      }
    }, 400_000);
  }
});
