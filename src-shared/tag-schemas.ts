// The tags API's data shapes (GET /api/{userId}/tags, PATCH/DELETE .../tags/{name}) and the tag-name rules that
// task bodies share. UI-free and Node-free: any layer may import this file.
import { z } from 'zod';

export const TAG_NAME_MAX = 50;
export const TAGS_PER_TASK_MAX = 20;

/** Whitespace, '#', '@' and '!' are not allowed in tag names (they are quick-add syntax). */
const TAG_FORBIDDEN = /[\s#@!]/u;

/** 1-50 characters, no spaces or #@!. Surrounding spaces are trimmed. */
export const tagName = z
  .string()
  .trim()
  .min(1, 'Tag name must not be empty.')
  .refine((name) => [...name].length <= TAG_NAME_MAX, `Tag name must be at most ${TAG_NAME_MAX} characters.`)
  .refine((name) => !TAG_FORBIDDEN.test(name), 'Tag names cannot contain spaces, "#", "@" or "!".');

/** How two spellings of one tag compare: names are unique per account ignoring case. */
export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A task's tags: at most 20, duplicates (ignoring case) collapse to the first spelling. */
export const taskTags = z
  .array(tagName)
  .max(TAGS_PER_TASK_MAX, `A task can have at most ${TAGS_PER_TASK_MAX} tags.`)
  .transform((names) => {
    const seen = new Set<string>();
    return names.filter((name) => {
      const key = tagKey(name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** PATCH /api/{userId}/tags/{name}: rename everywhere; renaming onto an existing tag merges the two. */
export const tagRename = z.strictObject({ name: tagName });
export type TagRename = z.output<typeof tagRename>;

export const tag = z.object({
  /** The account's spelling (the first one used). */
  name: z.string(),
  /** Tasks carrying the tag, completed ones included; the trash never counts. */
  count: z.number().int(),
  /** Open (not completed) tasks carrying the tag. */
  activeCount: z.number().int(),
});
export type Tag = z.infer<typeof tag>;

export const tagCollection = z.object({ items: z.array(tag) });
export type TagCollection = z.infer<typeof tagCollection>;
