// Seals short strings with the auth secret, the way Better Auth already seals its JWT private keys (its
// symmetricEncrypt: XChaCha20-Poly1305 under a key derived from the secret). Used for what must be kept at rest but
// read back (a sync account's password) where no OS keyring protects it (the headless host, a desktop without one).
// A copy of tasks.db without the secret (auth-secret file or keyring) opens nothing.
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';

export interface StringSealer {
  seal(plainText: string): Promise<string>;
  /** Throws when the text was not sealed with this secret (another data directory, a damaged value). */
  open(sealed: string): Promise<string>;
}

export function createSecretSealer(secret: string): StringSealer {
  return {
    seal: (plainText) => symmetricEncrypt({ key: secret, data: plainText }),
    open: async (sealed) => {
      const plainText = await symmetricDecrypt({ key: secret, data: sealed });
      if (typeof plainText !== 'string') throw new Error('The sealed value could not be opened.');
      return plainText;
    },
  };
}
