// A sync account's password at rest: sealed like the session. In the desktop app with a system keyring, by
// safeStorage (the OS key); otherwise (the headless host, a desktop without a keyring) with the data directory's
// auth secret (src-main/auth/secret-sealer.ts). The stored text says which: "os1:" or "sec1:". No new crypto here.
import type { StringSealer } from '../../auth/secret-sealer.ts';

/** The part of safeStorage the sealer uses (src-main/electron/encryption.ts's StringCipher has this shape). */
export interface OsCipher {
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(cipherText: Buffer): Promise<{ plainText: string }>;
}

export class PasswordUnavailable extends Error {
  override readonly name = 'PasswordUnavailable';
}

const OS = 'os1:';
const SECRET = 'sec1:';

export interface PasswordSealer {
  /** Where new passwords are sealed, for logs and docs (never the password). */
  readonly backend: 'os-keyring' | 'auth-secret';
  seal(password: string): Promise<string>;
  /** Throws PasswordUnavailable when the sealed value cannot be opened here (keyring gone, other secret). */
  open(sealed: string): Promise<string>;
}

export function createPasswordSealer(secretSealer: StringSealer, osCipher?: OsCipher): PasswordSealer {
  return {
    backend: osCipher ? 'os-keyring' : 'auth-secret',
    seal: async (password) =>
      osCipher
        ? OS + (await osCipher.encrypt(password)).toString('base64')
        : SECRET + (await secretSealer.seal(password)),
    open: async (sealed) => {
      try {
        if (sealed.startsWith(OS) && osCipher) {
          return (await osCipher.decrypt(Buffer.from(sealed.slice(OS.length), 'base64'))).plainText;
        }
        if (sealed.startsWith(SECRET)) return await secretSealer.open(sealed.slice(SECRET.length));
      } catch {
        // Falls through: the caller asks for the password again.
      }
      throw new PasswordUnavailable(
        sealed.startsWith(OS) && !osCipher
          ? 'The password was sealed with the system keyring, which is not available now; enter it again.'
          : 'The stored password cannot be opened here; enter it again.',
      );
    },
  };
}
