// A real cipher (AES-256-GCM, random key per instance) standing in for safeStorage in tests.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryption, StringCipher } from '../encryption.ts';

export function createAesCipher(key: Buffer = randomBytes(32)): StringCipher & { readonly key: Buffer } {
  return {
    key,
    encrypt: (plainText) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt: (cipherText) => {
      const decipher = createDecipheriv('aes-256-gcm', key, cipherText.subarray(0, 12));
      decipher.setAuthTag(cipherText.subarray(12, 28));
      const plainText = Buffer.concat([decipher.update(cipherText.subarray(28)), decipher.final()]).toString('utf8');
      return Promise.resolve({ plainText, shouldReEncrypt: false });
    },
  };
}

export function availableEncryption(cipher: StringCipher = createAesCipher()): Encryption {
  return { available: true, cipher, backend: 'test-aes' };
}

export function unavailableEncryption(reason = 'No keyring in this test.'): Encryption {
  return { available: false, reason, backend: 'basic_text' };
}
