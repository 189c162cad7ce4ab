// The headless host as a script would run it: the real serve script, a child process, stdout and signals.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
const children: ChildProcessByStdio<null, Readable, Readable>[] = [];

function serve(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TASKS_AUTH_SECRET: '' },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // The first stdout line, as soon as it is there (no polling: a loaded machine only makes it later), or a
  // rejection naming what the host printed when it exits without one.
  const firstLine = new Promise<Record<string, unknown>>((resolve, reject) => {
    const check = () => {
      if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]!) as Record<string, unknown>);
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      check();
      reject(new Error(`the host exited (${code}) without a line on stdout: ${stderr}`));
    });
  });
  firstLine.catch(() => undefined); // reported to whoever awaits line(); not an unhandled rejection otherwise
  const line = (): Promise<Record<string, unknown>> => firstLine;
  return { child, exited, line, output: () => ({ stdout, stderr }) };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tasks-headless-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it('prints one ready line, serves the API, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const host = serve(['--data-dir', dataDir]);
    const ready = await host.line();
    expect(ready.event).toBe('ready');
    expect(ready.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${ready.apiBaseUrl as string}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', app: 'tasks-desktop' });
    expect(host.output().stdout.trim().split('\n')).toHaveLength(1);
    const apiFile = JSON.parse(readFileSync(join(dataDir, 'api.json'), 'utf8')) as Record<string, unknown>;
    expect(apiFile).toMatchObject({ apiBaseUrl: ready.apiBaseUrl, pid: expect.any(Number) as number });

    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(existsSync(join(dataDir, 'tasks.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'tasks.db-wal'))).toBe(false); // checkpointed and closed
    expect(existsSync(join(dataDir, 'api.json'))).toBe(false);
    expect(host.output().stderr).not.toMatch(/auth-secret.*[A-Za-z0-9_-]{40}/);
  }, 90_000);

  it('refuses bad arguments with a usage message and exit code 2', async () => {
    const host = serve(['--port', '99999999', '--data-dir', tempDir()]);
    expect(await host.exited).toBe(2);
    expect(await host.line()).toMatchObject({ event: 'error', code: 'USAGE' });
    expect(host.output().stderr).toMatch(/--port must be a whole number/);
    const missing = serve([]);
    expect(await missing.exited).toBe(2);
    expect(missing.output().stderr).toMatch(/--data-dir is required/);
  }, 90_000);
});
