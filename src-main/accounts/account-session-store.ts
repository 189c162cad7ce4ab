// Where main keeps the session of every account signed in on this machine: in memory, and for each account that
// asked to stay signed in (when the OS can encrypt) one safeStorage-sealed entry in electron-store holding that
// account's session token and profile. Nothing is written in plain text except the current account's opaque id.
// Tokens never leave main; the renderer only ever gets the current account's short-lived access JWT.
import type { AuthUser } from '../auth/auth-types.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Encryption } from '../electron/encryption.ts';
import { isSealedValue, type KeyValueStore, type SealedValue } from '../electron/key-value-store.ts';

export const ACCOUNTS_KEY = 'accounts';
/** Where one sealed session was kept before accounts (read once, moved into ACCOUNTS_KEY). */
export const LEGACY_SESSION_KEY = 'session';

export interface CurrentSession {
  userId: string;
  token: string;
  /** Whether an encrypted copy is kept across launches. */
  persisted: boolean;
}

export interface KnownAccount {
  user: AuthUser;
  /** null: its session ended (signing in again needs the password). */
  token: string | null;
  persisted: boolean;
  /** Epoch ms it was last made current. */
  lastUsedAt: number;
}

export interface AccountSessionStore {
  readonly canPersist: boolean;
  /** Why sessions cannot be kept across launches (null when they can). */
  readonly persistenceNote: string | null;
  /** The current account's session, else null (no account, or its session ended). */
  current(): Promise<CurrentSession | null>;
  /** Every known account, most recently used first. */
  accounts(): Promise<KnownAccount[]>;
  /**
   * Makes `user` the current account with this session (adding it, or replacing its older session, which is
   * returned so the caller can revoke it). Sealed to disk only when `remember` and encryption is available.
   */
  put(user: AuthUser, token: string, remember: boolean, now: number): Promise<{ session: CurrentSession; replaced: string | null }>;
  /** Makes a known account with a live session current; null (nothing changes) when there is none. */
  select(userId: string, now: number): Promise<CurrentSession | null>;
  /** Forgets the account's session but keeps it in the list (it shows as signed out). */
  endSession(userId: string): Promise<void>;
  /** Removes the account and its session; returns the token it held. */
  remove(userId: string): Promise<string | null>;
  /** No account is current any more (the others stay as they are). */
  deselect(): Promise<void>;
}

export interface AccountSessionStoreOptions {
  encryption: Encryption;
  kv: KeyValueStore;
  logger?: Logger;
  /** Appended to the persistence note (e.g. where the auth secret lives without a keyring). */
  extraNote?: string | null;
  /** Who a session token from before accounts belongs to (null: expired); without it such a token is dropped. */
  identify?: (token: string) => Promise<AuthUser | null>;
}

interface PersistedAccounts {
  v: 1;
  current: string | null;
  accounts: SealedValue[];
}

interface SealedEntry {
  user: AuthUser;
  token: string | null;
  lastUsedAt: number;
}

function isPersistedAccounts(value: unknown): value is PersistedAccounts {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<PersistedAccounts>;
  return record.v === 1 && (record.current === null || typeof record.current === 'string') && Array.isArray(record.accounts);
}

function isSealedEntry(value: unknown): value is SealedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { user, token, lastUsedAt } = value as Partial<SealedEntry>;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.name === 'string' &&
    typeof user.email === 'string' &&
    (token === null || typeof token === 'string') &&
    typeof lastUsedAt === 'number'
  );
}

export function createAccountSessionStore(options: AccountSessionStoreOptions): AccountSessionStore {
  const { encryption, kv, logger = silentLogger } = options;
  const known = new Map<string, KnownAccount>();
  const sealed = new Map<string, SealedValue>();
  let currentId: string | null = null;

  const seal = async (account: KnownAccount): Promise<SealedValue> => {
    if (!encryption.available) throw new Error('Encryption is unavailable');
    const entry: SealedEntry = { user: account.user, token: account.token, lastUsedAt: account.lastUsedAt };
    const cipherText = await encryption.cipher.encrypt(JSON.stringify(entry));
    return { v: 1, ciphertext: cipherText.toString('base64') };
  };

  const write = (): void => {
    if (!encryption.available) return; // nothing is kept across launches, so nothing is written
    const accounts = [...known.values()].flatMap((account) => {
      const value = account.persisted ? sealed.get(account.user.id) : undefined;
      return value ? [value] : [];
    });
    if (accounts.length === 0 && currentId === null) kv.delete(ACCOUNTS_KEY);
    else kv.set(ACCOUNTS_KEY, { v: 1, current: currentId, accounts } satisfies PersistedAccounts);
  };

  /** Seals (when it is kept) and writes the whole list. */
  const save = async (account: KnownAccount | null): Promise<void> => {
    if (account?.persisted) sealed.set(account.user.id, await seal(account));
    else if (account) sealed.delete(account.user.id);
    write();
  };

  const open = async (value: unknown): Promise<{ entry: SealedEntry; reseal: boolean } | null> => {
    if (!encryption.available || !isSealedValue(value)) return null;
    try {
      const { plainText, shouldReEncrypt } = await encryption.cipher.decrypt(Buffer.from(value.ciphertext, 'base64'));
      const entry: unknown = JSON.parse(plainText);
      return isSealedEntry(entry) ? { entry, reseal: shouldReEncrypt } : null;
    } catch {
      return null;
    }
  };

  const loadLegacy = async (): Promise<void> => {
    const stored = kv.get(LEGACY_SESSION_KEY);
    if (stored === undefined) return;
    kv.delete(LEGACY_SESSION_KEY);
    if (!encryption.available || !isSealedValue(stored) || !options.identify) return;
    try {
      const { plainText } = await encryption.cipher.decrypt(Buffer.from(stored.ciphertext, 'base64'));
      const user = await options.identify(plainText);
      if (!user) return;
      const account: KnownAccount = { user, token: plainText, persisted: true, lastUsedAt: Date.now() };
      known.set(user.id, account);
      currentId = user.id;
      await save(account);
    } catch {
      logger.warn('Discarded a persisted session that failed to decrypt', { backend: encryption.backend });
    }
  };

  const load = async (): Promise<void> => {
    const stored = kv.get(ACCOUNTS_KEY);
    if (stored !== undefined) {
      if (!encryption.available || !isPersistedAccounts(stored)) {
        // Sealed entries we can no longer open (keyring gone) or a value we did not write: never trust them.
        kv.delete(ACCOUNTS_KEY);
        logger.warn('Discarded persisted accounts that cannot be decrypted', { backend: encryption.backend });
      } else {
        let discarded = 0;
        const resealed: KnownAccount[] = [];
        for (const value of stored.accounts) {
          const opened = await open(value);
          if (!opened) {
            discarded += 1;
            continue;
          }
          const account: KnownAccount = { ...opened.entry, persisted: true };
          known.set(account.user.id, account);
          sealed.set(account.user.id, value);
          if (opened.reseal) resealed.push(account);
        }
        currentId = stored.current;
        for (const account of resealed) sealed.set(account.user.id, await seal(account));
        if (discarded > 0) logger.warn('Discarded persisted accounts that failed to decrypt', { count: discarded, backend: encryption.backend });
        if (discarded > 0 || resealed.length > 0) write();
      }
    }
    await loadLegacy();
  };

  let ready: Promise<void> | null = null;
  const loaded = (): Promise<void> => (ready ??= load());

  const sessionOf = (account: KnownAccount | undefined): CurrentSession | null =>
    account?.token ? { userId: account.user.id, token: account.token, persisted: account.persisted } : null;

  const note = encryption.available ? null : [encryption.reason, options.extraNote].filter(Boolean).join(' ');

  return {
    canPersist: encryption.available,
    persistenceNote: note,

    current: async () => {
      await loaded();
      return currentId === null ? null : sessionOf(known.get(currentId));
    },

    accounts: async () => {
      await loaded();
      return [...known.values()].sort((a, b) => b.lastUsedAt - a.lastUsedAt).map((account) => ({ ...account }));
    },

    put: async (user, token, remember, now) => {
      await loaded();
      const previous = known.get(user.id);
      const replaced = previous?.token && previous.token !== token ? previous.token : null;
      const account: KnownAccount = { user, token, persisted: remember && encryption.available, lastUsedAt: now };
      known.set(user.id, account);
      currentId = user.id;
      await save(account);
      return { session: { userId: user.id, token, persisted: account.persisted }, replaced };
    },

    select: async (userId, now) => {
      await loaded();
      const account = known.get(userId);
      if (!account?.token) return null;
      account.lastUsedAt = now;
      currentId = userId;
      await save(account);
      return sessionOf(account);
    },

    endSession: async (userId) => {
      await loaded();
      const account = known.get(userId);
      if (!account) return;
      account.token = null;
      await save(account);
    },

    remove: async (userId) => {
      await loaded();
      const account = known.get(userId);
      known.delete(userId);
      sealed.delete(userId);
      if (currentId === userId) currentId = null;
      write();
      return account?.token ?? null;
    },

    deselect: async () => {
      await loaded();
      currentId = null;
      write();
    },
  };
}
