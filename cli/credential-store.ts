// The stored login: one JSON file in the CLI's config directory, readable by the user only (0600, folder 0700).
// It holds a personal access token (never a password); `tasks logout` deletes it.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CliError, EXIT } from './cli-error.ts';

export const CREDENTIALS_FILE = 'credentials.json';

const storedLogin = z.object({
  version: z.literal(1),
  /** The API the token was created on (informational: discovery still decides where requests go). */
  apiBaseUrl: z.string(),
  userId: z.string(),
  email: z.string(),
  tokenId: z.string(),
  tokenName: z.string(),
  token: z.string(),
  createdAt: z.string(),
});
export type StoredLogin = z.infer<typeof storedLogin>;

export function credentialsPath(dir: string): string {
  return join(dir, CREDENTIALS_FILE);
}

export function readLogin(dir: string): StoredLogin | null {
  let text: string;
  try {
    text = readFileSync(credentialsPath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`Could not read the stored login: ${(error as Error).message}`, EXIT.ERROR, {
      code: 'CONFIG',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = storedLogin.safeParse(json);
  if (!parsed.success) {
    throw new CliError(`The stored login in ${credentialsPath(dir)} is damaged.`, EXIT.ERROR, {
      code: 'CONFIG',
      hint: 'Run `tasks logout`, then `tasks login`.',
    });
  }
  return parsed.data;
}

/**
 * The config folder, readable by the user only: created 0700, and an existing one (made by hand or by an older
 * version with the umask's 0755) set to 0700, so nobody else can list or swap what is in it.
 */
export function ensureConfigDir(dir: string, platform: NodeJS.Platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (platform === 'win32') return; // POSIX modes mean nothing there: the folder is in the user's profile
  try {
    if ((statSync(dir).mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  } catch (error) {
    throw new CliError(`Could not make ${dir} private (mode 0700): ${(error as Error).message}`, EXIT.ERROR, {
      code: 'CONFIG',
      hint: 'Set TASKS_CONFIG_DIR to a folder of your own.',
    });
  }
}

/** Writes the login atomically (temp file + rename), mode 0600 whatever the umask. Returns the file's path. */
export function writeLogin(dir: string, login: StoredLogin): string {
  ensureConfigDir(dir);
  const path = credentialsPath(dir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(login, null, 2) + '\n', { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
  return path;
}

/** Deletes the stored login; false when there was none. */
export function deleteLogin(dir: string): boolean {
  const path = credentialsPath(dir);
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}
