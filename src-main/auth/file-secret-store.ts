// A SecretStore backed by `<dataDir>/auth-secret`: created atomically with mode 0600, never overwritten,
// and refused when other users could read it (POSIX only; Windows has no mode bits to check).
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { AuthStartupError } from './auth-startup-error.ts';
import type { SecretStore } from './auth-types.ts';

export const SECRET_FILE_NAME = 'auth-secret';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

export class FileSecretStore implements SecretStore {
  readonly filePath: string;
  readonly description: string;

  constructor(
    dataDir: string,
    private readonly checkPermissions: boolean = process.platform !== 'win32',
  ) {
    this.filePath = path.join(dataDir, SECRET_FILE_NAME);
    this.description = `file ${this.filePath}`;
  }

  async read(): Promise<string | null> {
    let handle: fs.FileHandle;
    try {
      // O_NOFOLLOW: a symlink planted in the data dir must not redirect us to another file.
      handle = await fs.open(this.filePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      if (isMissing(error)) return null;
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        throw new AuthStartupError(
          'SECRET_FILE_INSECURE',
          `The auth secret (${this.description}) is a symlink.`,
        );
      }
      throw new AuthStartupError(
        'SECRET_STORE_FAILED',
        `Cannot read the auth secret (${this.description}).`,
        {
          cause: error,
        },
      );
    }
    try {
      if (this.checkPermissions) await this.assertPrivate(handle);
      const text = (await handle.readFile('utf8')).trim();
      if (!text) {
        // Never produced by write() (temp file + link): someone truncated or created it by hand.
        throw new AuthStartupError(
          'SECRET_MALFORMED',
          `The auth secret file (${this.description}) is empty. Restore the original secret; ` +
            'only on a brand-new data folder may the empty file be deleted so a new one is generated.',
        );
      }
      return text;
    } finally {
      await handle.close();
    }
  }

  /** Creates the file atomically (temp file + hard link), so a crash or a second writer never leaves half a secret. */
  async write(secret: string): Promise<void> {
    const dir = path.dirname(this.filePath);
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = path.join(dir, `.${SECRET_FILE_NAME}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${secret}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(temp, this.filePath); // fails with EEXIST instead of replacing an existing secret
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AuthStartupError(
          'SECRET_STORE_FAILED',
          `Refusing to overwrite an auth secret that appeared meanwhile (${this.description}); start again.`,
          { cause: error },
        );
      }
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
    await syncDirectory(dir);
  }

  private async assertPrivate(handle: fs.FileHandle): Promise<void> {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw new AuthStartupError(
        'SECRET_FILE_INSECURE',
        `The auth secret (${this.description}) is not a regular file.`,
      );
    }
    if ((stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      throw new AuthStartupError(
        'SECRET_FILE_INSECURE',
        `The auth secret (${this.description}) has mode ${mode}: other users can read it. ` +
          `Run \`chmod 600 ${this.filePath}\` and consider the secret exposed.`,
      );
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      throw new AuthStartupError(
        'SECRET_FILE_INSECURE',
        `The auth secret (${this.description}) belongs to uid ${stat.uid}, not to this user (uid ${uid}).`,
      );
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
