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

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readApiFile(dataDir: string): DiscoveredApi {
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
  if (!processExists(parsed.pid)) {
    throw unreachable(
      `${path} names process ${parsed.pid}, which is not running (the app did not exit cleanly).`,
    );
  }
  return { baseUrl: normaliseUrl(parsed.apiBaseUrl, path), source: path };
}

export function discoverApi(input: DiscoveryInput, platform: PlatformEnv): DiscoveredApi {
  if (input.api) return { baseUrl: normaliseUrl(input.api, '--api'), source: '--api' };
  const fromEnv = platform.env.TASKS_API_URL;
  if (fromEnv) return { baseUrl: normaliseUrl(fromEnv, 'TASKS_API_URL'), source: 'TASKS_API_URL' };
  return readApiFile(input.dataDir || platform.env.TASKS_DATA_DIR || defaultDataDir(platform));
}
