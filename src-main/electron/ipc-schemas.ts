// Runtime validation of what the renderer sends, typed against the contract. The field rules are the shared account
// rules (src-shared/account-rules.ts), the same the HTTP sign-up applies. Password strength is the auth service's call
// (WEAK_PASSWORD); here only the password's shape and upper bound are checked.
import { z } from 'zod';
import {
  accountEmail,
  accountName,
  existingPassword,
  PASSWORD_MAX_LENGTH,
} from '../../src-shared/account-rules.ts';
import { portNumber } from '../../src-shared/api-discovery.ts';
import type {
  AccessTokenRequest,
  IpcError,
  RestoreBackupRequest,
  SaveExportRequest,
  SetApiPortRequest,
  SignInRequest,
  SignUpRequest,
} from '../../src-preload/contract.ts';

export const signUpSchema = z.strictObject({
  name: accountName,
  email: accountEmail,
  password: existingPassword.max(PASSWORD_MAX_LENGTH, {
    error: `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`,
  }),
  remember: z.boolean().optional(),
}) satisfies z.ZodType<SignUpRequest>;

export const signInSchema = z.strictObject({
  email: accountEmail,
  password: existingPassword,
  remember: z.boolean({ error: 'remember must be true or false' }),
}) satisfies z.ZodType<SignInRequest>;

export const accessTokenSchema = z
  .strictObject({ forceRefresh: z.boolean().optional() })
  .optional()
  .nullable()
  .transform((value): AccessTokenRequest => value ?? {});

export const setApiPortSchema = z.strictObject({ port: portNumber }) satisfies z.ZodType<SetApiPortRequest>;

export const restoreBackupSchema = z.strictObject({
  name: z.string().min(1).max(200),
}) satisfies z.ZodType<RestoreBackupRequest>;

export const saveExportSchema = z.strictObject({
  // A bare file name: the dialog decides the folder.
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, 'A file name without folders'),
  content: z.string().max(256 * 1024 * 1024),
}) satisfies z.ZodType<SaveExportRequest>;

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
