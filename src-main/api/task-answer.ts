// A single-task answer and its ETag; the If-Match a task write is conditional on (see tasks/task-etag.ts).
import type { Context } from 'hono';
import type { Task } from '../../src-shared/task-schemas.ts';
import { etagOf, ifMatchPrecondition, parseIfMatch, type TaskPrecondition } from '../tasks/task-etag.ts';
import type { ApiEnv } from './api-env.ts';
import { ApiError } from './api-error.ts';

/** A task answer with its strong ETag (scripts send it back in If-Match). */
export function taskJson(c: Context<ApiEnv>, task: Task, status: 200 | 201 = 200): Response {
  const body = JSON.stringify(task);
  return c.body(body, status, { 'Content-Type': 'application/json', ETag: etagOf(body) });
}

/** The request's If-Match as a precondition of the write; absent or `*`: none (400 when it is not well formed). */
export function ifMatch(c: Context<ApiEnv>): TaskPrecondition | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const parsed = parseIfMatch(header);
  if (!parsed) {
    throw new ApiError('BAD_REQUEST', 'If-Match must be * or a list of quoted entity tags (the ETag of a task answer).');
  }
  return ifMatchPrecondition(parsed);
}

