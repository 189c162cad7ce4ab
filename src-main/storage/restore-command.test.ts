// `npm run serve -- --data-dir D --restore FILE` through the real headless host process.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, listBackups } from './backup-names.ts';
import { restoreCommand } from './restore-command.ts';
import { allTaskIds, jwtFor, signUpOver, spawnHeadless, spawnHost } from './testing/host-process.ts';
import { tempDataDir } from './testing/sample-database.ts';

/** Runs the restore command to completion; returns its exit code and its one JSON event line. */
function runRestore(
  dataDir: string,
  file: string,
): Promise<{ code: number | null; event: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawnHeadless(dataDir, ['--restore', file]);
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"event"')) ?? '{}';
      resolve({ code, event: JSON.parse(line) as Record<string, unknown> });
    });
  });
}

async function post(baseUrl: string, userId: string, jwt: string, title: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/${userId}/tasks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(response.status).toBe(201);
}

describe('restore command', () => {
  it('refuses while the host runs, then restores the backup (after backing up the current file)', async () => {
    const dataDir = tempDataDir('tasks-restore-');
    let host = spawnHost(dataDir);
    let baseUrl = await host.ready;
    const { userId, sessionToken } = await signUpOver(baseUrl);
    await post(baseUrl, userId, await jwtFor(baseUrl, sessionToken), 'before the backup');
    host.child.kill('SIGTERM');
    await host.exited;

    host = spawnHost(dataDir); // this start backs the file up
    baseUrl = await host.ready;
    await post(baseUrl, userId, await jwtFor(baseUrl, sessionToken), 'after the backup');
    const backup = listBackups(backupDir(dataDir))[0]?.path ?? '';
    expect(backup).not.toBe('');

    const refused = await runRestore(dataDir, backup);
    expect(refused.code).toBe(1);
    expect(refused.event).toMatchObject({ event: 'error', code: 'DATA_DIR_IN_USE' });
    host.child.kill('SIGTERM');
    await host.exited;

    const bogus = await runRestore(dataDir, join(dataDir, 'auth-secret'));
    expect(bogus.event).toMatchObject({ event: 'error', code: 'RESTORE_SOURCE_INVALID' });

    const restored = await runRestore(dataDir, backup);
    expect(restored.code).toBe(0);
    expect(restored.event).toMatchObject({ event: 'restored', restoredFrom: backup });
    const previous = String(restored.event.previousBackup);
    expect(previous).toMatch(/-pre-restore\.db$/);

    host = spawnHost(dataDir);
    baseUrl = await host.ready;
    const titles = async () => {
      const jwt = await jwtFor(baseUrl, sessionToken);
      const ids = await allTaskIds(baseUrl, userId, jwt);
      return ids.size;
    };
    expect(await titles()).toBe(1);
    host.child.kill('SIGTERM');
    await host.exited;

    // The pre-restore backup holds the later write: restoring it undoes the restore.
    expect((await runRestore(dataDir, previous)).code).toBe(0);
    host = spawnHost(dataDir);
    baseUrl = await host.ready;
    expect(await titles()).toBe(2);
    host.child.kill('SIGTERM');
    await host.exited;
    expect(restoreCommand(dataDir, backup)).toBe(
      `npm run serve -- --data-dir ${dataDir} --restore ${backup}`,
    );
  }, 120_000);
});
