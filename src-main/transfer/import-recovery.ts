// At start-up, undoes any import the app did not finish (killed or crashed between its batches): what such a run
// wrote is deleted, so the user never finds half an import. The check is one lookup in a small index (import_runs
// rows that are still 'running'): nothing to do on an ordinary start.
import type { Logger } from '../core/logger.ts';
import type { Service } from '../core/service.ts';
import type { SqliteDatabase } from '../db/open-database.ts';
import type { WriteQueue } from '../db/write-queue.ts';
import { undoUnfinishedRuns } from './import-writer.ts';

export class ImportRecoveryService implements Service {
  readonly name = 'import-recovery';

  constructor(
    private readonly db: SqliteDatabase,
    private readonly writes: WriteQueue,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const undone = await undoUnfinishedRuns(this.db, this.writes);
    if (undone > 0) this.logger.warn('unfinished imports undone', { runs: undone });
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }
}
