// Runtime validation of what the renderer sends, typed against the contract. Password strength is the
// auth service's call (WEAK_PASSWORD); here only shape and sane bounds are checked.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../auth/auth-types.ts';
import type { AccessTokenRequest, IpcError, SignInRequest, SignUpRequest } from '../../src-preload/contract.ts';

const email = z
  .string({ error: 'Enter your email address' })
  .trim()
  .max(254, { error: 'That email address is too long' })
  .pipe(z.email({ error: 'Enter a valid email address' }));

const password = z
  .string({ error: 'Enter your password' })
  .min(1, { error: 'Enter your password' })
  .max(PASSWORD_MAX_LENGTH, { error: `Passwords are at most ${PASSWORD_MAX_LENGTH} characters` });

export const signUpSchema = z.strictObject({
  name: z.string({ error: 'Enter your name' }).trim().min(1, { error: 'Enter your name' }).max(100, { error: 'Names are at most 100 characters' }),
  email,
  password,
  remember: z.boolean().optional(),
}) satisfies z.ZodType<SignUpRequest>;

export const signInSchema = z.strictObject({
  email,
  password,
  remember: z.boolean({ error: 'remember must be true or false' }),
}) satisfies z.ZodType<SignInRequest>;

export const accessTokenSchema = z
  .strictObject({ forceRefresh: z.boolean().optional() })
  .optional()
  .nullable()
  .transform((value): AccessTokenRequest => value ?? {});

export const noPayloadSchema = z.union([z.undefined(), z.null()], { error: 'This call takes no arguments' });

/** INVALID_INPUT with one message per field; never echoes the submitted values. */
export function invalidInput(error: z.ZodError): IpcError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(payload)';
    fields[key] ??= issue.message;
  }
  return { code: 'INVALID_INPUT', message: 'Some fields are missing or invalid.', fields };
}
