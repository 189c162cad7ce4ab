// tasks token ls | create | revoke: personal access tokens (these need the password: tokens cannot manage tokens).
import { type Command, Option } from 'commander';
import {
  TOKEN_EXPIRY_DAYS_MAX,
  type TokenCreated,
  type TokenList,
  type TokenScope,
} from '../../src-shared/token-schemas.ts';
import type { CliContext } from '../context.ts';
import { type PasswordOptions, sessionFor, type Session } from '../session-auth.ts';
import { action, type ContextFactory, positiveInt } from './command-kit.ts';

export const READ_SCOPES: TokenScope[] = ['tasks:read'];
export const WRITE_SCOPES: TokenScope[] = ['tasks:read', 'tasks:write'];

export const passwordOptions = (command: Command) =>
  command
    .option('--email <email>', 'account email (default: the stored login, else asked)')
    .option('--password-stdin', 'read the password from stdin instead of asking');

async function withSession<T>(
  ctx: CliContext,
  options: PasswordOptions,
  run: (session: Session) => Promise<T>,
): Promise<T> {
  const session = await sessionFor(ctx, options);
  try {
    return await run(session);
  } finally {
    await session.end();
  }
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '-';
}

export function registerTokenCommands(program: Command, contextFor: ContextFactory): void {
  const token = program
    .command('token')
    .description('personal access tokens for scripts, the CLI and MCP clients');

  passwordOptions(token.command('ls').description('list your tokens (never their secrets)')).action(
    action(contextFor, async (ctx, options: PasswordOptions) => {
      const { items } = await withSession(ctx, options, (session) =>
        ctx.api().json<TokenList>('GET', `${session.base}/tokens`, { token: session.jwt }),
      );
      if (ctx.out.json) return ctx.out.printJson(items);
      if (items.length === 0) return ctx.out.line(ctx.out.paint('dim', 'No tokens.'));
      const mine = ctx.storedLogin()?.tokenId;
      ctx.out.table(
        ['ID', 'SCOPES', 'CREATED', 'EXPIRES', 'LAST USED', 'NAME'],
        items.map((t) => [
          ctx.out.paint('dim', t.id),
          t.scopes.includes('tasks:write') ? 'read+write' : 'read',
          day(t.createdAt),
          t.expired ? ctx.out.paint('red', `${day(t.expiresAt)} expired`) : day(t.expiresAt),
          day(t.lastUsedAt),
          t.id === mine ? `${t.name} ${ctx.out.paint('cyan', '(this CLI)')}` : t.name,
        ]),
      );
    }),
  );

  passwordOptions(
    token
      .command('create')
      .description('create a token; its secret is printed this once')
      .requiredOption('--name <name>', 'what uses it, e.g. "backup script"')
      .option('--read-only', 'only tasks:read (default: read and write)')
      .addOption(
        new Option('--expires-in-days <days>', `1-${TOKEN_EXPIRY_DAYS_MAX} (default: never)`).argParser(
          positiveInt(TOKEN_EXPIRY_DAYS_MAX),
        ),
      ),
  ).action(
    action(
      contextFor,
      async (
        ctx,
        options: PasswordOptions & { name: string; readOnly?: boolean; expiresInDays?: number },
      ) => {
        const created = await withSession(ctx, options, (session) =>
          ctx.api().json<TokenCreated>('POST', `${session.base}/tokens`, {
            token: session.jwt,
            body: {
              name: options.name,
              scopes: options.readOnly ? READ_SCOPES : WRITE_SCOPES,
              expiresInDays: options.expiresInDays ?? null,
            },
          }),
        );
        if (ctx.out.json) return ctx.out.printJson(created);
        ctx.out.line(
          `Created token ${ctx.out.paint('bold', created.name)} (${created.scopes.join(', ')}) ${ctx.out.paint('dim', created.id)}`,
        );
        ctx.out.line('Copy the secret now: it is not shown again.');
        ctx.out.line(created.token);
      },
    ),
  );

  passwordOptions(
    token.command('revoke').description('revoke a token at once').argument('<id>', 'token id'),
  ).action(
    action(contextFor, async (ctx, id: string, options: PasswordOptions) => {
      await withSession(ctx, options, (session) =>
        ctx.api().send('DELETE', `${session.base}/tokens/${encodeURIComponent(id)}`, { token: session.jwt }),
      );
      const own = ctx.storedLogin()?.tokenId === id;
      ctx.out.result({ id, revoked: true }, () => {
        ctx.out.line(`Revoked ${id}.`);
        if (own) ctx.out.line("That was this CLI's own login: run `tasks login` to sign in again.");
      });
    }),
  );
}
