// The IPC handlers of Settings → Backups and of Import & export's native dialogs, transport-agnostic like the auth
// handlers (ipc-handlers.ts spreads them in). Every call needs a signed-in session: a backup holds every account of
// this machine, so only someone signed in to one of them may list, make or restore one.
// The Electron parts (the dialogs, stopping and relaunching the app) come in as functions from desktop-app.ts, so
// everything here runs in Node tests; without them (the e2e harness, a browser) the calls answer UNAVAILABLE and
// the window uses a file input or a download instead.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_MAX_BYTES } from '../../src-shared/export-schema.ts';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeResponse, type IpcResult } from '../../src-preload/contract.ts';
import type { Logger } from '../core/logger.ts';
import { type BackupCatalog, findBackup } from '../storage/backup-catalog.ts';
import { DataSafetyError } from '../storage/data-safety-error.ts';
import { fail, ok } from './ipc-errors.ts';
import { invalidInput, noPayloadSchema, restoreBackupSchema, saveExportSchema } from './ipc-schemas.ts';
import type { AccountSessionStore } from '../accounts/account-session-store.ts';

/** The native dialogs (Electron's `dialog`, bound to the main window). null: cancelled. */
export interface FileDialogs {
  chooseImportFile(): Promise<string | null>;
  chooseExportPath(suggestedName: string): Promise<string | null>;
}

export interface DataIpcDeps {
  core: { readonly dataDir: string; readonly backups: BackupCatalog };
  sessionStore: Pick<AccountSessionStore, 'current'>;
  /** Stops the core, restores the backup (after backing up the current database) and relaunches the app. */
  restoreAndRelaunch?: (backupPath: string) => Promise<void>;
  dialogs?: FileDialogs;
  logger: Logger;
}

type DataChannel =
  | typeof INVOKE_CHANNELS.listBackups
  | typeof INVOKE_CHANNELS.createBackup
  | typeof INVOKE_CHANNELS.restoreBackup
  | typeof INVOKE_CHANNELS.openImportFile
  | typeof INVOKE_CHANNELS.saveExportFile;

type Wrap = <C extends InvokeChannel>(
  channel: C,
  body: (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>,
) => (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>>;

const SIGNED_OUT = { code: 'SESSION_EXPIRED', message: 'You are signed out. Please sign in.' } as const;

function storageFailure(error: unknown): IpcResult<never> | null {
  if (!(error instanceof DataSafetyError)) return null;
  if (error.code === 'BACKUP_NOT_FOUND') return fail({ code: 'NOT_FOUND', message: error.message });
  return fail({ code: 'STORAGE_ERROR', message: error.message });
}

function fileFailure(action: string, error: unknown): IpcResult<never> {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'not found' : 'an I/O error';
  return fail({ code: 'FILE_ERROR', message: `Could not ${action} (${why}).` });
}

export function createDataIpcHandlers(
  deps: DataIpcDeps,
  guarded: Wrap,
): { readonly [C in DataChannel]: (payload: unknown) => Promise<IpcResult<InvokeResponse<C>>> } {
  const { core, sessionStore, logger } = deps;
  const signedIn = async (): Promise<boolean> => (await sessionStore.current()) !== null;

  return {
    [INVOKE_CHANNELS.listBackups]: guarded(INVOKE_CHANNELS.listBackups, async (payload) => {
      const input = noPayloadSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      if (!(await signedIn())) return fail(SIGNED_OUT);
      return ok(core.backups.list());
    }),

    [INVOKE_CHANNELS.createBackup]: guarded(INVOKE_CHANNELS.createBackup, async (payload) => {
      const input = noPayloadSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      if (!(await signedIn())) return fail(SIGNED_OUT);
      try {
        return ok(await core.backups.backUpNow());
      } catch (error) {
        const failure = storageFailure(error);
        if (failure) return failure;
        throw error;
      }
    }),

    [INVOKE_CHANNELS.restoreBackup]: guarded(INVOKE_CHANNELS.restoreBackup, async (payload) => {
      const input = restoreBackupSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      if (!(await signedIn())) return fail(SIGNED_OUT);
      if (!deps.restoreAndRelaunch)
        return fail({ code: 'UNAVAILABLE', message: 'Restoring needs the desktop app; use `npm run serve -- --restore FILE`.' });
      let path: string;
      try {
        path = findBackup(core.dataDir, input.data.name).path;
      } catch (error) {
        const failure = storageFailure(error);
        if (failure) return failure;
        throw error;
      }
      logger.info('restoring a backup on request', { backup: input.data.name });
      // Answer first: the restore stops the core (and this window's API) and relaunches the app.
      const restore = deps.restoreAndRelaunch;
      setImmediate(() => {
        restore(path).catch((error: unknown) => {
          logger.error('restore from Settings failed', { error: error instanceof Error ? error.message : String(error) });
        });
      });
      return ok({ relaunching: true as const });
    }),

    [INVOKE_CHANNELS.openImportFile]: guarded(INVOKE_CHANNELS.openImportFile, async (payload) => {
      const input = noPayloadSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      if (!(await signedIn())) return fail(SIGNED_OUT);
      if (!deps.dialogs) return fail({ code: 'UNAVAILABLE', message: 'No native file dialog here.' });
      const path = await deps.dialogs.chooseImportFile();
      if (path === null) return ok(null);
      try {
        const size = statSync(path).size;
        if (size > IMPORT_MAX_BYTES)
          return fail({ code: 'FILE_ERROR', message: `${basename(path)} is larger than the 32 MiB an import may be.` });
        return ok({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) });
      } catch (error) {
        return fileFailure(`read ${basename(path)}`, error);
      }
    }),

    [INVOKE_CHANNELS.saveExportFile]: guarded(INVOKE_CHANNELS.saveExportFile, async (payload) => {
      const input = saveExportSchema.safeParse(payload);
      if (!input.success) return fail(invalidInput(input.error));
      if (!(await signedIn())) return fail(SIGNED_OUT);
      if (!deps.dialogs) return fail({ code: 'UNAVAILABLE', message: 'No native file dialog here.' });
      const path = await deps.dialogs.chooseExportPath(input.data.suggestedName);
      if (path === null) return ok(null);
      try {
        // An export holds the account's tasks: readable by this user only, like the CLI's `export -o`.
        writeFileSync(path, input.data.content, { mode: 0o600 });
        return ok({ path });
      } catch (error) {
        return fileFailure(`write ${basename(path)}`, error);
      }
    }),
  };
}
