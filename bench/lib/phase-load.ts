// L1/L2/L3: wrk at 32 connections against the product and the bare baselines, alternating server
// by server so both sides of each ratio see the same machine conditions.
import type { HttpClient } from './http-client.ts';
import { cpuSeconds } from './server-process.ts';
import { corruptSignature, runWrk, type WrkResult } from './wrk.ts';

export interface LoadTarget {
  name: string;
  baseUrl: string;
  pid: number;
  userId: string;
  /** A valid access JWT for userId, fetched right before the scenario. */
  token: () => Promise<string>;
  client: HttpClient;
}

export interface LoadSettings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  threads: number;
  wrkCpus: string | null;
}

export type ScenarioId = 'L1' | 'L2' | 'L3' | 'L4';

export interface ScenarioDefinition {
  id: ScenarioId;
  what: string;
  method: 'GET' | 'POST';
  path: (userId: string) => string;
  body?: string;
  badToken?: boolean;
  /** The status every response must have (checked once before the load). */
  status: number;
}

export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    id: 'L1',
    what: 'GET list, 50 of 1,000 tasks',
    method: 'GET',
    path: (u) => `/api/${u}/tasks?limit=50&offset=0`,
    status: 200,
  },
  {
    id: 'L2',
    what: 'POST create',
    method: 'POST',
    path: (u) => `/api/${u}/tasks`,
    body: JSON.stringify({ title: 'bench task', description: 'created by npm run bench' }),
    status: 201,
  },
  {
    id: 'L3',
    what: 'GET list, corrupted-signature JWT (401)',
    method: 'GET',
    path: (u) => `/api/${u}/tasks?limit=50&offset=0`,
    badToken: true,
    status: 401,
  },
];

export interface LoadMeasurement {
  scenario: ScenarioId;
  round: number;
  target: string;
  result: WrkResult | null;
  /**
   * Server CPU time per request (µs) during the measured run: robust to a noisy machine where
   * throughput is not, since time the server waits for the CPU is not counted.
   */
  cpuUsPerRequest: number | null;
  warning?: string;
}

/** One request of the scenario, checked for status (and a 50-item page for L1), so wrk measures the right path. */
async function preflight(s: ScenarioDefinition, t: LoadTarget, token: string): Promise<void> {
  const res = await t.client.request(s.method, s.path(t.userId), {
    bearer: token,
    ...(s.body ? { json: JSON.parse(s.body) as unknown } : {}),
  });
  if (res.status !== s.status) {
    throw new Error(`${t.name} ${s.id}: expected ${s.status}, got ${res.status}: ${res.body.slice(0, 200)}`);
  }
  if (s.id === 'L1' || s.id === 'L4') {
    const items = (JSON.parse(res.body) as { items?: unknown[] }).items;
    if (items?.length !== 50) throw new Error(`${t.name} ${s.id}: expected 50 items, got ${items?.length}`);
  }
}

export async function measureScenario(
  s: ScenarioDefinition,
  t: LoadTarget,
  settings: LoadSettings,
  round = 1,
): Promise<LoadMeasurement> {
  const valid = await t.token();
  const token = s.badToken ? corruptSignature(valid) : valid;
  await preflight(s, t, token);
  const common = {
    url: `${t.baseUrl}${s.path(t.userId)}`,
    method: s.method,
    token,
    ...(s.body ? { body: s.body } : {}),
    connections: settings.connections,
    threads: settings.threads,
    cpus: settings.wrkCpus,
  };
  if (settings.warmupSeconds > 0) await runWrk({ ...common, durationSeconds: settings.warmupSeconds });
  const cpuBefore = await cpuSeconds(t.pid);
  const { result, output } = await runWrk({ ...common, durationSeconds: settings.durationSeconds });
  const cpuAfter = await cpuSeconds(t.pid);
  const requests = result ? result.rps * settings.durationSeconds : 0;
  const cpuUsPerRequest =
    cpuBefore !== null && cpuAfter !== null && requests > 0
      ? ((cpuAfter - cpuBefore) / requests) * 1e6
      : null;
  const warnings: string[] = [];
  if (!result) warnings.push(`wrk gave no result: ${output.trim().split('\n').slice(-3).join(' / ')}`);
  else {
    if (result.socketErrors > 0) warnings.push(`${result.socketErrors} socket errors`);
    const unexpected = s.status >= 400 ? 0 : result.httpErrors;
    if (unexpected > 0) warnings.push(`${unexpected} responses with status >= 400`);
  }
  return {
    scenario: s.id,
    round,
    target: t.name,
    result,
    cpuUsPerRequest,
    ...(warnings.length ? { warning: warnings.join('; ') } : {}),
  };
}
