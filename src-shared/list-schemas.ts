// The lists API's data shapes (GET/POST /api/{userId}/lists, PATCH/DELETE .../lists/{listId}, POST .../restore),
// declared once with zod: validation, types, OpenAPI. UI-free and Node-free: any layer may import this file.
import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';

export const LIST_NAME_MAX = 100;
/** Most lists one account may have (live and in the trash). */
export const LISTS_MAX = 1000;
/** The name the Inbox gets when it is created. */
export const INBOX_NAME = 'Inbox';
export const ORDER_KEY_MAX = 200;

export const listName = z
  .string()
  .trim()
  .min(1, 'List name must not be empty.')
  .max(LIST_NAME_MAX, `List name must be at most ${LIST_NAME_MAX} characters.`);

/** "#rrggbb", or null for no colour. */
export const listColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must be "#rrggbb".')
  .transform((value) => value.toLowerCase());

/**
 * A fractional-indexing order key (https://github.com/rocicorp/fractional-indexing): letters and digits, compared
 * byte by byte. Clients make one with generateKeyBetween(previous.position, next.position).
 */
export const orderKey = z
  .string()
  .min(2)
  .max(ORDER_KEY_MAX)
  .regex(/^[A-Za-z][0-9A-Za-z]*$/, 'Position must be a fractional-indexing key (letters and digits).')
  .refine(isOrderKey, 'Position is not a valid fractional-indexing key.');

/** Whether the library accepts `key` as an order key (it throws on a malformed one). */
export function isOrderKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** POST /api/{userId}/lists */
export const listCreate = z.strictObject({
  name: listName,
  color: listColor.nullable().default(null),
});
export type ListCreateInput = z.input<typeof listCreate>;
export type ListCreate = z.output<typeof listCreate>;

/** PATCH /api/{userId}/lists/{listId}: any subset, at least one field. */
export const listPatch = z
  .strictObject({
    name: listName.optional(),
    color: listColor.nullable().optional(),
    position: orderKey.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: 'Give at least one field to change.',
  });
export type ListPatchInput = z.input<typeof listPatch>;
export type ListPatch = z.output<typeof listPatch>;

/** A list as the API returns it. */
export const list = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  /** Order key: lists sort by (position, id), ascending. */
  position: z.string(),
  isInbox: z.boolean(),
  /** Open (not completed) tasks in the list, subtasks included; the trash never counts. */
  activeCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only on lists in the trash (status=deleted). */
  deletedAt: z.string().optional(),
});
export type List = z.infer<typeof list>;

/** GET /api/{userId}/lists?status=active|deleted (default active; deleted = the lists in the trash). */
export const listsQuery = z.strictObject({
  status: z.enum(['active', 'deleted']).default('active'),
});
export type ListsQuery = z.output<typeof listsQuery>;

export const listCollection = z.object({ items: z.array(list) });
export type ListCollection = z.infer<typeof listCollection>;
