import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, isDataDirInUse, lockPath } from './data-dir-lock.ts';
import { tempDataDir } from './testing/sample-database.ts';

function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid ?? -1));
  });
}

describe('data directory lock', () => {
  it('admits one holder at a time and frees the directory on release', () => {
    const dataDir = tempDataDir();
    const lock = acquireDataDirLock(dataDir, 'headless');
    expect(isDataDirInUse(dataDir)?.pid).toBe(process.pid);
    expect(() => acquireDataDirLock(dataDir, 'restore')).toThrow(
      expect.objectContaining({ code: 'DATA_DIR_IN_USE' }),
    );
    lock.release();
    lock.release();
    expect(existsSync(lockPath(dataDir))).toBe(false);
    acquireDataDirLock(dataDir, 'restore').release();
  });

  it('takes over a lock left by a killed process, and a half-written one', async () => {
    const dataDir = tempDataDir();
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: await deadPid(), purpose: 'app', startedAt: '' }));
    expect(isDataDirInUse(dataDir)).toBeNull();
    acquireDataDirLock(dataDir, 'app').release();
    writeFileSync(lockPath(dataDir), '');
    acquireDataDirLock(dataDir, 'app').release();
  });

  it('takes over a lock with its own PID from before this process started (PID reuse after a crash)', () => {
    const dataDir = tempDataDir();
    const before = new Date(Date.now() - process.uptime() * 1000 - 60_000).toISOString();
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, purpose: 'app', startedAt: before }));
    expect(isDataDirInUse(dataDir)).toBeNull();
    acquireDataDirLock(dataDir, 'app').release();
  });

  it('refuses while another live process holds it', async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lockPath(dataDir), JSON.stringify({ pid: child.pid, purpose: 'app', startedAt: '' }));
      expect(() => acquireDataDirLock(dataDir, 'restore')).toThrow(
        /in use by another Tasks Desktop process \(app/,
      );
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.on('exit', resolve));
    acquireDataDirLock(dataDir, 'restore').release();
  });
});
