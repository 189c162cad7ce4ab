// `npm run serve -- --data-dir D --restore FILE`: the headless host's restore command, with the app's own
// schema facts (known migrations, required tables). Refuses while the app or a host runs on D.
import { join, resolve } from 'node:path';
import type { Logger } from '../core/logger.ts';
import { DATABASE_FILE } from '../db/database-service.ts';
import { MIGRATION_TABLE } from '../db/migrate.ts';
import { appMigrations } from '../db/migrations/index.ts';
import { markPastRemindersDelivered } from '../schedule/past-reminders.ts';
import { restoreDatabase, type RestoreResult } from './restore-database.ts';

export function runRestoreCommand(dataDir: string, file: string, logger: Logger): Promise<RestoreResult> {
  const dir = resolve(dataDir);
  return restoreDatabase({
    dataDir: dir,
    dbPath: join(dir, DATABASE_FILE),
    sourcePath: resolve(file),
    knownMigrations: Object.keys(appMigrations),
    requiredTables: ['tasks', MIGRATION_TABLE],
    logger,
    // The backup's reminders that came due before now fired then (or were missed then): not again at the next start.
    prepare: (db, now) => {
      const marked = markPastRemindersDelivered(db, new Date(now).toISOString());
      if (marked > 0) logger.info('restored reminders already due marked delivered', { count: marked });
    },
  });
}
