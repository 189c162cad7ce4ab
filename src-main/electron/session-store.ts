// Where main keeps the signed-in session token: in memory, and (when the user asked to stay signed in
// and the OS can encrypt) a safeStorage-sealed copy in electron-store. The token never leaves main and
// is never written in plain text.
import type { Logger } from '../core/logger.ts';
import { silentLogger } from '../core/logger.ts';
import type { Encryption } from './encryption.ts';
import { isSealedValue, type KeyValueStore } from './key-value-store.ts';

export const SESSION_KEY = 'session';

export interface CurrentSession {
  token: string;
  /** Whether an encrypted copy is kept across launches. */
  persisted: boolean;
}

export interface SessionStore {
  readonly canPersist: boolean;
  /** Why the session cannot be kept across launches (null when it can). */
  readonly persistenceNote: string | null;
  /** The session in memory, else the persisted copy (decrypted once, on first use). */
  current(): Promise<CurrentSession | null>;
  /** Makes `token` the session; seals it to disk only when `remember` and encryption is available. */
  replace(token: string, remember: boolean): Promise<CurrentSession>;
  /** Forgets the session and wipes the persisted copy. */
  clear(): void;
}

export interface SessionStoreOptions {
  encryption: Encryption;
  kv: KeyValueStore;
  logger?: Logger;
  /** Appended to the persistence note (e.g. where the auth secret lives without a keyring). */
  extraNote?: string | null;
}

export function createSessionStore({ encryption, kv, logger = silentLogger, extraNote = null }: SessionStoreOptions): SessionStore {
  let loaded: Promise<CurrentSession | null> | null = null;
  let session: CurrentSession | null = null;
  // Bumped by clear(): a load that was in flight must not resurrect a wiped session.
  let generation = 0;

  const loadPersisted = async (started: number): Promise<CurrentSession | null> => {
    const stored = kv.get(SESSION_KEY);
    if (stored === undefined) return null;
    if (!encryption.available || !isSealedValue(stored)) {
      // A sealed copy we can no longer open (keyring gone) or a value we did not write: never trust it.
      kv.delete(SESSION_KEY);
      logger.warn('Discarded a persisted session that cannot be decrypted', { backend: encryption.backend });
      return null;
    }
    try {
      const { plainText, shouldReEncrypt } = await encryption.cipher.decrypt(Buffer.from(stored.ciphertext, 'base64'));
      if (shouldReEncrypt && started === generation) await seal(plainText);
      return { token: plainText, persisted: true };
    } catch {
      kv.delete(SESSION_KEY);
      logger.warn('Discarded a persisted session that failed to decrypt', { backend: encryption.backend });
      return null;
    }
  };

  const seal = async (token: string): Promise<void> => {
    if (!encryption.available) throw new Error('Encryption is unavailable');
    const cipherText = await encryption.cipher.encrypt(token);
    kv.set(SESSION_KEY, { v: 1, ciphertext: cipherText.toString('base64') });
  };

  const ensureLoaded = (): Promise<CurrentSession | null> => {
    const started = generation;
    loaded ??= loadPersisted(started).then((restored) => {
      if (started === generation) session ??= restored;
      return session;
    });
    return loaded;
  };

  const note = encryption.available ? null : [encryption.reason, extraNote].filter(Boolean).join(' ');

  return {
    canPersist: encryption.available,
    persistenceNote: note,
    current: async () => {
      await ensureLoaded();
      return session;
    },
    replace: async (token, remember) => {
      await ensureLoaded();
      let persisted = false;
      if (remember && encryption.available) {
        await seal(token);
        persisted = true;
      } else {
        kv.delete(SESSION_KEY);
      }
      session = { token, persisted };
      return session;
    },
    clear: () => {
      generation += 1;
      session = null;
      loaded = Promise.resolve(null);
      kv.delete(SESSION_KEY);
    },
  };
}
