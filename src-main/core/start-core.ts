import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { ApiServer } from '../api/api-server.ts';
import { createApiApp } from '../api/create-app.ts';
import { createAuth } from '../auth/create-auth.ts';
import { DatabaseService } from '../db/database-service.ts';
import { TaskRepository } from '../tasks/task-repository.ts';
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
    const database = await start(new DatabaseService(dataDir));
    const server = await start(new ApiServer(options.port ?? 0));
    const auth = await createAuth({
      sqlite: database.sqlite,
      secretStore: options.secretStore,
      baseURL: server.baseUrl,
      trustedOrigins: allowedOrigins,
      logger,
    });
    const app = createApiApp({
      repo: new TaskRepository(database.sqlite),
      verifier: auth.verifier,
      authHandler: (request) => auth.handler(request),
      port: () => server.port,
      allowedOrigins,
      logger,
      version: packageJson.version,
    });
    server.attach((request) => app.fetch(request));
    logger.info('core started', { dataDir, apiBaseUrl: server.baseUrl });

    let stopping: Promise<void> | null = null;
    return {
      dataDir,
      apiBaseUrl: server.baseUrl,
      auth: auth.service,
      tokens: auth.tokens,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
