// Backup file names: `tasks-20261121T231848123Z-startup.db` in `<dataDir>/backups/`.
// Fixed-width UTC timestamps, so names sort chronologically; the time is read from the name, not the mtime.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUP_DIR_NAME = 'backups';
export const BACKUP_REASONS = ['startup', 'pre-migration', 'pre-restore', 'manual', 'pre-sync'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const NAME_PATTERN = /^tasks-(\d{8}T\d{9}Z)-([a-z-]+)\.db$/;
/** Suffix of a copy that is still being written or verified; never counted as a backup. */
export const PARTIAL_SUFFIX = '.partial';

export interface BackupEntry {
  name: string;
  path: string;
  /** Epoch ms, from the name. */
  time: number;
  reason: BackupReason;
}

export function backupDir(dataDir: string): string {
  return join(dataDir, BACKUP_DIR_NAME);
}

function stamp(time: number): string {
  // 2026-11-21T23:18:48.123Z -> 20261121T231848123Z
  return new Date(time).toISOString().replace(/[-:.]/g, '');
}

function parseStamp(value: string): number {
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}.${value.slice(15, 18)}Z`;
  return Date.parse(iso);
}

export function formatBackupName(time: number, reason: BackupReason): string {
  return `tasks-${stamp(time)}-${reason}.db`;
}

export function parseBackupName(name: string): { time: number; reason: BackupReason } | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const time = parseStamp(match[1] ?? '');
  const reason = BACKUP_REASONS.find((r) => r === match[2]);
  if (Number.isNaN(time) || !reason) return null;
  return { time, reason };
}

/** The finished backups in `dir`, newest first. A missing folder means no backups. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (parsed) entries.push({ name, path: join(dir, name), ...parsed });
  }
  return entries.sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : -1));
}
