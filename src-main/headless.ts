// The headless host: the same core services as the desktop app, without Electron.
//   npm run serve -- --data-dir DIR [--port N]
//   npm run serve -- --data-dir DIR --restore FILE   (restores a backup, then exits; refused while DIR is in use)
// Prints one JSON line {"event":"ready","apiBaseUrl":...,"pid":...} on stdout when ready.
// Stopping: SIGINT, SIGTERM or SIGHUP (or its parent, serve.mjs, going away: the IPC channel closes) stops the core
// and exits 0. Ctrl-C signals the whole process group, so the host gets SIGINT from the terminal and again from
// serve.mjs: a signal during a shutdown is logged and changes nothing. A signal during start-up stops right after.
import { parseArgs } from 'node:util';
import type { SecretStore } from './auth/auth-types.ts';
import { AUTH_SECRET_ENV, EnvSecretStore } from './auth/env-secret-store.ts';
import { FileSecretStore } from './auth/file-secret-store.ts';
import { createJsonLogger } from './core/logger.ts';
import { startCore } from './core/start-core.ts';
import { runRestoreCommand } from './storage/restore-command-run.ts';
import { logReminders } from './schedule/reminder-log.ts';

/** A stop that has not finished after this long exits 1 (the goal: a clean exit 0 well within 5 s). */
const STOP_DEADLINE_MS = 4000;

const USAGE = 'Usage: npm run serve -- --data-dir DIR [--port N] | --data-dir DIR --restore FILE';

interface HostArgs {
  dataDir: string;
  port: number;
  restore?: string;
}

class UsageError extends Error {
  readonly code = 'USAGE';
}

function parseHostArgs(argv: string[]): HostArgs {
  let values: { 'data-dir'?: string; port?: string; restore?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, restore: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError(`--data-dir is required.\n${USAGE}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535.\n${USAGE}`);
  }
  return values.restore === undefined ? { dataDir, port } : { dataDir, port, restore: values.restore };
}

/** The env var wins when set (containers, CI); otherwise a 0600 file in the data dir. */
function secretStoreFor(dataDir: string): SecretStore {
  return process.env[AUTH_SECRET_ENV] ? new EnvSecretStore() : new FileSecretStore(dataDir);
}

function fail(error: unknown): never {
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : 'STARTUP_FAILED';
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(JSON.stringify({ event: 'error', code, message }) + '\n');
  process.stderr.write(`Tasks Desktop could not start (${code}): ${message}\n`);
  process.exit(code === 'USAGE' ? 2 : 1);
}

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const logger = createJsonLogger();
  if (args.restore !== undefined) {
    const result = await runRestoreCommand(args.dataDir, args.restore, logger);
    process.stdout.write(JSON.stringify({ event: 'restored', ...result }) + '\n');
    return;
  }
  let stopRequested: string | null = null;
  let stopCore: (() => Promise<void>) | null = null;
  const stop = (reason: string): void => {
    if (stopRequested !== null) {
      logger.info('already stopping', { reason });
      return;
    }
    stopRequested = reason;
    logger.info('stopping', { reason });
    if (stopCore) finish(stopCore);
  };
  const finish = (stopIt: () => Promise<void>): void => {
    // Stopping takes milliseconds; should it ever hang, leave anyway (the OS drops the data-dir lock).
    setTimeout(() => {
      logger.error('stop timed out');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stopIt().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stop failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // Started by serve.mjs with an IPC channel: when that parent dies (killed, or its own parent gone), stop.
  if (process.channel) {
    process.on('disconnect', () => stop('parent exited'));
    process.channel.unref();
  }

  const core = await startCore({
    dataDir: args.dataDir,
    port: args.port,
    secretStore: secretStoreFor(args.dataDir),
    logger,
  });
  core.reminders.subscribe(logReminders(logger));
  stopCore = () => core.stop();
  if (stopRequested !== null) return finish(stopCore);
  process.stdout.write(JSON.stringify({ event: 'ready', apiBaseUrl: core.apiBaseUrl, pid: process.pid }) + '\n');
}

main().catch(fail);
