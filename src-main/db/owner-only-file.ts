// Database files hold password hashes and session tokens: they are created owner-only (0600) from their first
// byte, never made private afterwards. SQLite gives a database's -journal, -wal and -shm files the mode of the
// database file itself, so creating the database file 0600 before SQLite opens it covers those too.
import { closeSync, openSync } from 'node:fs';

/** Creates `path` empty and 0600 if it does not exist (an existing file keeps its mode). */
export function ensureOwnerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
}

/** Creates `path` empty and 0600; fails if it exists (EEXIST), so the mode is certainly the one given here. */
export function createOwnerOnlyFile(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}
