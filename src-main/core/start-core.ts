import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { ApiFileService } from '../api/api-file.ts';
import { ApiServer } from '../api/api-server.ts';
import { createApiApp } from '../api/create-app.ts';
import { dataRoutes } from '../api/data-routes.ts';
import { createAuth } from '../auth/create-auth.ts';
import { createDesktopCore } from '../desktop-core/desktop-core.ts';
import { DataDirGuardService } from '../storage/data-dir-guard.ts';
import { backupCatalog } from '../storage/backup-catalog.ts';
import { runStartupBackup } from '../storage/startup-backup.ts';
import { TrashPurgeService } from '../tasks/trash-purge.ts';
import { ImportRecoveryService } from '../transfer/import-recovery.ts';
import { IMPORT_PATH, transferRoutes } from '../transfer/transfer-routes.ts';
import { DATABASE_FILE, DatabaseService } from '../db/database-service.ts';
import { appMigrations } from '../db/migrations/index.ts';
import { EventBus } from '../events/event-bus.ts';
import { eventRoutes } from '../events/event-routes.ts';
import { ReminderScheduler } from '../schedule/reminder-scheduler.ts';
import { scheduleRoutes } from '../schedule/schedule-routes.ts';
import { SnoozeStore } from '../schedule/snooze.ts';
import { BulkRepository } from '../tasks/bulk-repository.ts';
import { BULK_PATH, bulkRoutes } from '../tasks/bulk-routes.ts';
import { TaskRepository } from '../tasks/task-repository.ts';
import { SyncAccountRepository } from '../sync/accounts/account-repository.ts';
import { SyncAccountService } from '../sync/accounts/account-service.ts';
import { createPasswordSealer } from '../sync/accounts/password-sealer.ts';
import { ChangedSinceLastSync } from '../sync/accounts/pending-changes.ts';
import { syncAccountRoutes } from '../sync/routes/sync-account-routes.ts';
import { quickAddRoutes } from '../quick-add/quick-add-routes.ts';
import { createBearerVerifier } from '../tokens/bearer-verifier.ts';
import { tokenRoutes } from '../tokens/token-routes.ts';
import { PersonalTokenStore } from '../tokens/token-store.ts';
import type { CoreOptions, CoreServices } from './core-types.ts';
import { createJsonLogger } from './logger.ts';
import type { Service } from './service.ts';

/**
 * Starts the core services the desktop app and the headless host share: database (migrated), HTTP listener,
 * Better Auth, and the task API on it. On any failure, what was started is stopped again before rethrowing.
 */
export async function startCore(options: CoreOptions): Promise<CoreServices> {
  const logger = options.logger ?? createJsonLogger();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const allowedOrigins = options.allowedOrigins ?? [];

  const started: Service[] = [];
  const stopAll = async (): Promise<void> => {
    for (const service of started.reverse()) {
      try {
        await service.stop();
      } catch (error) {
        logger.error('service failed to stop', { service: service.name, error: String(error) });
      }
    }
    started.length = 0;
  };
  const start = async <S extends Service>(service: S): Promise<S> => {
    await service.start();
    started.push(service);
    return service;
  };

  try {
    // Data safety: one process per data dir, no damaged/too-new database opened, a backup at most hourly.
    const guard = await start(
      new DataDirGuardService(dataDir, join(dataDir, DATABASE_FILE), Object.keys(appMigrations)),
    );
    const database = await start(new DatabaseService(dataDir));
    await runStartupBackup(database.sqlite, dataDir, { databaseExisted: guard.databaseExisted, logger });
    await start(new TrashPurgeService(database.sqlite, database.writes, logger));
    await start(new ImportRecoveryService(database.sqlite, database.writes, logger));
    const repo = new TaskRepository(database.sqlite, database.writes);
    const requestedPort = options.port ?? 0;
    const server = await start(new ApiServer(requestedPort, { fallbackToFreePort: options.portFallback ?? false }));
    if (server.portFallback) {
      logger.warn('API port taken; listening on a free port instead', {
        requestedPort,
        port: server.port,
        reason: server.portFallback.reason,
      });
    }
    const personalTokens = new PersonalTokenStore(database.sqlite, database.writes, options.now);
    const auth = await createAuth({
      sqlite: database.authSqlite,
      writeGate: database.gate,
      secretStore: options.secretStore,
      baseURL: server.baseUrl,
      trustedOrigins: allowedOrigins,
      logger,
      // Called from inside Better Auth's hooks, which may hold the write gate: queue the revocation, never await
      // it there (the write queue waits for the gate, so awaiting would wait for itself).
      onUserCredentialsReset: (userId) =>
        personalTokens.revokeAllForUser(userId).then(
          (revoked) => {
            if (revoked > 0) logger.info('personal access tokens revoked', { userId, count: revoked });
          },
          (error: unknown) =>
            logger.error('personal access token revocation failed', { userId, error: String(error) }),
        ),
    });
    // Started after the listener, so it stops before it: open event streams end first, then the server closes.
    const events = await start(new EventBus(options.now ? { now: options.now } : {}));
    // One timer for the next reminder of any user (an index lookup); re-armed after every write below.
    const reminders = await start(
      new ReminderScheduler(database.sqlite, database.writes, {
        logger,
        events,
        ...(options.schedulerClock ? { clock: options.schedulerClock } : {}),
      }),
    );
    const snoozes = new SnoozeStore(database.sqlite, database.writes);
    // Sync accounts: the CalDAV password sealed by the OS keyring when the desktop gives one, else the auth secret.
    const syncAccounts = new SyncAccountRepository(
      database.sqlite,
      database.writes,
      createPasswordSealer(auth.secretSealer, options.osCipher),
    );
    const app = createApiApp({
      repo,
      verifier: createBearerVerifier(auth.verifier, personalTokens),
      authHandler: (request) => auth.handler(request),
      port: () => server.port,
      allowedOrigins,
      logger,
      version: packageJson.version,
      events,
      extraRoutes: [
        ...transferRoutes(database.sqlite, database.writes, events, options.importGate),
        ...dataRoutes(database.sqlite, database.writes, repo, events),
        ...scheduleRoutes(repo, snoozes, events),
        ...tokenRoutes(personalTokens),
        ...syncAccountRoutes(
          new SyncAccountService({
            accounts: syncAccounts,
            lists: repo.lists,
            pending: new ChangedSinceLastSync(database.sqlite),
            logger,
          }),
        ),
        ...bulkRoutes(new BulkRepository(database.sqlite, database.writes, repo, events), logger),
        ...quickAddRoutes({ repo, events, ...(options.now ? { now: options.now } : {}) }),
        ...eventRoutes({
          bus: events,
          onSessionRevoked: (listener) => auth.revocations.onRevoke(listener),
          onUserSessionsRevoked: (listener) => auth.revocations.onRevokeUser(listener),
          onTokenRevoked: (listener) => personalTokens.onRevoke(listener),
          ...(options.now ? { now: options.now } : {}),
        }),
      ],
      bodyLimitExempt: [IMPORT_PATH, BULK_PATH],
      afterWrite: () => reminders.reschedule(),
    });
    server.attach((request) => app.fetch(request));
    // Last: api.json appears only once the API answers, and is removed first on stop.
    const apiFile = await start(
      new ApiFileService(dataDir, () => ({ apiBaseUrl: server.baseUrl, pid: process.pid, version: packageJson.version }), logger),
    );
    logger.info('core started', { dataDir, apiBaseUrl: server.baseUrl });

    let stopping: Promise<void> | null = null;
    return {
      dataDir,
      apiBaseUrl: server.baseUrl,
      api: {
        baseUrl: server.baseUrl,
        port: server.port,
        docsUrl: `${server.baseUrl}/api/docs`,
        requestedPort,
        fallback: server.portFallback,
        apiFile: apiFile.path,
      },
      auth: auth.service,
      tokens: auth.tokens,
      events,
      reminders,
      backups: backupCatalog(database.sqlite, dataDir, logger),
      desktop: createDesktopCore({ db: database.sqlite, repo, snoozes, events, afterWrite: () => reminders.reschedule() }),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
