// Input checks for sign-up/sign-in done before Better Auth sees anything (it accepts an empty name, and it
// would hash an arbitrarily long sign-in password).
import * as z from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './auth-types.ts';
import { authError } from './auth-error-mapping.ts';

export const NAME_MAX_LENGTH = 100;
const EMAIL_MAX_LENGTH = 254;
const emailSchema = z.email().max(EMAIL_MAX_LENGTH);

export function normalizeEmail(value: unknown): string {
  if (typeof value !== 'string') throw authError('INVALID_INPUT');
  const email = value.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) throw authError('INVALID_INPUT');
  return email;
}

/** 1..100 characters after trimming, no control characters. */
export function isValidName(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const name = value.trim();
  return name.length > 0 && name.length <= NAME_MAX_LENGTH && !/\p{Cc}/u.test(name);
}

export function normalizeName(value: unknown): string {
  if (!isValidName(value)) throw authError('INVALID_INPUT');
  return value.trim();
}

/** Sign-up: the password policy, reported as WEAK_PASSWORD. */
export function checkNewPassword(value: unknown): string {
  if (typeof value !== 'string') throw authError('INVALID_INPUT');
  if (value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH)
    throw authError('WEAK_PASSWORD');
  return value;
}

/** Sign-in: anything outside the policy cannot be a stored password, so it is refused without hashing. */
export function checkExistingPassword(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw authError('INVALID_INPUT');
  if (value.length > PASSWORD_MAX_LENGTH) throw authError('INVALID_CREDENTIALS');
  return value;
}

/** Session tokens are Better Auth's URL-safe strings (optionally `token.signature`); anything else is unknown. */
export function isPlausibleSessionToken(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 512 &&
    /^[A-Za-z0-9._%+/=-]+$/.test(value)
  );
}
