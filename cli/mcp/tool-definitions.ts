// The MCP server's tools: input schemas straight from the API's zod schemas in src-shared (one source of truth),
// each tool one HTTP call (two for update_task, which reads the task first so its undo can restore it).
// Every write tool's result ends with how to undo it.
import { z } from 'zod';
import { exportTask } from '../../src-shared/export-schema.ts';
import { IMPORT_FORMATS, type ImportResult } from '../../src-shared/import-schemas.ts';
import { listName } from '../../src-shared/list-schemas.ts';
import { quickAddRequest } from '../../src-shared/quick-add/quick-add-schemas.ts';
import {
  listQuery,
  taskComplete,
  taskCreate,
  taskPatch,
  type TaskList,
} from '../../src-shared/task-schemas.ts';
import { localTimeZone } from '../due-input.ts';
import type { Caller } from '../context.ts';
import type { ApiTask } from '../task-format.ts';

/** A task id as the API's export format declares it. */
const id = exportTask.shape.id.describe('The task id (from list_tasks or create_task).');
const byId = z.strictObject({ id });
const ifMatch = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('The ETag get_task (or an earlier write) gave: the change is made only if the task is still at it (else PRECONDITION_FAILED).');
const ifMatchHeader = (args: Record<string, unknown>) =>
  typeof args.ifMatch === 'string' ? { 'If-Match': args.ifMatch } : undefined;

export interface ToolResult {
  value: unknown;
  /** How to undo a write: the tool call that reverses it. */
  undo?: { tool: string; arguments: Record<string, unknown>; note?: string };
  /** A task answer's ETag (its version), for the ifMatch argument of the write tools. */
  etag?: string | null;
}

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  /** true: needs tasks:write (hidden from read-only tokens). */
  write: boolean;
  inputSchema: z.ZodObject;
  run(caller: Caller, args: Record<string, unknown>): Promise<ToolResult>;
}

function taskPath(caller: Caller, taskId: string): string {
  return `${caller.base}/tasks/${encodeURIComponent(taskId)}`;
}

/** The query string of list_tasks: the validated listQuery, as strings. */
function toQuery(args: Record<string, unknown>): Record<string, string | number | boolean | undefined> {
  const query: Record<string, string | number | boolean | undefined> = {};
  for (const [key, value] of Object.entries(args)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      query[key] = value;
  }
  return query;
}

const updateInput = z
  .strictObject({ id, ifMatch, ...taskPatch.shape })
  .refine(({ id: _id, ifMatch: _ifMatch, ...patch }) => Object.values(patch).some((v) => v !== undefined), {
    message: 'Give at least one field to change.',
  });

export const TOOL_DEFINITIONS: ToolDefinition[] = [
  {
    name: 'list_tasks',
    title: 'List tasks',
    description:
      "List the user's tasks, newest first by default. status: all | active | completed | deleted (the trash). " +
      'q searches titles and notes; dueFrom/dueTo select by due date, startFrom/startTo by start date; ' +
      'view=today is what Today shows (due by tonight or started); available=true hides tasks not started yet; ' +
      'follow nextCursor for more.',
    write: false,
    inputSchema: listQuery,
    run: async (caller, args) => ({
      value: await caller.client.json<TaskList>('GET', `${caller.base}/tasks`, { query: toQuery(args) }),
    }),
  },
  {
    name: 'get_task',
    title: 'Get a task',
    description: 'One task by id, with its notes.',
    write: false,
    inputSchema: byId,
    run: async (caller, args) => caller.client.jsonWithEtag<ApiTask>('GET', taskPath(caller, String(args.id))),
  },
  {
    name: 'create_task',
    title: 'Create a task',
    description:
      'Create a task. dueAt is ISO 8601 (a date, or a date-time with offset); dueDate an all-day date; ' +
      'startDate (YYYY-MM-DD) the day it becomes workable.',
    write: true,
    inputSchema: taskCreate,
    run: async (caller, args) => {
      const task = await caller.client.json<ApiTask>('POST', `${caller.base}/tasks`, { body: args });
      return { value: task, undo: { tool: 'delete_task', arguments: { id: task.id } } };
    },
  },
  {
    name: 'quick_add',
    title: 'Quick add',
    description:
      'Create a task from one line of natural language, as typed in the app: dates and times ("tomorrow 9am", ' +
      '"every monday"), #List, @tag, priority (!high, !medium, !low or p1-p3), reminders ("remind me 1h before"). ' +
      'Returns the task and what each part of the text became.',
    write: true,
    inputSchema: z.strictObject({
      text: quickAddRequest.shape.text,
      timeZone: quickAddRequest.shape.timeZone
        .optional()
        .describe("IANA zone for dates (default: this machine's)"),
    }),
    run: async (caller, args) => {
      const created = await caller.client.json<{ task: ApiTask; parsed: unknown }>(
        'POST',
        `${caller.base}/tasks/quick-add`,
        {
          body: { text: args.text, timeZone: args.timeZone ?? localTimeZone() },
        },
      );
      return { value: created, undo: { tool: 'delete_task', arguments: { id: created.task.id } } };
    },
  },
  {
    name: 'update_task',
    title: 'Update a task',
    description:
      'Change some fields of a task (title, description, priority, startDate, dueDate, dueAt, completed); ' +
      'others stay.',
    write: true,
    inputSchema: updateInput,
    run: async (caller, args) => {
      const { id: taskId, ifMatch: _ifMatch, ...patch } = args as { id: string } & Record<string, unknown>;
      const before = await caller.client.json<ApiTask>('GET', taskPath(caller, taskId));
      const { value: task, etag } = await caller.client.jsonWithEtag<ApiTask>('PATCH', taskPath(caller, taskId), {
        body: patch,
        headers: ifMatchHeader(args),
      });
      const previous = Object.fromEntries(Object.keys(patch).map((key) => [key, before[key]]));
      return { value: task, etag, undo: { tool: 'update_task', arguments: { id: taskId, ...previous } } };
    },
  },
  {
    name: 'complete_task',
    title: 'Complete a task',
    description:
      'Mark a task done (or not done again with completed: false). A repeating task moves to its next occurrence; ' +
      'occurrence (the due you saw: dueDate or dueAt) makes a retry safe: an occurrence already done is left as is.',
    write: true,
    inputSchema: z.strictObject({
      id,
      completed: taskComplete.shape.completed.default(true),
      occurrence: taskComplete.shape.occurrence,
      ifMatch,
    }),
    run: async (caller, args) => {
      const path = taskPath(caller, String(args.id));
      // Always sent: the one given, else the task's due as read now.
      let occurrence = typeof args.occurrence === 'string' ? args.occurrence : null;
      if (occurrence === null) {
        const current = await caller.client.json<ApiTask>('GET', path);
        occurrence = current.dueAt ?? current.dueDate;
      }
      const { value: task, etag } = await caller.client.jsonWithEtag<ApiTask>('PATCH', `${path}/complete`, {
        body: occurrence === null ? { completed: args.completed } : { completed: args.completed, occurrence },
        headers: ifMatchHeader(args),
      });
      return {
        value: task,
        etag,
        undo: { tool: 'complete_task', arguments: { id: task.id, completed: !task.completed } },
      };
    },
  },
  {
    name: 'delete_task',
    title: 'Delete a task',
    description: 'Move a task to the trash. It can be restored for 30 days, then it is gone.',
    write: true,
    inputSchema: z.strictObject({ id, ifMatch }),
    run: async (caller, args) => {
      const taskId = String(args.id);
      await caller.client.send('DELETE', taskPath(caller, taskId), { headers: ifMatchHeader(args) });
      return {
        value: { id: taskId, deleted: true },
        undo: { tool: 'restore_task', arguments: { id: taskId }, note: 'within 30 days' },
      };
    },
  },
  {
    name: 'restore_task',
    title: 'Restore a task',
    description: 'Take a task out of the trash.',
    write: true,
    inputSchema: byId,
    run: async (caller, args) => {
      const task = await caller.client.json<ApiTask>('POST', `${taskPath(caller, String(args.id))}/restore`);
      return { value: task, undo: { tool: 'delete_task', arguments: { id: task.id } } };
    },
  },
  {
    name: 'list_lists',
    title: 'List lists',
    description: "The user's task lists.",
    write: false,
    inputSchema: z.strictObject({}),
    run: async (caller) => ({ value: await caller.client.json('GET', `${caller.base}/lists`) }),
  },
  {
    name: 'list_tags',
    title: 'List tags',
    description: "The user's tags.",
    write: false,
    inputSchema: z.strictObject({}),
    run: async (caller) => ({ value: await caller.client.json('GET', `${caller.base}/tags`) }),
  },
  {
    name: 'import_preview',
    title: 'Preview an import',
    description:
      "What importing a file would do, without importing anything (a dry run of the import route): how many tasks, into which lists (new or existing), and which entries would be skipped and why. Formats: this app's JSON export, Todoist CSV, TickTick CSV, Google Tasks JSON, iCalendar, todo.txt (a Todoist backup ZIP as base64). Needs a read+write token, as the import route does; it never changes anything.",
    // The import route is a write route (tasks:write) even for a dry run; the tool itself changes nothing.
    write: true,
    inputSchema: z.strictObject({
      content: z.string().min(1).max(48 * 1024 * 1024).describe('The file: its text, or base64 when encoding is base64.'),
      encoding: z.enum(['utf8', 'base64']).default('utf8').describe('How content is given (base64 for a ZIP).'),
      format: z.enum(IMPORT_FORMATS).optional().describe('The format; omitted: the server recognises it.'),
      listName: listName.optional().describe('The list for formats whose file names none (default: the Inbox).'),
    }),
    run: async (caller, args) => {
      const bytes = args.encoding === 'base64' ? Buffer.from(String(args.content), 'base64') : Buffer.from(String(args.content), 'utf8');
      const value = await caller.client.json<ImportResult>('POST', `${caller.base}/import`, {
        rawBody: bytes,
        contentType: 'application/octet-stream',
        query: {
          dryRun: 'true',
          format: typeof args.format === 'string' ? args.format : undefined,
          listName: typeof args.listName === 'string' ? args.listName : undefined,
        },
      });
      return { value };
    },
  },
];
