// Test support: the state of any process by PID (also ones this process did not start), from /proc (Linux).
import { readFileSync } from 'node:fs';

/** R, S, D, T, Z (dead, not reaped yet), ... or null when there is no such process. */
export function processState(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] ?? null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie. */
export function isRunning(pid: number): boolean {
  const state = processState(pid);
  return state !== null && state !== 'Z' && state !== 'X';
}
