// What the renderer may send to the account channels, typed against the contract.
import { z } from 'zod';
import type { AccountRequest } from '../../src-preload/contract.ts';

/** Better Auth's user ids: opaque, URL-safe, well under 100 characters. */
export const accountId = z
  .string({ error: 'userId must be a string' })
  .min(1, { error: 'userId is empty' })
  .max(100, { error: 'userId is too long' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'userId is not an account id' });

export const accountRequestSchema = z.strictObject({ userId: accountId }) satisfies z.ZodType<AccountRequest>;
