// The data-directory lock is an OS lock (SQLite's fcntl write lock on tasks.lock): one holder, taken atomically,
// dropped by the kernel when the holder dies. Checked in-process (two connections), against real child processes
// racing for it, and right after a SIGKILL while the dead holder is not even reaped yet (a zombie).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, type DataDirLock, isDataDirInUse, lockPath } from './data-dir-lock.ts';
import { processState } from '../testing/process-state.ts';
import { tempDataDir } from './testing/sample-database.ts';

const WORKER = join(import.meta.dirname, 'testing', 'lock-worker.ts');
const NODE_ARGS = ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', WORKER];
const WORKERS = 6;
const RACES = 40;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

/** Resolves with the next line the child prints (rejects if it exits first or takes over 20 s). */
function lineReader(child: ChildProcess): () => Promise<string> {
  const queued: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queued.push(line);
  });
  return () =>
    new Promise((resolve, reject) => {
      const line = queued.shift();
      if (line !== undefined) return resolve(line);
      const timer = setTimeout(() => reject(new Error('no answer from the lock worker in 20 s')), 20_000);
      waiting.push((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
}

function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid ?? -1));
  });
}

describe('data directory lock', () => {
  it('admits one holder at a time, also between two connections of one process, and frees it on release', () => {
    const dataDir = tempDataDir();
    const lock = acquireDataDirLock(dataDir, 'headless');
    expect(isDataDirInUse(dataDir)).toBe(true);
    expect(() => acquireDataDirLock(dataDir, 'restore')).toThrow(
      expect.objectContaining({
        code: 'DATA_DIR_IN_USE',
        message: expect.stringMatching(
          new RegExp(`in use by another Tasks Desktop process \\(headless, pid ${process.pid}\\)`),
        ) as unknown,
      }),
    );
    lock.release();
    lock.release();
    expect(isDataDirInUse(dataDir)).toBe(false);
    // The lock file stays (an empty SQLite file, owner-only, no journal): deleting it would be the race.
    expect(existsSync(lockPath(dataDir))).toBe(true);
    expect(statSync(lockPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('tasks.lock'))).toEqual(['tasks.lock']);
    acquireDataDirLock(dataDir, 'restore').release();
  });

  it('takes over a PID lock file left by an older version when its process is gone, not while it lives', async () => {
    const dataDir = tempDataDir();
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: await deadPid(), purpose: 'app', startedAt: '' }));
    acquireDataDirLock(dataDir, 'app').release();
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    children.push(live);
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: live.pid, purpose: 'app', startedAt: '' }));
    expect(() => acquireDataDirLock(dataDir, 'restore')).toThrow(expect.objectContaining({ code: 'DATA_DIR_IN_USE' }));
    live.kill('SIGKILL');
    await new Promise((resolve) => live.on('exit', resolve));
    acquireDataDirLock(dataDir, 'restore').release();
  });

  it('is free again the moment its holder is killed, before the dead process is even reaped', async () => {
    const dataDir = tempDataDir();
    // `exec sleep` replaces the shell, and sleep never reaps the holder it inherited: killed, it stays a zombie.
    const shell = spawn('sh', ['-c', '"$@" & echo $!; exec sleep 60', 'sh', process.execPath, ...NODE_ARGS, 'hold', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(shell);
    const next = lineReader(shell);
    const holder = Number(await next());
    expect(await next()).toBe('held');
    expect(() => acquireDataDirLock(dataDir, 'app')).toThrow(expect.objectContaining({ code: 'DATA_DIR_IN_USE' }));
    process.kill(holder, 'SIGKILL');
    for (let i = 0; i < 2000 && processState(holder) !== 'Z'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(processState(holder)).toBe('Z');
    // The leader turns Z as its own thread exits; the kernel closes the files (and drops the lock) when the last
    // of its threads is gone, a moment later. A relaunch takes far longer than that to reach the lock.
    let lock: DataDirLock | null = null;
    for (let i = 0; i < 200 && !lock; i += 1) {
      if (!isDataDirInUse(dataDir)) lock = acquireDataDirLock(dataDir, 'app');
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(lock).not.toBeNull();
    expect(processState(holder)).toBe('Z'); // still not reaped: nothing waited for that
    lock?.release();
    shell.kill('SIGKILL');
  }, 30_000);

  it(`has exactly one winner when ${WORKERS} processes take it at the same instant (${RACES} races)`, async () => {
    const workers = Array.from({ length: WORKERS }, () => {
      const child = spawn(process.execPath, [...NODE_ARGS, 'serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
      children.push(child);
      return { child, next: lineReader(child) };
    });
    const winners: number[] = [];
    const dead = await deadPid();
    for (let race = 0; race < RACES; race += 1) {
      const dataDir = tempDataDir();
      // A third of the races on a fresh directory, a third where the last holder is gone, a third over a lock left
      // by a crashed older version (a PID file naming a dead process: the takeover that was not atomic).
      if (race % 3 === 1) acquireDataDirLock(dataDir, 'app').release();
      if (race % 3 === 2) writeFileSync(lockPath(dataDir), JSON.stringify({ pid: dead, purpose: 'app', startedAt: '' }));
      const at = Date.now() + (race === 0 ? 3000 : 100); // the first race waits for the workers to start
      for (const { child } of workers) child.stdin.write(`race ${dataDir} ${at}\n`);
      const answers = await Promise.all(workers.map(({ next }) => next()));
      winners.push(answers.filter((answer) => answer === 'won').length);
      expect(answers.every((answer) => answer === 'won' || answer === 'in-use'), answers.join()).toBe(true);
      const winner = workers[answers.indexOf('won')];
      winner?.child.stdin!.write('release\n');
      if (winner) expect(await winner.next()).toBe('released');
    }
    for (const { child } of workers) child.stdin.end();
    expect(winners).toEqual(Array.from({ length: RACES }, () => 1));
  }, 120_000);
});
