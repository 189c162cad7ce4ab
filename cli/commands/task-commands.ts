// tasks add | ls | show | done | undone | edit | rm | restore
import { type Command, Option } from 'commander';
import { LIST_LIMIT_MAX, LIST_STATUSES, PRIORITIES, type TaskList } from '../../src-shared/task-schemas.ts';
import { CliError, EXIT, usageError } from '../cli-error.ts';
import type { Caller, CliContext } from '../context.ts';
import { localTimeZone, parseDue, parseStart, todayRange } from '../due-input.ts';
import { listNames, resolveListId } from '../organize-lookup.ts';
import type { RestoredTask } from '../../src-shared/task-schemas.ts';
import { type ApiTask, formatDue, printTask, printTaskTable } from '../task-format.ts';
import { action, collect, type ContextFactory, positiveInt } from './command-kit.ts';

function taskPath(caller: Caller, id: string): string {
  return `${caller.base}/tasks/${encodeURIComponent(id)}`;
}

/** `--if-match ETAG`: the write happens only if the task is still at that version (from `tasks show`). */
const ifMatchOption = () =>
  new Option('--if-match <etag>', 'only if the task is unchanged since `tasks show` printed this ETag (else PRECONDITION_FAILED)');

function ifMatchHeader(etag: string | undefined): Record<string, string> | undefined {
  return etag === undefined ? undefined : { 'If-Match': etag };
}

interface EditOptions {
  title?: string;
  due?: string;
  start?: string;
  priority?: string;
  description?: string;
  list?: string;
  tag?: string[];
}

/** The PATCH body for `tasks edit` / `tasks add` options; list and tag names become ids. */
async function changes(caller: Caller, options: EditOptions): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  if (options.title !== undefined) body.title = options.title;
  if (options.description !== undefined) body.description = options.description;
  if (options.priority !== undefined) body.priority = options.priority;
  if (options.due !== undefined) Object.assign(body, parseDue(options.due));
  if (options.start !== undefined) body.startDate = parseStart(options.start);
  if (options.list !== undefined) body.listId = await resolveListId(caller, options.list);
  if (options.tag !== undefined) body.tags = options.tag; // names: the API creates unknown ones
  return body;
}

/**
 * Creates the task with the API's quick-add parser (POST .../tasks/quick-add); null when this app version has no
 * quick-add route (404/405), so the caller creates it with the text as its title.
 */
async function quickAdd(caller: Caller, text: string): Promise<ApiTask | null> {
  try {
    const created = await caller.client.json<{ task: ApiTask }>('POST', `${caller.base}/tasks/quick-add`, {
      body: { text, timeZone: localTimeZone() },
    });
    return created.task;
  } catch (error) {
    if (error instanceof CliError && (error.code === 'NOT_FOUND' || error.code === 'METHOD_NOT_ALLOWED'))
      return null;
    throw error;
  }
}

async function printOne(ctx: CliContext, caller: Caller, task: ApiTask, note?: string, etag?: string | null): Promise<void> {
  if (ctx.out.json) return ctx.out.printJson(etag ? { ...task, etag } : task);
  printTask(ctx.out, task, await listNames(caller, [task]));
  if (etag) ctx.out.line(ctx.out.paint('dim', `ETag ${etag} (--if-match for edit, done, rm)`));
  if (note) ctx.out.line(`\n${ctx.out.paint('dim', note)}`);
}

const priorityOption = () =>
  new Option('--priority <priority>', 'none, low, medium or high').choices(PRIORITIES);
const editOptions = (command: Command) =>
  command
    .option('--title <title>', 'new title')
    .option('--due <when>', 'due date: 2026-12-01, an ISO date-time, today, tomorrow, or none')
    .option('--start <when>', 'start date (shows in Today from then on): 2026-12-01, today, tomorrow, or none')
    .addOption(priorityOption())
    .option('--description <text>', 'notes')
    .option('--list <name>', 'move to this list (by name)')
    .option('--tag <name>', 'set the tags (repeat for several)', collect);

export function registerTaskCommands(program: Command, contextFor: ContextFactory): void {
  editOptions(
    program
      .command('add')
      .description('add a task from quick-add text, e.g. "Pay rent tomorrow 9am !high"')
      .argument('<text...>', 'the task (words are joined with spaces)')
      .option('--plain', 'take the text literally as the title (no quick-add parsing)'),
  ).action(
    action(contextFor, async (ctx, words: string[], options: EditOptions & { plain?: boolean }) => {
      const { plain, ...fields } = options;
      const text = words.join(' ').trim();
      if (!text) throw usageError('Give the task text: tasks add "Buy milk".');
      const caller = await ctx.caller();
      const extra = await changes(caller, fields);
      let task = plain ? null : await quickAdd(caller, text);
      if (task === null) {
        task = await caller.client.json<ApiTask>('POST', `${caller.base}/tasks`, {
          body: { title: text, ...extra },
        });
      } else if (Object.keys(extra).length > 0) {
        // Options win over what the text said.
        task = await caller.client.json<ApiTask>('PATCH', taskPath(caller, task.id), { body: extra });
      }
      if (ctx.out.json) return ctx.out.printJson(task);
      const due = formatDue(task);
      const when = [due ? `due ${due}` : '', task.startDate ? `starts ${task.startDate}` : ''].filter(Boolean);
      ctx.out.line(
        `Added ${ctx.out.paint('bold', task.title)}${when.length ? ` (${when.join(', ')})` : ''} ${ctx.out.paint('dim', task.id)}`,
      );
    }),
  );

  program
    .command('ls')
    .alias('list')
    .description('list tasks (open ones unless --status says otherwise)')
    .option('--list <name>', 'only tasks in this list')
    .option('--tag <name>', 'only tasks with this tag')
    .option('--today', 'open tasks due today or overdue, or whose start date has come')
    .option('--available', 'only tasks that have started (no start date, or one today or earlier)')
    .option('--upcoming', 'open tasks due after today, soonest first')
    .addOption(new Option('--status <status>', 'which tasks').choices(LIST_STATUSES).default('active'))
    .option('--q <text>', 'search titles and notes')
    .addOption(
      new Option('--sort <field>', 'sort order').choices(['created', 'due', 'priority', 'title', 'start']),
    )
    .option('--limit <n>', `at most this many (1-${LIST_LIMIT_MAX})`, positiveInt(LIST_LIMIT_MAX), 50)
    .option('--all', 'every matching task (follows the pages)')
    .action(
      action(
        contextFor,
        async (
          ctx,
          options: {
            list?: string;
            tag?: string;
            today?: boolean;
            available?: boolean;
            upcoming?: boolean;
            status: string;
            q?: string;
            sort?: string;
            limit: number;
            all?: boolean;
          },
        ) => {
          if (options.today && options.upcoming) throw usageError('Use --today or --upcoming, not both.');
          const caller = await ctx.caller();
          const { end } = todayRange();
          const query: Record<string, string | number | undefined> = {
            status: options.status,
            q: options.q,
            sort: options.sort ?? (options.today || options.upcoming ? 'due' : undefined),
            limit: options.limit,
            view: options.today ? 'today' : undefined,
            dueFrom: options.upcoming ? end : undefined,
            available: options.available ? 'true' : undefined,
            // All-day tasks match the window, and start dates "today", by their date in this zone.
            timeZone: options.today || options.upcoming || options.available ? localTimeZone() : undefined,
          };
          if (options.list !== undefined) query.listId = await resolveListId(caller, options.list);
          if (options.tag !== undefined) query.tag = options.tag;
          const items: ApiTask[] = [];
          let cursor: string | null = null;
          do {
            const page: TaskList = await caller.client.json<TaskList>('GET', `${caller.base}/tasks`, {
              query: { ...query, cursor: cursor ?? undefined },
            });
            items.push(...(page.items as ApiTask[]));
            cursor = options.all ? page.nextCursor : null;
          } while (cursor);
          if (ctx.out.json) return ctx.out.printJson(items);
          if (items.length === 0) return ctx.out.line(ctx.out.paint('dim', 'No tasks.'));
          printTaskTable(ctx.out, items, await listNames(caller, items));
        },
      ),
    );

  program
    .command('show')
    .description('show one task')
    .argument('<id>', 'task id')
    .action(
      action(contextFor, async (ctx, id: string) => {
        const caller = await ctx.caller();
        const { value, etag } = await caller.client.jsonWithEtag<ApiTask>('GET', taskPath(caller, id));
        await printOne(ctx, caller, value, undefined, etag);
      }),
    );

  program
    .command('done')
    .description('mark tasks done')
    .argument('<id...>', 'task ids')
    .addOption(ifMatchOption())
    .action(
      action(contextFor, async (ctx, ids: string[], options: { ifMatch?: string }) => {
        if (options.ifMatch !== undefined && ids.length !== 1) throw usageError('--if-match names the version of one task: give one id.');
        const caller = await ctx.caller();
        const done: ApiTask[] = [];
        const failed: { id: string; error: CliError }[] = [];
        for (const id of ids) {
          try {
            // The occurrence is the due as read now: a retry of a recurring task's completion moves it once.
            const current = await caller.client.json<ApiTask>('GET', taskPath(caller, id));
            const occurrence = current.dueAt ?? current.dueDate;
            done.push(
              await caller.client.json<ApiTask>('PATCH', `${taskPath(caller, id)}/complete`, {
                body: occurrence === null ? { completed: true } : { completed: true, occurrence },
                headers: ifMatchHeader(options.ifMatch),
              }),
            );
          } catch (error) {
            if (!(error instanceof CliError) || error.exitCode !== EXIT.ERROR) throw error;
            failed.push({ id, error });
          }
        }
        if (ctx.out.json) ctx.out.printJson(done);
        else
          for (const task of done)
            ctx.out.line(`${ctx.out.paint('green', 'Done')} ${task.title} ${ctx.out.paint('dim', task.id)}`);
        if (failed.length > 0) {
          throw new CliError(
            failed.map(({ id, error }) => `${id}: ${error.message}`).join('\n'),
            EXIT.ERROR,
            {
              code: failed[0]!.error.code,
              hint: [`${done.length} of ${ids.length} marked done.`, failed[0]!.error.hint].filter(Boolean).join(' '),
            },
          );
        }
      }),
    );

  program
    .command('undone')
    .description('mark a task not done')
    .argument('<id>', 'task id')
    .action(
      action(contextFor, async (ctx, id: string) => {
        const caller = await ctx.caller();
        const task = await caller.client.json<ApiTask>('PATCH', `${taskPath(caller, id)}/complete`, {
          body: { completed: false },
        });
        ctx.out.result(task, () =>
          ctx.out.line(`Open again: ${task.title} ${ctx.out.paint('dim', task.id)}`),
        );
      }),
    );

  editOptions(program.command('edit').description('change a task').argument('<id>', 'task id'))
    .addOption(ifMatchOption())
    .action(
      action(contextFor, async (ctx, id: string, { ifMatch, ...options }: EditOptions & { ifMatch?: string }) => {
        if (Object.values(options).every((value) => value === undefined)) {
          throw usageError('Give at least one of --title --due --start --priority --description --list --tag.');
        }
        const caller = await ctx.caller();
        const { value, etag } = await caller.client.jsonWithEtag<ApiTask>('PATCH', taskPath(caller, id), {
          body: await changes(caller, options),
          headers: ifMatchHeader(ifMatch),
        });
        await printOne(ctx, caller, value, undefined, etag);
      }),
    );

  program
    .command('rm')
    .description('move a task to the trash (tasks restore ID brings it back; emptied after 30 days)')
    .argument('<id>', 'task id')
    .addOption(ifMatchOption())
    .action(
      action(contextFor, async (ctx, id: string, options: { ifMatch?: string }) => {
        const caller = await ctx.caller();
        await caller.client.send('DELETE', taskPath(caller, id), { headers: ifMatchHeader(options.ifMatch) });
        ctx.out.result({ id, deleted: true, undo: `tasks restore ${id}` }, () =>
          ctx.out.line(`Moved to the trash. Undo: ${ctx.out.paint('bold', `tasks restore ${id}`)}`),
        );
      }),
    );

  program
    .command('restore')
    .description('take a task out of the trash')
    .argument('<id>', 'task id')
    .action(
      action(contextFor, async (ctx, id: string) => {
        const caller = await ctx.caller();
        const task = await caller.client.json<RestoredTask>('POST', `${taskPath(caller, id)}/restore`);
        const where =
          task.restoredTo.reason === 'original' ? '' : ` (at the top level: ${task.restoredTo.reason})`;
        ctx.out.result(task, () =>
          ctx.out.line(`Restored ${task.title} ${ctx.out.paint('dim', task.id)}${where}`),
        );
      }),
    );
}
