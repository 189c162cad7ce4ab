// Input checks for sign-up/sign-in done before Better Auth sees anything (it accepts an empty name, and it
// would hash an arbitrarily long sign-in password). The rules themselves live in src-shared/account-rules.ts.
import {
  accountEmail,
  accountName,
  existingPassword,
  newPassword,
} from '../../src-shared/account-rules.ts';
import { authError } from './auth-error-mapping.ts';

export function normalizeEmail(value: unknown): string {
  const parsed = accountEmail.safeParse(value);
  if (!parsed.success) throw authError('INVALID_INPUT');
  return parsed.data;
}

/** 1..100 characters after trimming, no control or invisible format characters. */
export function isValidName(value: unknown): value is string {
  return accountName.safeParse(value).success;
}

export function normalizeName(value: unknown): string {
  const parsed = accountName.safeParse(value);
  if (!parsed.success) throw authError('INVALID_INPUT');
  return parsed.data;
}

/** Sign-up: the password policy, reported as WEAK_PASSWORD. */
export function checkNewPassword(value: unknown): string {
  if (typeof value !== 'string') throw authError('INVALID_INPUT');
  if (!newPassword.safeParse(value).success) throw authError('WEAK_PASSWORD');
  return value;
}

/** Sign-in: anything outside the policy cannot be a stored password, so it is refused without hashing. */
export function checkExistingPassword(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw authError('INVALID_INPUT');
  if (!existingPassword.safeParse(value).success) throw authError('INVALID_CREDENTIALS');
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
