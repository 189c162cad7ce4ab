import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import { startTestCore } from '../testing/test-core.ts';
import { DataSafetyError } from './data-safety-error.ts';
import { acceptRecovery, recoveryOffer } from './startup-recovery.ts';

describe('start-up recovery offer', () => {
  it('offers the newest backup for a damaged database, and accepting it lets the app start', async () => {
    const test = await startTestCore();
    await test.restart(); // makes a start-up backup
    await test.core.stop();
    const fd = openSync(join(test.dir, 'tasks.db'), 'w');
    writeSync(fd, 'overwritten by something else entirely');
    closeSync(fd);

    const error = await startTestCore({ dataDir: test.dir, secretStore: test.secretStore }).then(
      () => null,
      (e: unknown) => e,
    );
    const offer = recoveryOffer(error);
    expect(offer?.title).toBe('Your task database is damaged');
    expect(offer?.buttons).toEqual(['Restore the newest backup', 'Quit']);
    expect(offer?.backupPath).toMatch(/backups\/tasks-\d{8}T\d{9}Z-startup\.db$/);

    await acceptRecovery(test.dir, offer!, silentLogger);
    const again = await startTestCore({ dataDir: test.dir, secretStore: test.secretStore });
    expect((await again.api('/api/health')).status).toBe(200);
    await again.close();
  });

  it('offers nothing for other failures, and only Quit without a backup', () => {
    expect(recoveryOffer(new Error('port in use'))).toBeNull();
    expect(recoveryOffer(new DataSafetyError('DATA_DIR_IN_USE', 'busy'))).toBeNull();
    const none = recoveryOffer(new DataSafetyError('DATABASE_CORRUPT', 'damaged', { newestBackup: null }));
    expect(none).toMatchObject({ backupPath: null, buttons: ['Quit'] });
  });
});
