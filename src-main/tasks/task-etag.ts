// Optimistic concurrency for scripts: every task answer carries a strong ETag, and the task writes (PUT, PATCH,
// DELETE, PATCH .../complete) honour If-Match (412 PRECONDITION_FAILED when the task changed since it was read).
//
// The tag is a hash of the task's representation (the JSON the API answers), not of a row revision: a strong
// ETag must change whenever the bytes of the answer do, and a task's answer also changes when no row of it is
// written (a tag renamed on every task, a subtask added or completed changes subtaskCount). Every write of the
// task sets updatedAt, so every write changes the tag too; a write that leaves the task as it was (an occurrence
// completed twice) keeps it. Cost: one SHA-256 over ~1 KB per single-task answer (a few microseconds; lists
// carry no ETags, so the list route pays nothing).
import { createHash } from 'node:crypto';
import type { Task } from '../../src-shared/task-schemas.ts';
import { RuleError } from '../core/rule-error.ts';

/** What If-Match asks for: any current task (`*`), or one of these strong tags. */
export type IfMatch = { any: true } | { any: false; tags: readonly string[] };

/** Runs inside a task write, on the task as it is before the write: throws to refuse the write. */
export type TaskPrecondition = (current: Task) => void;

/** The strong entity tag of an answer's body, quoted as it goes into the ETag header. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The ETag of a task answer: that of its JSON (the body the API sends). */
export function taskEtag(task: Task): string {
  return etagOf(JSON.stringify(task));
}

const ENTITY_TAG = /^\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*$/;

/**
 * Parses an If-Match header (RFC 9110 §13.1.1): `*` or a comma-separated list of entity tags. Weak tags (W/"…")
 * are kept out: If-Match compares strongly, so they never match. Null when the header is not of that form.
 */
export function parseIfMatch(header: string): IfMatch | null {
  if (header.trim() === '*') return { any: true };
  const tags: string[] = [];
  let listed = 0;
  for (const part of header.split(',')) {
    if (part.trim() === '') continue;
    const match = ENTITY_TAG.exec(part);
    if (!match) return null;
    listed++;
    if (!match[1]) tags.push(`"${match[2]!}"`);
  }
  return listed === 0 ? null : { any: false, tags };
}

/** The precondition of an If-Match: nothing to check for `*` (a missing task is 404 as without the header). */
export function ifMatchPrecondition(ifMatch: IfMatch): TaskPrecondition | undefined {
  if (ifMatch.any) return undefined;
  return (current) => {
    if (!ifMatch.tags.includes(taskEtag(current))) {
      throw new RuleError(
        'PRECONDITION_FAILED',
        'The task changed since it was read (If-Match does not match its ETag): read it again and retry.',
      );
    }
  };
}
