// npm run bench:automation — issue 12's figures, all in one run of the headless host:
//   L4 vs L1: GET /api/{user}/tasks?limit=50 with a personal access token vs with a session JWT (target: L4 within
//             10 % of L1), wrk as in L1, rounds alternating which goes first; req/s and server CPU per request.
//   E1:       100 open event streams (over 5 accounts: 20 per user at most); a task created through the API reaches every stream (target: p99 <= 50 ms).
// Appends its report to bench/results/YYYY-MM-DD.md (BENCH_NO_SAVE=1: print only).
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_STREAMS_PER_USER } from '../src-shared/event-schemas.ts';
import { HttpClient } from './lib/http-client.ts';
import { measureFanout } from './lib/phase-fanout.ts';
import {
  SCENARIOS,
  measureScenario,
  type LoadMeasurement,
  type LoadTarget,
  type ScenarioDefinition,
} from './lib/phase-load.ts';
import { ensureBuilt, ensureWrk, pinSelf } from './lib/prerequisites.ts';
import { accessToken, createTasks, signUp } from './lib/product-api.ts';
import { residentBytes, startServer, type ServerProcess } from './lib/server-process.ts';
import { median, summarize } from './lib/stats.ts';
import { seedTasks } from './lib/task-data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const config = {
  duration: num('BENCH_DURATION', 10),
  warmup: num('BENCH_WARMUP', 2),
  rounds: num('BENCH_ROUNDS', 3),
  connections: num('BENCH_CONNECTIONS', 32),
  threads: num('BENCH_THREADS', 2),
  serverCpus: env.BENCH_SERVER_CPUS ?? '0',
  clientCpus: env.BENCH_CLIENT_CPUS ?? '1',
  streams: num('BENCH_STREAMS', 100),
  events: num('BENCH_EVENTS', 200),
  save: env.BENCH_NO_SAVE !== '1',
};
const log = (line: string) => process.stderr.write(`[bench:automation] ${line}\n`);
const L1 = SCENARIOS.find((s) => s.id === 'L1')!;
const L4: ScenarioDefinition = {
  ...L1,
  id: 'L4',
  what: 'GET list, 50 of 1,000 tasks, personal access token',
};

async function main(): Promise<void> {
  ensureWrk(log);
  const entry = ensureBuilt(ROOT, log);
  if (config.clientCpus && !pinSelf(config.clientCpus))
    log('could not pin the bench process (taskset missing)');
  const tmp = mkdtempSync(join(tmpdir(), 'tasks-bench-automation-'));
  let host: ServerProcess | null = null;
  const started = new Date();
  try {
    host = await startServer({
      name: 'headless host',
      command: process.execPath,
      args: ['--experimental-async-context-frame', entry, '--data-dir', join(tmp, 'data')],
      cpus: config.serverCpus || null,
    });
    const client = new HttpClient(host.baseUrl, 32);
    const user = await signUp(client, 'automation@bench.invalid');
    log('seeding 1,000 tasks through the API...');
    await createTasks(client, user, await accessToken(client, user), seedTasks(1000, Date.now()), 8);
    const created = await client.json('POST', `/api/${user.userId}/tokens`, 201, {
      bearer: await accessToken(client, user),
      json: { name: 'bench', scopes: ['tasks:read', 'tasks:write'], expiresInDays: 1 },
    });
    const pat = (created as { token: string }).token;
    const target = (token: () => Promise<string>): LoadTarget => ({
      name: 'product',
      baseUrl: host!.baseUrl,
      pid: host!.pid,
      userId: user.userId,
      token,
      client,
    });
    const jwtTarget = target(() => accessToken(client, user));
    const patTarget = target(() => Promise.resolve(pat));
    const settings = {
      durationSeconds: config.duration,
      warmupSeconds: config.warmup,
      connections: config.connections,
      threads: config.threads,
      wrkCpus: config.clientCpus || null,
    };
    const load: LoadMeasurement[] = [];
    for (let round = 1; round <= config.rounds; round++) {
      const order: [ScenarioDefinition, LoadTarget][] = [
        [L1, jwtTarget],
        [L4, patTarget],
      ];
      for (const [s, t] of round % 2 === 1 ? order : order.reverse()) {
        log(`${s.id} round ${round}/${config.rounds}...`);
        const m = await measureScenario(s, t, settings, round);
        if (m.warning) log(`  warning: ${m.warning}`);
        if (m.result)
          log(
            `  ${m.result.rps.toFixed(0)} req/s, p99 ${m.result.p99Ms} ms, CPU ${m.cpuUsPerRequest?.toFixed(0)} µs/req`,
          );
        load.push(m);
      }
    }

    log(`E1: ${config.streams} event streams, ${config.events} task creations...`);
    // The server keeps at most 20 streams per user: the streams are spread over enough accounts.
    const accounts = [{ userId: user.userId, token: pat }];
    for (let i = 1; i < Math.ceil(config.streams / MAX_STREAMS_PER_USER); i += 1) {
      const other = await signUp(client, `automation-${i}@bench.invalid`);
      const made = await client.json('POST', `/api/${other.userId}/tokens`, 201, {
        bearer: await accessToken(client, other),
        json: { name: 'bench', scopes: ['tasks:read', 'tasks:write'], expiresInDays: 1 },
      });
      accounts.push({ userId: other.userId, token: (made as { token: string }).token });
    }
    const fanout = await measureFanout({
      baseUrl: host.baseUrl,
      client,
      accounts,
      streams: config.streams,
      events: config.events,
      gapMs: 20,
    });
    const rss = await residentBytes(host.pid);
    const report = formatReport(started, load, fanout, rss);
    process.stdout.write(report);
    if (config.save) {
      const file = join(ROOT, 'bench/results', `${started.toISOString().slice(0, 10)}.md`);
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, report);
      log(`appended to ${file}`);
    }
  } finally {
    await host?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function formatReport(
  started: Date,
  load: LoadMeasurement[],
  fanout: Awaited<ReturnType<typeof measureFanout>>,
  rss: number | null,
): string {
  const of = (id: string) => load.filter((m) => m.scenario === id && m.result);
  const rps = (id: string) => median(of(id).map((m) => m.result!.rps));
  const cpu = (id: string) =>
    median(
      of(id)
        .map((m) => m.cpuUsPerRequest ?? NaN)
        .filter(Number.isFinite),
    );
  const rows = load.map(
    (m) =>
      `| ${m.scenario} | ${m.round} | ${m.result ? m.result.rps.toFixed(0) : '–'} | ${m.result?.p50Ms ?? '–'} | ${m.result?.p99Ms ?? '–'} | ${m.cpuUsPerRequest?.toFixed(0) ?? '–'} | ${m.warning ?? ''} |`,
  );
  const commit = summarize(fanout.fromCommitMs);
  const send = summarize(fanout.fromSendMs);
  const rpsRatio = rps('L4') / rps('L1');
  const cpuRatio = cpu('L4') / cpu('L1');
  return `
## bench:automation ${started.toISOString()} (issue 12)

Headless host on CPU ${config.serverCpus || 'any'}, wrk and this client on CPU ${config.clientCpus || 'any'}; ${config.connections} connections, ${config.threads} threads, ${config.warmup} s warm-up + ${config.duration} s, ${config.rounds} rounds alternating which goes first.

| scenario | round | req/s | p50 ms | p99 ms | server CPU µs/req | warning |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

- **L4 (token) vs L1 (JWT), same run:** median req/s ${rps('L4').toFixed(0)} vs ${rps('L1').toFixed(0)} = **${(rpsRatio * 100).toFixed(1)} %** of L1 (target >= 90 %: ${rpsRatio >= 0.9 ? 'met' : 'NOT met'}); server CPU per request ${cpu('L4').toFixed(0)} vs ${cpu('L1').toFixed(0)} µs = ${cpuRatio.toFixed(2)}x.
- **E1 fan-out:** ${fanout.streams} open streams, ${fanout.events} tasks created one at a time (20 ms apart), ${commit.n} deliveries, ${fanout.missing} missing. From commit to arrival: p50 ${commit.p50.toFixed(1)} ms, **p99 ${commit.p99.toFixed(1)} ms**, max ${commit.max.toFixed(1)} ms (target p99 <= 50 ms: ${commit.p99 <= 50 && fanout.missing === 0 ? 'met' : 'NOT met'}). From sending the POST (includes its fsync): p50 ${send.p50.toFixed(1)} ms, p99 ${send.p99.toFixed(1)} ms.
- RSS of the host after both: ${rss === null ? '?' : (rss / 2 ** 20).toFixed(0)} MB.
`;
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
