import { describe, expect, it } from 'vitest';
import { encryptionFromSafeStorage, type SafeStorageLike } from './encryption.ts';

function fakeSafeStorage(backend: string, available: boolean): SafeStorageLike {
  return {
    getSelectedStorageBackend: () => backend,
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    // Reversible but not identity, so a test would notice a missing call.
    encryptStringAsync: (plainText) => Promise.resolve(Buffer.from(plainText, 'utf8').reverse()),
    decryptStringAsync: (encrypted) =>
      Promise.resolve({ result: Buffer.from(encrypted).reverse().toString('utf8'), shouldReEncrypt: false }),
  };
}

describe('encryptionFromSafeStorage', () => {
  it("treats Linux's basic_text backend as no encryption, even though safeStorage says available", async () => {
    const encryption = await encryptionFromSafeStorage(fakeSafeStorage('basic_text', true), 'linux');
    expect(encryption.available).toBe(false);
    expect(encryption.available ? '' : encryption.reason).toMatch(/keyring/i);
  });

  it('is unavailable when safeStorage says so', async () => {
    const encryption = await encryptionFromSafeStorage(fakeSafeStorage('gnome_libsecret', false), 'linux');
    expect(encryption).toMatchObject({ available: false, backend: 'gnome_libsecret' });
  });

  it('wraps safeStorage when a real keyring backs it', async () => {
    const encryption = await encryptionFromSafeStorage(fakeSafeStorage('ignored-off-linux', true), 'darwin');
    if (!encryption.available) throw new Error('expected encryption');
    expect(encryption.backend).toBe('keychain');
    const sealed = await encryption.cipher.encrypt('hello');
    expect(sealed.toString('utf8')).not.toBe('hello');
    await expect(encryption.cipher.decrypt(sealed)).resolves.toEqual({ plainText: 'hello', shouldReEncrypt: false });
  });
});
