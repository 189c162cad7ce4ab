// One process per data directory: the desktop app, the headless host and the restore command all take
// `<dataDir>/tasks.lock` (created exclusively, holding the owner's PID). A lock whose PID is gone (the owner
// crashed or was killed) is stale and taken over; a live owner makes the caller refuse with DATA_DIR_IN_USE.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSafetyError } from './data-safety-error.ts';

export const LOCK_FILE_NAME = 'tasks.lock';

export interface LockOwner {
  pid: number;
  /** What holds it, e.g. "app", "headless", "restore". */
  purpose: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock if this process still owns it. Idempotent. */
  release(): void;
}

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE_NAME);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current owner, or null when the file is missing, unreadable or half-written (a crash mid-create). */
export function readLockOwner(dataDir: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(lockPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return null;
    return {
      pid: parsed.pid,
      purpose: String(parsed.purpose ?? 'unknown'),
      startedAt: String(parsed.startedAt ?? ''),
    };
  } catch {
    return null;
  }
}

/**
 * A lock naming our own PID but written before this process started is a previous run's (PIDs are reused, e.g.
 * PID 1 in a container restarted after a crash); one written since is ours and still held.
 */
function isPreviousIncarnation(owner: LockOwner): boolean {
  const startedAt = Date.parse(owner.startedAt);
  const processStart = Date.now() - process.uptime() * 1000;
  return owner.pid === process.pid && (Number.isNaN(startedAt) || startedAt < processStart - 1000);
}

/** The live process holding the data directory, or null when it is free or the lock is stale. */
export function isDataDirInUse(dataDir: string): LockOwner | null {
  const owner = readLockOwner(dataDir);
  return owner && isAlive(owner.pid) && !isPreviousIncarnation(owner) ? owner : null;
}

function tryCreate(path: string, owner: LockOwner): boolean {
  try {
    writeFileSync(path, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the data directory for this process, or throws DATA_DIR_IN_USE. */
export function acquireDataDirLock(dataDir: string, purpose: string): DataDirLock {
  const path = lockPath(dataDir);
  const me: LockOwner = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(path, me)) {
      return {
        path,
        release: () => {
          if (readLockOwner(dataDir)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    }
    const owner = isDataDirInUse(dataDir);
    if (owner) {
      throw new DataSafetyError(
        'DATA_DIR_IN_USE',
        `The data directory ${dataDir} is in use by another Tasks Desktop process (${owner.purpose}, pid ${owner.pid}). ` +
          `Quit it first. If no Tasks Desktop is running, delete ${path}.`,
        { lockFile: path, pid: String(owner.pid) },
      );
    }
    rmSync(path, { force: true });
  }
  throw new DataSafetyError(
    'DATA_DIR_IN_USE',
    `Could not take the lock ${path}; another process is starting.`,
    {
      lockFile: path,
    },
  );
}
