// tasks export [--csv] [-o FILE] | tasks import FILE
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportResult } from '../../src-shared/export-schema.ts';
import { CliError, EXIT } from '../cli-error.ts';
import { readAll } from '../prompt.ts';
import { action, type ContextFactory } from './command-kit.ts';

export function registerTransferCommands(program: Command, contextFor: ContextFactory): void {
  program
    .command('export')
    .description('write all your tasks as the JSON export file (or CSV) to stdout or --output')
    .option('--csv', 'CSV instead of JSON')
    .option('-o, --output <file>', 'write to this file (readable by you only) instead of stdout')
    .action(
      action(contextFor, async (ctx, options: { csv?: boolean; output?: string }) => {
        const caller = await ctx.caller();
        const { text } = await caller.client.send('GET', `${caller.base}/export`, {
          query: { format: options.csv ? 'csv' : 'json' },
        });
        if (options.output === undefined) return ctx.out.raw(text.endsWith('\n') ? text : text + '\n');
        writeFileSync(options.output, text, { mode: 0o600 });
        ctx.out.result({ path: options.output, bytes: Buffer.byteLength(text) }, () =>
          ctx.out.line(`Exported to ${options.output}.`),
        );
      }),
    );

  program
    .command('import')
    .description('import an export file (tasks already present are skipped; "-" reads stdin)')
    .argument('<file>', 'a file written by `tasks export` or the app')
    .option('--from-user <id>', "import another account's export (its userId)")
    .action(
      action(contextFor, async (ctx, file: string, options: { fromUser?: string }) => {
        let text: string;
        try {
          text = file === '-' ? await readAll(ctx.streams.stdin) : readFileSync(file, 'utf8');
        } catch (error) {
          throw new CliError(`Could not read ${file}: ${(error as Error).message}`, EXIT.ERROR, {
            code: 'FILE',
          });
        }
        const caller = await ctx.caller();
        const result = await caller.client.json<ImportResult>('POST', `${caller.base}/import`, {
          rawBody: text,
          query: { fromUser: options.fromUser },
        });
        ctx.out.result(result, () => {
          ctx.out.line(`Imported ${result.imported} task(s); skipped ${result.skipped.length}.`);
          for (const skip of result.skipped.slice(0, 20)) {
            ctx.out.line(
              ctx.out.paint('dim', `  #${skip.index} ${skip.id ?? ''} ${skip.reason}: ${skip.message}`),
            );
          }
          if (result.skipped.length > 20)
            ctx.out.line(ctx.out.paint('dim', `  ... and ${result.skipped.length - 20} more`));
        });
      }),
    );
}
