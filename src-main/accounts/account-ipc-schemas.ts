// What the renderer may send to the account channels, typed against the contract.
import { z } from 'zod';
import { existingPassword, PASSWORD_MAX_LENGTH } from '../../src-shared/account-rules.ts';
import type { AccountRequest, ChangePasswordRequest } from '../../src-preload/contract.ts';

/** Better Auth's user ids: opaque, URL-safe, well under 100 characters. */
export const accountId = z
  .string({ error: 'userId must be a string' })
  .min(1, { error: 'userId is empty' })
  .max(100, { error: 'userId is too long' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'userId is not an account id' });

export const accountRequestSchema = z.strictObject({ userId: accountId }) satisfies z.ZodType<AccountRequest>;

/** Strength is the auth service's call (WEAK_PASSWORD); here only the shape and the upper bound. */
export const changePasswordSchema = z.strictObject({
  currentPassword: existingPassword,
  newPassword: existingPassword.max(PASSWORD_MAX_LENGTH, { error: `Passwords are at most ${PASSWORD_MAX_LENGTH} characters` }),
  signOutOtherDevices: z.boolean({ error: 'signOutOtherDevices must be true or false' }),
}) satisfies z.ZodType<ChangePasswordRequest>;
