// Finding the API: --api URL, TASKS_API_URL, or the api.json the app writes in its data directory
// (--data-dir, TASKS_DATA_DIR, or the desktop app's default data directory), in that order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_FILE, apiFile, type ApiFile } from '../src-shared/api-discovery.ts';
import { defaultDataDir, type PlatformEnv } from './app-paths.ts';
import { CliError, EXIT, usageError } from './cli-error.ts';

export interface DiscoveryInput {
  api?: string | undefined;
  dataDir?: string | undefined;
}

export interface DiscoveredApi {
  baseUrl: string;
  /** How it was found, for messages: "--api", "TASKS_API_URL" or the api.json path. */
  source: string;
  /** The process api.json names (found through api.json only): /api/health must answer with the same pid. */
  pid?: number;
}

export const START_HINT = 'Start Tasks Desktop (or `npm run serve -- --data-dir DIR`), or pass --api URL.';

function normaliseUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`${source} is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(`${source} must be an http:// URL.`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function unreachable(message: string): CliError {
  return new CliError(message, EXIT.UNREACHABLE, { code: 'UNREACHABLE', hint: START_HINT });
}

export type ProcessState = 'running' | 'gone' | 'not-ours';

/**
 * Whether the process api.json names is still there. EPERM means a process with that id exists but belongs to
 * another user: the app that wrote this user's api.json cannot be it, so the id was reused and api.json is stale.
 */
export function processState(
  pid: number,
  kill: (pid: number, signal: 0) => void = (id, signal) => process.kill(id, signal),
): ProcessState {
  try {
    kill(pid, 0);
    return 'running';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'not-ours' : 'gone';
  }
}

export function readApiFile(dataDir: string, kill?: (pid: number, signal: 0) => void): DiscoveredApi {
  const path = join(dataDir, API_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw unreachable(`Tasks Desktop is not running: there is no ${API_FILE} in ${dataDir}.`);
    }
    throw unreachable(`Could not read ${path}: ${(error as Error).message}`);
  }
  let parsed: ApiFile;
  try {
    parsed = apiFile.parse(JSON.parse(text));
  } catch {
    throw unreachable(`${path} is not a valid api.json file.`);
  }
  const state = processState(parsed.pid, kill);
  if (state === 'gone') {
    throw unreachable(
      `Tasks Desktop is not running: ${path} names process ${parsed.pid}, which is not running (the app did not exit cleanly).`,
    );
  }
  if (state === 'not-ours') {
    throw unreachable(
      `Tasks Desktop is not running: ${path} names process ${parsed.pid}, which belongs to another user (the app did not exit cleanly and its process id was reused).`,
    );
  }
  return { baseUrl: normaliseUrl(parsed.apiBaseUrl, path), source: path, pid: parsed.pid };
}

export function discoverApi(input: DiscoveryInput, platform: PlatformEnv): DiscoveredApi {
  if (input.api) return { baseUrl: normaliseUrl(input.api, '--api'), source: '--api' };
  const fromEnv = platform.env.TASKS_API_URL;
  if (fromEnv) return { baseUrl: normaliseUrl(fromEnv, 'TASKS_API_URL'), source: 'TASKS_API_URL' };
  return readApiFile(input.dataDir || platform.env.TASKS_DATA_DIR || defaultDataDir(platform));
}
