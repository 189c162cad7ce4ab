// Creates/extends Better Auth's tables (user, session, account, verification, jwks) at start, without the CLI.
// getMigrations diffs the live schema against the configured one, so running it on every start is idempotent.
import { getMigrations } from 'better-auth/db/migration';
import type { Logger } from '../core/logger.ts';
import type { BetterAuthInstance } from './better-auth-options.ts';

export async function migrateAuthTables(auth: BetterAuthInstance, logger: Logger): Promise<void> {
  const plan = await getMigrations(auth.options);
  if (plan.toBeCreated.length === 0 && plan.toBeAdded.length === 0 && plan.toBeAddedIndexes.length === 0)
    return;
  await plan.runMigrations();
  logger.info('auth tables migrated', {
    created: plan.toBeCreated.map((table) => table.table).join(',') || null,
    altered: plan.toBeAdded.map((table) => table.table).join(',') || null,
    indexes: plan.toBeAddedIndexes.length,
  });
}
