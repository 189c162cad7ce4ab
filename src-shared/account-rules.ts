// The input rules for accounts, declared once: the desktop IPC handlers (src-main/electron/ipc-schemas.ts), the
// in-process auth service (src-main/auth/auth-input.ts) and Better Auth's before-hook for HTTP sign-up, sign-in and
// profile updates (src-main/auth/name-guard.ts) all use these. UI-free and Node-free: any layer may import it.
import { z } from 'zod';

/** RFC 5321's limit on a forward path; longer addresses cannot receive mail anyway. */
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
export const PASSWORD_MIN_LENGTH = 10;
/** New passwords (sign-up, change). */
export const PASSWORD_MAX_LENGTH = 128;
/**
 * Sign-in still takes passwords up to the old 256-character limit, so accounts made before the limit was lowered
 * keep working; anything longer cannot be a stored password and is refused without hashing.
 */
export const SIGN_IN_PASSWORD_MAX_LENGTH = 256;

/**
 * Characters a display name must not contain: control characters, unpaired surrogates, line/paragraph separators and
 * invisible format characters (bidi embeddings, overrides and isolates, zero-width space, BOM, soft hyphen, tags...),
 * which can make a name render as something else. Zero-width (non-)joiners stay: emoji sequences and several
 * scripts (Persian, Indic) need them.
 */
const NAME_FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;

export function isCleanName(value: string): boolean {
  return !NAME_FORBIDDEN.test(value);
}

export const NAME_RULE_MESSAGE = `Names are 1 to ${NAME_MAX_LENGTH} characters, without control or invisible formatting characters.`;
export const PASSWORD_RULE_MESSAGE = `Passwords are ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`;

/** A display name: trimmed, 1..100 characters, no control or invisible format characters. */
export const accountName = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, { error: 'Enter your name' })
  .max(NAME_MAX_LENGTH, { error: `Names are at most ${NAME_MAX_LENGTH} characters` })
  .refine(isCleanName, { error: 'Names cannot contain control or invisible formatting characters' });

/** An email address: trimmed and lower-cased, at most 254 characters, valid. */
export const accountEmail = z
  .string({ error: 'Enter your email address' })
  .trim()
  .max(EMAIL_MAX_LENGTH, { error: 'That email address is too long' })
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }));

/** A password being set (sign-up, change): 10..128 characters. */
export const newPassword = z
  .string({ error: 'Enter your password' })
  .min(PASSWORD_MIN_LENGTH, { error: PASSWORD_RULE_MESSAGE })
  .max(PASSWORD_MAX_LENGTH, { error: PASSWORD_RULE_MESSAGE });

/** A password being checked (sign-in): not empty, not longer than any stored password can be. */
export const existingPassword = z
  .string({ error: 'Enter your password' })
  .min(1, { error: 'Enter your password' })
  .max(SIGN_IN_PASSWORD_MAX_LENGTH, {
    error: `Passwords are at most ${SIGN_IN_PASSWORD_MAX_LENGTH} characters`,
  });
