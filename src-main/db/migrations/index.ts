// Every app migration, listed explicitly in order (no folder scans). Names sort in application order.
import type { Migration } from 'kysely/migration';
import { createTasks } from './001-create-tasks.ts';
import { softDelete } from './002-soft-delete.ts';
import { countsIndex } from './003-counts-index.ts';
import { organize } from './004-organize.ts';
import { schedule } from './005-schedule.ts';
import { personalTokens } from './006-tokens.ts';
import { startDate } from './007-start-date.ts';
import { importRuns } from './010-import-runs.ts';
import { syncAccounts } from './011-sync-accounts.ts';
import { syncState } from './012-sync-state.ts';

export const appMigrations: Readonly<Record<string, Migration>> = {
  '001-create-tasks': createTasks,
  '002-soft-delete': softDelete,
  '003-counts-index': countsIndex,
  '004-organize': organize,
  '005-schedule': schedule,
  '006-tokens': personalTokens,
  '007-start-date': startDate,
  '010-import-runs': importRuns,
  '011-sync-accounts': syncAccounts,
  '012-sync-state': syncState,
};
