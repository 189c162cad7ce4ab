// The desktop app's auth secret (Better Auth signs sessions and seals its JWT keys with it).
//
// With a system keyring: sealed with safeStorage in electron-store, never in plain text.
// Without one (Linux with no GNOME Keyring/KWallet): an ephemeral secret is not an option (a new secret
// breaks every stored JWT key and session; the auth layer refuses a changed secret), and safeStorage's
// basic_text mode is plain text in disguise. So the secret goes to the headless host's store, a file
// readable only by the user (`<dataDir>/auth-secret`, 0600, FileSecretStore), and the app says so
// (log + app.getInfo().persistenceNote). When a keyring appears later, the file is sealed and deleted.
import { rm } from 'node:fs/promises';
import { AuthStartupError } from '../auth/auth-startup-error.ts';
import type { SecretStore } from '../auth/auth-types.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Encryption, StringCipher } from './encryption.ts';
import { isSealedValue, type KeyValueStore } from './key-value-store.ts';

export const SECRET_KEY = 'authSecret';

export interface DesktopSecretStore extends SecretStore {
  /** Set when the secret is kept in the 0600 file: a sentence for the user. */
  readonly warning: string | null;
}

/** The file store used without a keyring (src-main/auth/file-secret-store.ts). */
export interface FileBackedSecretStore extends SecretStore {
  readonly filePath: string;
}

export interface DesktopSecretStoreOptions {
  encryption: Encryption;
  kv: KeyValueStore;
  file: FileBackedSecretStore;
  logger?: Logger;
}

export function createDesktopSecretStore({ encryption, kv, file, logger = silentLogger }: DesktopSecretStoreOptions): DesktopSecretStore {
  return encryption.available ? sealedStore(encryption.cipher, kv, file, logger) : fileStore(kv, file, logger);
}

function sealedStore(cipher: StringCipher, kv: KeyValueStore, file: FileBackedSecretStore, logger: Logger): DesktopSecretStore {
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
        let opened: Awaited<ReturnType<StringCipher['decrypt']>>;
        try {
          opened = await cipher.decrypt(Buffer.from(stored.ciphertext, 'base64'));
        } catch (error) {
          // Never replace it silently: a new secret would make every stored key and session unusable.
          throw new AuthStartupError(
            'SECRET_STORE_FAILED',
            'The auth secret could not be decrypted with the system keyring (was the keyring reset?). ' +
              'Restore access to the keyring and restart Tasks Desktop.',
            { cause: error },
          );
        }
        if (opened.shouldReEncrypt) await seal(opened.plainText);
        return opened.plainText;
      }
      const fromFile = await file.read();
      if (fromFile === null) return null;
      await seal(fromFile);
      await rm(file.filePath, { force: true });
      logger.info('Moved the auth secret from its 0600 file into the encrypted store');
      return fromFile;
    },
    write: seal,
  };
}

function fileStore(kv: KeyValueStore, file: FileBackedSecretStore, logger: Logger): DesktopSecretStore {
  return {
    description: `${file.description} (0600; no system keyring)`,
    warning: `The local auth secret is kept unencrypted in ${file.filePath}, readable only by your user account.`,
    read: async () => {
      if (isSealedValue(kv.get(SECRET_KEY))) {
        throw new AuthStartupError(
          'SECRET_STORE_FAILED',
          'The auth secret is encrypted with the system keyring, which is not available now. ' +
            'Unlock or start the keyring (GNOME Keyring or KWallet) and restart Tasks Desktop.',
        );
      }
      const secret = await file.read();
      if (secret !== null) logger.warn('No system keyring: the auth secret is kept in a 0600 file', { file: file.filePath });
      return secret;
    },
    write: async (secret) => {
      await file.write(secret);
      logger.warn('No system keyring: stored the auth secret in a 0600 file', { file: file.filePath });
    },
  };
}
