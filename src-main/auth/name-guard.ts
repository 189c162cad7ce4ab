// Better Auth's before-hook applying the shared account rules (src-shared/account-rules.ts) to every route that takes
// a name, an email or a password, over HTTP and in-process alike: Better Auth alone accepts an empty name, a 60,000-
// character email (whose JWT then no longer fits in a request header) and hashes any sign-in password.
import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { z } from 'zod';
import {
  accountEmail,
  accountName,
  existingPassword,
  NAME_RULE_MESSAGE,
  newPassword,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULE_MESSAGE,
} from '../../src-shared/account-rules.ts';

export const INVALID_NAME_CODE = 'INVALID_NAME';

interface FieldRule {
  field: string;
  schema: z.ZodType;
  /** Required on this path (else checked only when present). */
  required: boolean;
  status: 'BAD_REQUEST' | 'UNAUTHORIZED';
  code: string | ((value: unknown) => string);
  message: string;
}

const name = (required: boolean): FieldRule => ({
  field: 'name',
  schema: accountName,
  required,
  status: 'BAD_REQUEST',
  code: INVALID_NAME_CODE,
  message: NAME_RULE_MESSAGE,
});
const email: FieldRule = {
  field: 'email',
  schema: accountEmail,
  required: true,
  status: 'BAD_REQUEST',
  code: 'INVALID_EMAIL',
  message: 'Enter a valid email address of at most 254 characters.',
};
const password = (field: string): FieldRule => ({
  field,
  schema: newPassword,
  required: true,
  status: 'BAD_REQUEST',
  // Better Auth's own codes for the same failures.
  code: (value) =>
    typeof value !== 'string' ? 'VALIDATION_ERROR' : value.length < PASSWORD_MIN_LENGTH ? 'PASSWORD_TOO_SHORT' : 'PASSWORD_TOO_LONG',
  message: PASSWORD_RULE_MESSAGE,
});

/** Per Better Auth path, the fields it takes and their rules. */
const RULES: Readonly<Record<string, readonly FieldRule[]>> = {
  '/sign-up/email': [name(true), email, password('password')],
  // A sign-in password outside the rules cannot match a stored one: the same answer as a wrong password, unhashed.
  '/sign-in/email': [
    email,
    {
      field: 'password',
      schema: existingPassword,
      required: true,
      status: 'UNAUTHORIZED',
      code: 'INVALID_EMAIL_OR_PASSWORD',
      message: 'Invalid email or password',
    },
  ],
  '/update-user': [name(false)],
  '/change-password': [password('newPassword')],
};

export const nameGuard = createAuthMiddleware(async (ctx) => {
  const rules = RULES[ctx.path];
  if (!rules) return;
  const body: unknown = ctx.body;
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  for (const rule of rules) {
    const value = record[rule.field];
    if (value === undefined && !rule.required) continue;
    if (rule.schema.safeParse(value).success) continue;
    const code = typeof rule.code === 'function' ? rule.code(value) : rule.code;
    throw new APIError(rule.status, { code, message: rule.message });
  }
  return Promise.resolve();
});
