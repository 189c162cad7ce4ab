// tasks export [--format json|csv|ical] [--list NAME] [-o FILE]
// tasks import FILE [--format F] [--list NAME] [--dry-run] [--from-user ID]
// Both speak only the HTTP API's export and import routes; the server recognises a file's format by its first bytes
// when --format is not given.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT } from '../cli-error.ts';
import { resolveListId } from '../organize-lookup.ts';
import { readAllBytes } from '../prompt.ts';
import { action, type ContextFactory } from './command-kit.ts';

/** What the import route answers (all formats), as far as the CLI prints it. */
interface ImportAnswer {
  imported: number;
  skipped: { index: number; id?: string; reason: string; message: string }[];
  lists?: { id: string; name: string; created: boolean; imported: number }[];
  dryRun?: boolean;
}

const EXPORT_FORMATS = ['json', 'csv', 'ical'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The Content-Type an import body is sent with, from the file's extension (the server sniffs the bytes anyway). */
export function importContentType(file: string): string {
  switch (extname(file).toLowerCase()) {
    case '.json':
      return 'application/json';
    case '.csv':
      return 'text/csv';
    case '.ics':
    case '.ical':
    case '.ifb':
      return 'text/calendar';
    case '.txt':
      return 'text/plain';
    case '.zip':
      return 'application/zip';
    default:
      return 'application/octet-stream';
  }
}

function exportFormat(options: { format?: string; csv?: boolean }): ExportFormat {
  const format = options.format ?? (options.csv ? 'csv' : 'json');
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new CliError(`Unknown export format "${format}": use ${EXPORT_FORMATS.join(', ')}.`, EXIT.USAGE, {
    code: 'USAGE',
  });
}

/** "312 tasks into 5 lists, 3 skipped" (or "would import ..." for a dry run). */
export function importSummary(answer: ImportAnswer): string {
  const lists = answer.lists ?? [];
  const created = lists.filter((list) => list.created).length;
  const verb = answer.dryRun ? 'Would import' : 'Imported';
  const into = lists.length > 0 ? ` into ${lists.length} list(s)${created > 0 ? ` (${created} new)` : ''}` : '';
  return `${verb} ${answer.imported} task(s)${into}; skipped ${answer.skipped.length}.`;
}

export function registerTransferCommands(program: Command, contextFor: ContextFactory): void {
  program
    .command('export')
    .description('write your tasks as JSON (the full export), CSV or iCalendar to stdout or --output')
    .option('--format <format>', `json (default), csv or ical`)
    .option('--csv', 'the same as --format csv')
    .option('--list <name>', 'with --format ical: only this list (default: every list)')
    .option('-o, --output <file>', 'write to this file (readable by you only) instead of stdout')
    .action(
      action(
        contextFor,
        async (ctx, options: { format?: string; csv?: boolean; list?: string; output?: string }) => {
          const format = exportFormat(options);
          const caller = await ctx.caller();
          const listId = options.list === undefined ? undefined : await resolveListId(caller, options.list);
          const { text } = await caller.client.send('GET', `${caller.base}/export`, {
            query: { format, listId },
          });
          if (options.output === undefined) return ctx.out.raw(text.endsWith('\n') ? text : text + '\n');
          writeFileSync(options.output, text, { mode: 0o600 });
          ctx.out.result({ path: options.output, format, bytes: Buffer.byteLength(text) }, () =>
            ctx.out.line(`Exported to ${options.output}.`),
          );
        },
      ),
    );

  program
    .command('import')
    .description(
      'import a file: this app\'s export, Todoist CSV/ZIP, TickTick CSV, Google Tasks JSON, iCalendar or todo.txt ("-" reads stdin); tasks already present are skipped',
    )
    .argument('<file>', 'the file to import')
    .option('--format <format>', 'todoist-csv, ticktick-csv, google-tasks, ical, todo-txt, ... (default: recognised by the server)')
    .option('--list <name>', 'the list for formats whose file names none')
    .option('--dry-run', 'show what would be imported, change nothing')
    .option('--from-user <id>', "import another account's export (its userId)")
    .action(
      action(
        contextFor,
        async (
          ctx,
          file: string,
          options: { format?: string; list?: string; dryRun?: boolean; fromUser?: string },
        ) => {
          let bytes: Uint8Array;
          try {
            bytes = file === '-' ? await readAllBytes(ctx.streams.stdin) : readFileSync(file);
          } catch (error) {
            throw new CliError(`Could not read ${file}: ${(error as Error).message}`, EXIT.ERROR, {
              code: 'FILE',
            });
          }
          const caller = await ctx.caller();
          const answer = await caller.client.json<ImportAnswer>('POST', `${caller.base}/import`, {
            rawBody: bytes,
            contentType: file === '-' ? 'application/octet-stream' : importContentType(file),
            query: {
              format: options.format,
              listName: options.list,
              dryRun: options.dryRun ? 'true' : undefined,
              fromUser: options.fromUser,
            },
          });
          ctx.out.result(answer, () => {
            ctx.out.line(importSummary(answer));
            for (const list of answer.lists ?? []) {
              ctx.out.line(
                ctx.out.paint('dim', `  ${list.name}: ${list.imported} task(s)${list.created ? ' (new list)' : ''}`),
              );
            }
            for (const skip of answer.skipped.slice(0, 20)) {
              ctx.out.line(ctx.out.paint('dim', `  #${skip.index} ${skip.id ?? ''} ${skip.reason}: ${skip.message}`));
            }
            if (answer.skipped.length > 20)
              ctx.out.line(ctx.out.paint('dim', `  ... and ${answer.skipped.length - 20} more`));
          });
        },
      ),
    );
}
