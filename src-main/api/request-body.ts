import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, issuesToDetails } from './api-error.ts';

/** 64 KiB: the largest JSON body the task routes accept. */
export const MAX_BODY_BYTES = 64 * 1024;

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * Reads a JSON body: 415 if it is not JSON, 400 if it does not parse. Returns undefined for an empty body.
 * The byte limit is enforced before this by the bodyLimit middleware (413).
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.length === 0) return undefined;
  if (!isJson(c.req.header('content-type'))) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
}

/** Validates with a schema: 422 VALIDATION_FAILED with one detail per field issue. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError('VALIDATION_FAILED', `The request ${what} is not valid.`, issuesToDetails(result.error.issues));
}

/** A required JSON body, validated. */
export async function readValidBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const body = await readJsonBody(c);
  if (body === undefined) throw new ApiError('MALFORMED_JSON', 'The request needs a JSON body.');
  return validate(schema, body);
}
