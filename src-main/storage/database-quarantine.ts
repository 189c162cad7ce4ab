// A damaged database is never opened for writing or overwritten: its files (with -wal/-shm) are moved,
// byte for byte, to `<dataDir>/corrupt/<timestamp>/`, and a marker file makes every later start refuse
// until the user restores a backup (which clears the marker) or deletes the marker to start empty.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const CORRUPT_DIR_NAME = 'corrupt';
export const CORRUPT_MARKER_NAME = 'corrupt-database.json';

export interface CorruptMarker {
  /** Folder holding the untouched files. */
  movedTo: string;
  reason: string;
  detectedAt: string;
}

export function corruptMarkerPath(dataDir: string): string {
  return join(dataDir, CORRUPT_MARKER_NAME);
}

/** Moves the database file and its sidecars aside untouched; returns the folder they are in now. */
export function moveDatabaseAside(dataDir: string, dbPath: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  let folder = join(dataDir, CORRUPT_DIR_NAME, stamp);
  for (let n = 1; existsSync(folder); n += 1) folder = join(dataDir, CORRUPT_DIR_NAME, `${stamp}-${n}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = dbPath + suffix;
    if (existsSync(from)) renameSync(from, join(folder, basename(from)));
  }
  return folder;
}

/** Moves a damaged database aside and records it, so the next start refuses too. */
export function quarantineDatabase(
  dataDir: string,
  dbPath: string,
  reason: string,
  now: number,
): CorruptMarker {
  const movedTo = moveDatabaseAside(dataDir, dbPath, now);
  const marker: CorruptMarker = { movedTo, reason, detectedAt: new Date(now).toISOString() };
  writeFileSync(corruptMarkerPath(dataDir), JSON.stringify(marker, null, 2) + '\n', { mode: 0o600 });
  return marker;
}

export function readCorruptMarker(dataDir: string): CorruptMarker | null {
  let text: string;
  try {
    text = readFileSync(corruptMarkerPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<CorruptMarker>;
    return {
      movedTo: String(parsed.movedTo ?? ''),
      reason: String(parsed.reason ?? ''),
      detectedAt: String(parsed.detectedAt ?? ''),
    };
  } catch {
    return { movedTo: '', reason: 'the marker file is unreadable', detectedAt: '' };
  }
}

export function clearCorruptMarker(dataDir: string): void {
  rmSync(corruptMarkerPath(dataDir), { force: true });
}
