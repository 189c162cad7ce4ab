// Settings → Backups and Import & export's dialogs over the IPC handlers, against the real core (SQLite, real
// backups in a temp data dir). Only Electron's dialog and the relaunch are stand-ins: they are the Electron glue.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ElectronStore from 'electron-store';
import { FileSecretStore } from '../auth/file-secret-store.ts';
import type { CoreServices } from '../core/core-types.ts';
import { silentLogger } from '../core/logger.ts';
import { startCore } from '../core/start-core.ts';
import { runRestoreCommand } from '../storage/restore-command-run.ts';
import { createIpcHandlers, type IpcHandlers } from './ipc-handlers.ts';
import type { FileDialogs } from './data-ipc-handlers.ts';
import { createDesktopSecretStore } from './secret-store.ts';
import { createAccountSessionStore } from '../accounts/account-session-store.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { availableEncryption, createAesCipher } from './test-support/aes-cipher.ts';

vi.mock('electron', () => ({ default: {} }));

const PASSWORD = 'a long enough passphrase';

describe('backups and file dialogs over IPC', () => {
  let dir: string;
  let core: CoreServices;
  let handlers: IpcHandlers;
  let dialogAnswers: { open: string | null; save: string | null };
  const restored: string[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'data-ipc-'));
    const encryption = availableEncryption(createAesCipher());
    const kv = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
    const dataDir = join(dir, 'data');
    const secretStore = createDesktopSecretStore({ encryption, kv, file: new FileSecretStore(dataDir) });
    core = await startCore({ dataDir, secretStore, logger: silentLogger });
    dialogAnswers = { open: null, save: null };
    const dialogs: FileDialogs = {
      chooseImportFile: () => Promise.resolve(dialogAnswers.open),
      chooseExportPath: () => Promise.resolve(dialogAnswers.save),
    };
    restored.length = 0;
    handlers = createIpcHandlers({
      core,
      sessionStore: createAccountSessionStore({ encryption, kv }),
      throttle: createSignInThrottle({ freeFailuresPerEmail: 3 }),
      appInfo: { version: '0.1.0' },
      emit: () => undefined,
      dialogs,
      // What desktop-app.ts does, minus the relaunch: stop the core, then the restore command.
      restoreAndRelaunch: async (path) => {
        await core.stop();
        await runRestoreCommand(dataDir, path, silentLogger);
        restored.push(path);
      },
    });
  });
  afterEach(async () => {
    await core.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const signUp = () => handlers['auth:sign-up']({ name: 'Ada', email: 'ada@example.com', password: PASSWORD });

  it('refuses every call while signed out', async () => {
    for (const channel of ['backups:list', 'backups:create', 'files:open-import'] as const) {
      expect(await handlers[channel](undefined)).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    }
    expect(await handlers['backups:restore']({ name: 'x' })).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('backs up now, lists it with reason and size, and restores it by name only', async () => {
    await signUp();
    const made = await handlers['backups:create'](undefined);
    if (!made.ok) throw new Error(made.error.message);
    expect(made.value).toMatchObject({ reason: 'manual' });
    expect(made.value.sizeBytes).toBeGreaterThan(0);
    expect(Date.parse(made.value.createdAt)).not.toBeNaN();
    const listed = await handlers['backups:list'](undefined);
    expect(listed).toEqual({ ok: true, value: [made.value] });

    // A path, a name not in the folder, or junk: never restored.
    for (const name of ['../tasks.db', '/etc/passwd', 'tasks-20200101T000000000Z-manual.db']) {
      expect(await handlers['backups:restore']({ name })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await handlers['backups:restore']({ name: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(restored).toEqual([]);

    // A user signed up after the backup is gone once it is restored; the state before the restore is kept.
    await handlers['auth:sign-up']({ name: 'Bo', email: 'bo@example.com', password: PASSWORD });
    expect(await handlers['backups:restore']({ name: made.value.name })).toEqual({ ok: true, value: { relaunching: true } });
    await vi.waitFor(() => expect(restored).toHaveLength(1), { timeout: 10_000 });
    const db = new Database(join(core.dataDir, 'tasks.db'), { readonly: true });
    try {
      const emails = db.prepare('SELECT email FROM user ORDER BY email').pluck().all();
      expect(emails).toEqual(['ada@example.com']);
    } finally {
      db.close();
    }
    const backups = await readdir(join(core.dataDir, 'backups'));
    expect(backups.some((name) => name.endsWith('-pre-restore.db'))).toBe(true);
  });

  it('reads the chosen import file, refuses one over 32 MiB, and answers null when the dialog is cancelled', async () => {
    await signUp();
    expect(await handlers['files:open-import'](undefined)).toEqual({ ok: true, value: null });
    const file = join(dir, 'todo.txt');
    await writeFile(file, '(A) Call plumber +Home\n');
    dialogAnswers.open = file;
    const chosen = await handlers['files:open-import'](undefined);
    if (!chosen.ok || !chosen.value) throw new Error('expected a file');
    expect(chosen.value.name).toBe('todo.txt');
    expect(Buffer.from(chosen.value.bytes).toString('utf8')).toBe('(A) Call plumber +Home\n');

    const big = join(dir, 'big.json');
    await writeFile(big, Buffer.alloc(32 * 1024 * 1024 + 1));
    dialogAnswers.open = big;
    expect(await handlers['files:open-import'](undefined)).toMatchObject({ ok: false, error: { code: 'FILE_ERROR' } });
    dialogAnswers.open = join(dir, 'missing.csv');
    const missing = await handlers['files:open-import'](undefined);
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_ERROR' } });
    expect(JSON.stringify(missing)).not.toContain(dir); // no paths beyond the file's name
  });

  it('writes an export where the save dialog says, owner-only; refuses a name with folders', async () => {
    await signUp();
    expect(await handlers['files:save-export']({ suggestedName: 'a.json', content: '{}' })).toEqual({ ok: true, value: null });
    const target = join(dir, 'out.json');
    dialogAnswers.save = target;
    expect(await handlers['files:save-export']({ suggestedName: 'tasks.json', content: '{"x":1}' })).toEqual({
      ok: true,
      value: { path: target },
    });
    expect(await readFile(target, 'utf8')).toBe('{"x":1}');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await handlers['files:save-export']({ suggestedName: '../x.json', content: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
