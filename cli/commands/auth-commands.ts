// tasks login | logout: a personal access token named after this machine, kept in the user's config directory.
import type { Command } from 'commander';
import { TOKEN_EXPIRY_DAYS_MAX, type TokenCreated } from '../../src-shared/token-schemas.ts';
import { CliError } from '../cli-error.ts';
import { credentialsPath, deleteLogin, writeLogin } from '../credential-store.ts';
import { defaultTokenName, type PasswordOptions, sessionFor } from '../session-auth.ts';
import { action, type ContextFactory, positiveInt } from './command-kit.ts';
import { passwordOptions, READ_SCOPES, WRITE_SCOPES } from './token-commands.ts';

interface LoginOptions extends PasswordOptions {
  name?: string;
  readOnly?: boolean;
  expiresInDays?: number;
}

export function registerAuthCommands(program: Command, contextFor: ContextFactory): void {
  passwordOptions(
    program
      .command('login')
      .description('sign in once: creates a token for this machine and stores it (readable by you only)')
      .option('--name <name>', 'token name (default: "tasks CLI on <this machine>")')
      .option('--read-only', 'a read-only token')
      .option(
        '--expires-in-days <days>',
        `1-${TOKEN_EXPIRY_DAYS_MAX} (default: never)`,
        positiveInt(TOKEN_EXPIRY_DAYS_MAX),
      ),
  ).action(
    action(contextFor, async (ctx, options: LoginOptions) => {
      const previous = ctx.storedLogin();
      const session = await sessionFor(ctx, { ...options, email: options.email ?? previous?.email });
      let created: TokenCreated;
      try {
        created = await ctx.api().json<TokenCreated>('POST', `${session.base}/tokens`, {
          token: session.jwt,
          body: {
            name: options.name ?? defaultTokenName(),
            scopes: options.readOnly ? READ_SCOPES : WRITE_SCOPES,
            expiresInDays: options.expiresInDays ?? null,
          },
        });
        // The login this one replaces: its token is of no use any more.
        if (previous && previous.userId === session.userId && previous.tokenId !== created.id) {
          await ctx
            .api()
            .send('DELETE', `${session.base}/tokens/${encodeURIComponent(previous.tokenId)}`, {
              token: session.jwt,
            })
            .catch(() => undefined);
        }
      } finally {
        await session.end();
      }
      const path = writeLogin(ctx.configDir, {
        version: 1,
        apiBaseUrl: ctx.api().baseUrl,
        userId: session.userId,
        email: session.email,
        tokenId: created.id,
        tokenName: created.name,
        token: created.token,
        createdAt: created.createdAt,
      });
      const { token: _secret, ...info } = created;
      ctx.out.result({ userId: session.userId, email: session.email, ...info, path }, () => {
        ctx.out.line(`Logged in as ${ctx.out.paint('bold', session.email)}.`);
        ctx.out.line(
          `Token "${created.name}" (${created.scopes.join(', ')}) stored in ${path} (readable by you only).`,
        );
      });
    }),
  );

  program
    .command('logout')
    .description('forget the stored login (and revoke its token when the app allows it)')
    .action(
      action(contextFor, async (ctx) => {
        const login = ctx.storedLogin();
        if (!login) {
          return ctx.out.result({ loggedOut: false, revoked: false }, () => ctx.out.line('Not logged in.'));
        }
        let revoked = false;
        let why = '';
        try {
          const client = ctx.api();
          await client.send(
            'DELETE',
            `/api/${encodeURIComponent(login.userId)}/tokens/${encodeURIComponent(login.tokenId)}`,
            {
              token: login.token,
            },
          );
          revoked = true;
        } catch (error) {
          why = error instanceof CliError ? error.message : String(error);
        }
        deleteLogin(ctx.configDir);
        ctx.out.result(
          { loggedOut: true, revoked, tokenId: login.tokenId, path: credentialsPath(ctx.configDir) },
          () => {
            ctx.out.line(`Logged out: removed ${credentialsPath(ctx.configDir)}.`);
            if (revoked) ctx.out.line(`Token "${login.tokenName}" revoked.`);
            else {
              ctx.out.line(
                `Token "${login.tokenName}" (${login.tokenId}) could not be revoked here (${why}).`,
              );
              ctx.out.line(
                'Revoke it in Settings > API tokens, or with `tasks token revoke ' + login.tokenId + '`.',
              );
            }
          },
        );
      }),
    );
}
