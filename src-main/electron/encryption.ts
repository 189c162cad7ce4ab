// Whether (and how) this machine can encrypt strings at rest. Electron: safeStorage (Keychain, DPAPI,
// libsecret/KWallet). Tests: any StringCipher. No electron import: safeStorage is passed in.

export interface DecryptedString {
  plainText: string;
  /** The OS rotated the key: encrypt and store the value again. */
  shouldReEncrypt: boolean;
}

export interface StringCipher {
  encrypt(plainText: string): Promise<Buffer>;
  /** Throws when the ciphertext cannot be decrypted (other key, corrupted). */
  decrypt(cipherText: Buffer): Promise<DecryptedString>;
}

export type Encryption =
  | { readonly available: true; readonly cipher: StringCipher; readonly backend: string }
  | { readonly available: false; readonly reason: string; readonly backend: string };

/** The part of Electron's safeStorage this app uses (the non-deprecated async API). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend(): string;
}

const NO_KEYRING =
  'No system keyring is available (on Linux: GNOME Keyring or KWallet), so Tasks Desktop cannot encrypt your ' +
  'session on disk. You stay signed in only until you quit the app.';

/**
 * Decides once, after app `ready`, whether safeStorage protects data with an OS key.
 * On Linux the `basic_text` backend "encrypts" with a key hard-coded in Chromium: that is plain text in
 * disguise, so it counts as unavailable.
 */
export async function encryptionFromSafeStorage(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<Encryption> {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi';
  if (platform === 'linux' && (backend === 'basic_text' || backend === 'unknown')) {
    return { available: false, reason: NO_KEYRING, backend };
  }
  let available: boolean;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) return { available: false, reason: NO_KEYRING, backend };
  return {
    available: true,
    backend,
    cipher: {
      encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
      decrypt: async (cipherText) => {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipherText);
        return { plainText: result, shouldReEncrypt };
      },
    },
  };
}
