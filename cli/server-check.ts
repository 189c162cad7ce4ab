// Before the CLI sends a token or a password, it asks GET /api/health (no credential) whether the server is
// Tasks Desktop, and, when api.json named it, whether it is the process api.json names. A stale api.json (the app
// died without removing it) whose port another program took then gets nothing but that one anonymous request.
import { health } from '../src-shared/api-discovery.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { DiscoveredApi } from './discovery.ts';
import { START_HINT } from './discovery.ts';
import { describeFetchFailure } from './fetch-failure.ts';

export const HEALTH_TIMEOUT_MS = 10_000;
/** More than any real health answer; an impostor cannot make the CLI read an endless body. */
const MAX_HEALTH_BYTES = 16 * 1024;

export const NOT_TASKS_DESKTOP = 'NOT_TASKS_DESKTOP';

export function unreachableError(api: DiscoveredApi, error: unknown, timeoutMs: number): CliError {
  return new CliError(
    `Could not reach Tasks Desktop at ${api.baseUrl} (${api.source}): ${describeFetchFailure(error, timeoutMs)}.`,
    EXIT.UNREACHABLE,
    { code: 'UNREACHABLE', hint: START_HINT, cause: error },
  );
}

function impostor(api: DiscoveredApi, reason: string): CliError {
  return new CliError(
    `The server at ${api.baseUrl} (${api.source}) is not Tasks Desktop: ${reason}. No credential was sent to it.`,
    EXIT.UNREACHABLE,
    {
      code: NOT_TASKS_DESKTOP,
      hint:
        api.pid === undefined
          ? START_HINT
          : `${api.source} is probably left over from a run that did not exit cleanly, and another program now uses its port. ${START_HINT}`,
    },
  );
}

async function readCapped(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_HEALTH_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves when the server is this app (and the process api.json names); rejects with a CliError (exit 3). */
export async function checkServer(api: DiscoveredApi, timeoutMs = HEALTH_TIMEOUT_MS): Promise<void> {
  let text: string | null;
  let status: number;
  try {
    const response = await fetch(`${api.baseUrl}/api/health`, {
      headers: { Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    text = await readCapped(response);
  } catch (error) {
    throw unreachableError(api, error, timeoutMs);
  }
  if (status !== 200) throw impostor(api, `it answered /api/health with HTTP ${status}`);
  if (text === null) throw impostor(api, 'its /api/health answer is far too long');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw impostor(api, 'its /api/health answer is not JSON');
  }
  const parsed = health.safeParse(body);
  if (!parsed.success) throw impostor(api, 'its /api/health answer does not name Tasks Desktop');
  if (api.pid !== undefined && parsed.data.pid !== api.pid) {
    throw impostor(api, `it is process ${parsed.data.pid}, but ${api.source} names process ${api.pid}`);
  }
}
