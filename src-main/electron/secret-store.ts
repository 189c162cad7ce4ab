// The desktop app's auth secret (Better Auth signs sessions and seals its JWT keys with it).
//
// With a system keyring: sealed with safeStorage in electron-store, never in plain text.
// Without one (Linux with no GNOME Keyring/KWallet): an ephemeral secret is not an option (a new secret
// breaks every stored JWT key and session), and safeStorage's basic_text mode is plain text in disguise.
// So the secret goes to a file readable only by the user (0600) in the data folder, exactly as the
// headless host keeps it, and the app says so (log + app.getInfo().persistenceNote). When a keyring
// appears later, the file is moved into the sealed store and deleted.
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { SecretStore } from '../auth/auth-types.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Encryption } from './encryption.ts';
import { isSealedValue, type KeyValueStore } from './key-value-store.ts';

export const SECRET_KEY = 'authSecret';

export interface DesktopSecretStore extends SecretStore {
  /** Set when the secret is (or will be) kept in the 0600 file: a sentence for the user. */
  readonly warning: string | null;
}

export interface DesktopSecretStoreOptions {
  encryption: Encryption;
  kv: KeyValueStore;
  /** Absolute path of the fallback file, e.g. `<dataDir>/auth-secret`. */
  fallbackFile: string;
  logger?: Logger;
}

export class SecretUnavailableError extends Error {
  override readonly name = 'SecretUnavailableError';
}

async function readFileIfExists(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function createDesktopSecretStore(options: DesktopSecretStoreOptions): DesktopSecretStore {
  const { encryption, kv, fallbackFile, logger = silentLogger } = options;
  return encryption.available ? sealedStore(encryption.cipher, kv, fallbackFile, logger) : fileStore(kv, fallbackFile, logger);
}

function sealedStore(
  cipher: Extract<Encryption, { available: true }>['cipher'],
  kv: KeyValueStore,
  fallbackFile: string,
  logger: Logger,
): DesktopSecretStore {
  const seal = async (secret: string): Promise<void> => {
    const cipherText = await cipher.encrypt(secret);
    kv.set(SECRET_KEY, { v: 1, ciphertext: cipherText.toString('base64') });
  };
  return {
    description: 'electron-store sealed with safeStorage',
    warning: null,
    read: async () => {
      const stored = kv.get(SECRET_KEY);
      if (isSealedValue(stored)) {
        let opened: Awaited<ReturnType<typeof cipher.decrypt>>;
        try {
          opened = await cipher.decrypt(Buffer.from(stored.ciphertext, 'base64'));
        } catch {
          // Never replace it silently: a new secret would make every stored key and session unusable.
          throw new SecretUnavailableError(
            'The auth secret could not be decrypted with the system keyring (was the keyring reset?). ' +
              'Restore access to the keyring and restart Tasks Desktop.',
          );
        }
        if (opened.shouldReEncrypt) await seal(opened.plainText);
        return opened.plainText;
      }
      const legacy = await readFileIfExists(fallbackFile);
      if (legacy === null) return null;
      await seal(legacy);
      await rm(fallbackFile, { force: true });
      logger.info('Moved the auth secret from its 0600 file into the encrypted store');
      return legacy;
    },
    write: seal,
  };
}

function fileStore(kv: KeyValueStore, fallbackFile: string, logger: Logger): DesktopSecretStore {
  const warning = `The local auth secret is kept unencrypted in ${fallbackFile}, readable only by your user account.`;
  return {
    description: `file ${fallbackFile} (0600; no system keyring)`,
    warning,
    read: async () => {
      if (isSealedValue(kv.get(SECRET_KEY))) {
        throw new SecretUnavailableError(
          'The auth secret is encrypted with the system keyring, which is not available now. ' +
            'Unlock or start the keyring (GNOME Keyring or KWallet) and restart Tasks Desktop.',
        );
      }
      const secret = await readFileIfExists(fallbackFile);
      if (secret === null) return null;
      const mode = (await stat(fallbackFile)).mode & 0o777;
      if ((mode & 0o077) !== 0) {
        await chmod(fallbackFile, 0o600);
        logger.warn('Tightened the auth secret file permissions to 0600', { file: fallbackFile });
      }
      logger.warn('No system keyring: the auth secret is kept in a 0600 file', { file: fallbackFile });
      return secret;
    },
    write: async (secret) => {
      // `wx`: never overwrite an existing secret (that would break stored keys).
      await writeFile(fallbackFile, secret + '\n', { mode: 0o600, flag: 'wx' });
      logger.warn('No system keyring: stored the auth secret in a 0600 file', { file: fallbackFile });
    },
  };
}
