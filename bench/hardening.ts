// `npm run bench:hardening` (issue 9, items 2 and 9): the headless host under hostile local clients, one run.
// - H1: /api/health latency and the host's peak RSS while 10 clients each POST a 32 MiB `{"x":[{},{},...]}` import
//   at once (targets: p99 <= 100 ms, peak RSS <= 600 MB), next to the same probe with no load (same run);
// - H2: the same with an in-shape hostile body, `{"tasks":[{},{},...]}` (every element an invalid task);
// - H3: a legitimate 50,000-task import: its time, its result, /api/health meanwhile (informational);
// - H4: RSS growth over 20,000 requests to random 8 KB paths under /api/auth/ (target < 50 MB).
// Prints a markdown report and appends it to bench/results/hardening-YYYY-MM-DD.md (BENCH_NO_SAVE=1: print only).
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { probeHealth } from './lib/health-probe.ts';
import { HttpClient } from './lib/http-client.ts';
import { accessToken, signUp, type BenchUser } from './lib/product-api.ts';
import { residentBytes, startServer, type ServerProcess } from './lib/server-process.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const IMPORT_BYTES = 32 * MiB;
const HOSTILE_CLIENTS = 10;
const LEGIT_TASKS = 50_000;
const AUTH_PATHS = 20_000;

const log = (line: string) => process.stderr.write(`[hardening] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Samples the host's RSS every 25 ms until stopped; returns the peak in bytes. */
function sampleRss(pid: number): { stop: () => Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, (await residentBytes(pid)) ?? 0);
      await sleep(25);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

interface UploadResult {
  status: number | string;
  ms: number;
  body: string;
}

/** POSTs `body` as one import; a connection the server closes early counts by its error code. */
function upload(baseUrl: string, user: BenchUser & { jwt: string }, body: Buffer): Promise<UploadResult> {
  const url = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number | string, text: string) => {
      if (settled) return;
      settled = true;
      resolve({ status, ms: performance.now() - started, body: text.slice(0, 200) });
    };
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `/api/${user.userId}/import`,
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `Bearer ${user.jwt}`,
          'Content-Type': 'application/json',
          'Content-Length': String(body.byteLength),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(res.statusCode ?? 0, text));
        res.on('error', () => done(res.statusCode ?? 0, text));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error', ''));
    req.end(body);
  });
}

function hostileBody(prefix: string, element: string, suffix: string): Buffer {
  const count = Math.floor((IMPORT_BYTES - prefix.length - suffix.length) / element.length);
  return Buffer.from(prefix + element.repeat(count).slice(0, -1) + suffix);
}

function legitBody(userId: string): Buffer {
  const tasks = Array.from({ length: LEGIT_TASKS }, (_, i) => ({
    id: `legit-${i}`,
    title: `Imported task ${i}`,
    description: i % 10 === 0 ? `Details for task ${i}: ${'lorem ipsum '.repeat(8)}` : '',
    completed: i % 3 === 0,
    completedAt: i % 3 === 0 ? '2026-01-02T00:00:00.000Z' : null,
    priority: (['none', 'low', 'medium', 'high'] as const)[i % 4],
    dueAt: i % 2 === 0 ? new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() : null,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  return Buffer.from(
    JSON.stringify({ format: 'tasks-desktop.export', version: 1, exportedAt: new Date().toISOString(), userId, tasks }),
  );
}

interface LoadRow {
  id: string;
  what: string;
  p50: number;
  p99: number;
  max: number;
  samples: number;
  peakRssMb: number;
  statuses: string;
  seconds: number;
}

async function underLoad(
  id: string,
  what: string,
  host: ServerProcess,
  run: () => Promise<UploadResult[]>,
): Promise<LoadRow> {
  const rss = sampleRss(host.pid);
  const probe = probeHealth(host.baseUrl);
  await sleep(200);
  const started = performance.now();
  const results = await run();
  const seconds = (performance.now() - started) / 1000;
  await sleep(200);
  const latencies = await probe.stop();
  const peak = await rss.stop();
  const counts = new Map<string, number>();
  for (const r of results) counts.set(String(r.status), (counts.get(String(r.status)) ?? 0) + 1);
  return {
    id,
    what,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    samples: latencies.length,
    peakRssMb: peak / MiB,
    statuses: [...counts].map(([status, n]) => `${n}x ${status}`).join(', '),
    seconds,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tasks-hardening-'));
  const host = await startServer({
    name: 'headless host',
    command: process.execPath,
    args: [
      '--experimental-async-context-frame',
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      join(ROOT, 'src-main/headless.ts'),
      '--data-dir',
      dataDir,
    ],
    cpus: process.env.BENCH_SERVER_CPUS ?? null,
    timeoutMs: 60_000,
  });
  const rows: LoadRow[] = [];
  const notes: string[] = [];
  try {
    const client = new HttpClient(host.baseUrl, 4);
    log('signing up the accounts...');
    const users: Array<BenchUser & { jwt: string }> = [];
    // Sign-up is rate limited (10 a minute for all local clients together): ten accounts, and the legitimate
    // import goes into the first (the hostile imports wrote nothing).
    for (let i = 0; i < HOSTILE_CLIENTS; i++) {
      const user = await signUp(client, `hostile${i}@bench.invalid`);
      users.push({ ...user, jwt: await accessToken(client, user) });
    }
    const idleRss = (await residentBytes(host.pid)) ?? 0;
    notes.push(`host RSS before the hostile imports: ${(idleRss / MiB).toFixed(0)} MB`);

    rows.push(await underLoad('H0', 'no load (noise floor)', host, async () => {
      await sleep(3000);
      return [];
    }));

    const shapeless = hostileBody('{"x":[', '{},', ']}');
    log(`H1: ${HOSTILE_CLIENTS} x ${(shapeless.byteLength / MiB).toFixed(1)} MiB {"x":[{},...]} at once...`);
    rows.push(
      await underLoad('H1', `${HOSTILE_CLIENTS} concurrent 32 MiB {"x":[{},{},...]} imports`, host, () =>
        Promise.all(users.slice(0, HOSTILE_CLIENTS).map((user) => upload(host.baseUrl, user, shapeless))),
      ),
    );

    const inShape = hostileBody('{"tasks":[', '{},', ']}');
    log(`H2: ${HOSTILE_CLIENTS} x 32 MiB {"tasks":[{},...]} at once...`);
    rows.push(
      await underLoad('H2', `${HOSTILE_CLIENTS} concurrent 32 MiB {"tasks":[{},{},...]} imports`, host, () =>
        Promise.all(users.slice(0, HOSTILE_CLIENTS).map((user) => upload(host.baseUrl, user, inShape))),
      ),
    );

    const legitUser = users[0]!;
    const legit = legitBody(legitUser.userId);
    log(`H3: one legitimate ${LEGIT_TASKS}-task import (${(legit.byteLength / MiB).toFixed(1)} MiB)...`);
    let legitResult: UploadResult | null = null;
    rows.push(
      await underLoad('H3', `one legitimate ${LEGIT_TASKS.toLocaleString('en')}-task import`, host, async () => {
        legitResult = await upload(host.baseUrl, legitUser, legit);
        return [legitResult];
      }),
    );
    const result = legitResult as UploadResult | null;
    notes.push(
      `H3: ${(legit.byteLength / MiB).toFixed(1)} MiB file, answered ${result?.status} in ${((result?.ms ?? 0) / 1000).toFixed(2)} s: ${result?.body.slice(0, 60)}`,
    );

    log(`H4: ${AUTH_PATHS} requests to random 8 KB /api/auth/ paths...`);
    const before = (await residentBytes(host.pid)) ?? 0;
    const authRss = sampleRss(host.pid);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const url = new URL(host.baseUrl);
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < AUTH_PATHS) {
        next += 1;
        const path = `/api/auth/${Math.random().toString(36).slice(2)}${'x'.repeat(8 * 1024)}`;
        const status = await new Promise<number>((resolve) => {
          const req = http.request({ host: url.hostname, port: url.port, path, method: 'POST', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', () => resolve(0));
          req.end();
        });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    agent.destroy();
    await sleep(500);
    const after = (await residentBytes(host.pid)) ?? 0;
    const authPeak = await authRss.stop();
    notes.push(
      `H4: RSS ${(before / MiB).toFixed(0)} MB -> ${(after / MiB).toFixed(0)} MB after ${AUTH_PATHS} unknown 8 KB auth paths ` +
        `(growth ${((after - before) / MiB).toFixed(1)} MB, peak ${(authPeak / MiB).toFixed(0)} MB, target growth < 50 MB); answers: ` +
        [...statuses].map(([s, n]) => `${n}x ${s}`).join(', '),
    );
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  const lines = [
    `## Hardening bench, ${new Date().toISOString()}`,
    '',
    '| id | what | health p50 ms | health p99 ms | max ms | probes | peak RSS MB | answers | s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${r.what} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.samples} | ${r.peakRssMb.toFixed(0)} | ${r.statuses} | ${r.seconds.toFixed(1)} |`,
    ),
    '',
    'Targets: H1 health p99 <= 100 ms and peak RSS <= 600 MB; H4 growth < 50 MB.',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  if (process.env.BENCH_NO_SAVE !== '1') {
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, `hardening-${new Date().toISOString().slice(0, 10)}.md`), `${report}\n`);
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
