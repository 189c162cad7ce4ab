// Personal access tokens: the HTTP shapes (validation, types, OpenAPI) and the token format, declared once.
// UI-free and Node-free: the renderer, the CLI and main import this file.
import { z } from 'zod';

/** Every token starts with this, so secret scanners (and people) can recognise a leaked one. */
export const TOKEN_PREFIX = 'tdpat_';
/** 32 random bytes (256 bits) as unpadded base64url: 43 characters after the prefix. */
export const TOKEN_RANDOM_BYTES = 32;
export const TOKEN_BODY_LENGTH = 43;
/** The full format, e.g. for a secret scanner rule: tdpat_ + 43 base64url characters. */
export const TOKEN_PATTERN = /^tdpat_[A-Za-z0-9_-]{43}$/;

export const TOKEN_SCOPES = ['tasks:read', 'tasks:write'] as const;
export const tokenScope = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScope>;

export const TOKEN_NAME_MAX = 100;
export const TOKEN_EXPIRY_DAYS_MAX = 365;
/** At most this many live tokens per user (a runaway script cannot fill the database). */
export const TOKENS_PER_USER_MAX = 100;

/** `["tasks:read"]` or `["tasks:read","tasks:write"]` (in any order, without repeats). */
const scopes = z
  .array(tokenScope)
  .min(1, 'Give at least one scope.')
  .max(TOKEN_SCOPES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'Scopes must not repeat.' })
  .refine((list) => !list.includes('tasks:write') || list.includes('tasks:read'), {
    message: 'tasks:write needs tasks:read as well: ["tasks:read","tasks:write"].',
  })
  .transform((list) => TOKEN_SCOPES.filter((scope) => list.includes(scope)));

/** POST /api/{userId}/tokens */
export const tokenCreate = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token (e.g. the script or machine that uses it).')
    .max(TOKEN_NAME_MAX, `The name must be at most ${TOKEN_NAME_MAX} characters.`)
    .refine((name) => !/\p{Cc}/u.test(name), { message: 'The name must not contain control characters.' }),
  scopes,
  expiresInDays: z
    .number()
    .int('Whole days only.')
    .min(1)
    .max(TOKEN_EXPIRY_DAYS_MAX, `At most ${TOKEN_EXPIRY_DAYS_MAX} days; null for no expiry.`)
    .nullable(),
});
export type TokenCreateInput = z.input<typeof tokenCreate>;
export type TokenCreate = z.output<typeof tokenCreate>;

/** A token as listed: never its secret. Times are ISO 8601 UTC. */
export const tokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(tokenScope),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  /** True once expiresAt has passed: the token is refused (401 AUTH_EXPIRED) and only listed until revoked. */
  expired: z.boolean(),
  lastUsedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof tokenInfo>;

/** 201 answer of POST: the secret `token`, shown this once. */
export const tokenCreated = tokenInfo.extend({ token: z.string() });
export type TokenCreated = z.infer<typeof tokenCreated>;

export const tokenList = z.object({ items: z.array(tokenInfo) });
export type TokenList = z.infer<typeof tokenList>;
