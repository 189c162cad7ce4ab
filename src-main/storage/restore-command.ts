// The one place that spells out how a user restores a backup, for error messages and the README.

/** A shell-safe single-quoted argument. */
function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function restoreCommand(dataDir: string, backupPath: string): string {
  return `npm run serve -- --data-dir ${quote(dataDir)} --restore ${quote(backupPath)}`;
}
