// `npm run bench`: measures the headless host against the issue's targets and a bare baseline in
// the same run, prints a markdown report and appends it to bench/results/YYYY-MM-DD.md.
// Env (all optional): BENCH_DURATION=10 BENCH_WARMUP=2 (seconds per wrk run), BENCH_ROUNDS=3 (each L
// scenario runs this many times per server, alternating which server goes first; medians are reported), BENCH_CONNECTIONS=32,
// BENCH_THREADS=2, BENCH_SERVER_CPUS=0, BENCH_CLIENT_CPUS=1 (taskset lists; "" = unpinned),
// BENCH_STARTS=5, BENCH_S2_TASKS=100000, BENCH_S2_SAMPLES=200, BENCH_ONLY=load,startup,list,
// BENCH_NO_SAVE=1 (print only), BENCH_PROFILE=1 (host runs with --cpu-prof into bench/.tmp/profiles),
// BENCH_REBUILD=1 (force the headless build), BENCH_HOST=source (run src-main/headless.ts through Node's
// TypeScript support instead of the build: for quick iterations only, start-up is then not representative).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createBareFixture } from './lib/bare-fixture.ts';
import { HttpClient } from './lib/http-client.ts';
import { measureQueries, type QueryLatency } from './lib/phase-list-latency.ts';
import { SCENARIOS, measureScenario, type LoadMeasurement, type LoadTarget } from './lib/phase-load.ts';
import { measureStartup, type HostCommand, type StartupSamples } from './lib/phase-startup.ts';
import { ensureBuilt, ensureWrk, pinSelf } from './lib/prerequisites.ts';
import { accessToken, createTasks, signUp } from './lib/product-api.ts';
import {
  appendToResultsFile,
  cpuEfficiencyRow,
  fmtInt,
  fmtMb,
  fmtMs,
  formatSection,
  limitRow,
  markdownTable,
  medianOfRounds,
  throughputRow,
  type TargetRow,
  type Throughput,
} from './lib/report.ts';
import { s2Queries } from './lib/s2-queries.ts';
import { measureS3, S3_LISTS, S3_TAGS, seedOrganize, type S3Measure } from './lib/s3-organize.ts';
import { residentBytes, startServer, type ServerProcess } from './lib/server-process.ts';
import { insertSeedTasks } from './lib/sqlite-seed.ts';
import { median } from './lib/stats.ts';
import { seedTasks } from './lib/task-data.ts';

const ROOT = join(import.meta.dirname, '..');
const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const cpuList = (name: string, fallback: string) => (env[name] === undefined ? fallback : env[name] || null);
const twoCores = cpus().length >= 2;
const config = {
  duration: num('BENCH_DURATION', 10),
  warmup: num('BENCH_WARMUP', 2),
  rounds: Math.max(1, num('BENCH_ROUNDS', 3)),
  connections: num('BENCH_CONNECTIONS', 32),
  threads: num('BENCH_THREADS', 2),
  serverCpus: twoCores ? cpuList('BENCH_SERVER_CPUS', '0') : null,
  clientCpus: twoCores ? cpuList('BENCH_CLIENT_CPUS', '1') : null,
  starts: num('BENCH_STARTS', 5),
  s2Tasks: num('BENCH_S2_TASKS', 100_000),
  s2Samples: num('BENCH_S2_SAMPLES', 200),
  s3Tasks: num('BENCH_S3_TASKS', 100_000),
  only: new Set((env.BENCH_ONLY ?? 'load,startup,list,organize').split(',').map((s) => s.trim())),
  save: env.BENCH_NO_SAVE !== '1',
  profile: env.BENCH_PROFILE === '1',
};
const TARGET = {
  ratio: 0.9,
  p99Ms: 10,
  startupMs: 400,
  pageP99Ms: 5,
  searchP99Ms: 25,
  sidebarCountsMs: 20,
  idleRss: 150 * 1024 * 1024,
};
const L1_TASKS = 1000;
/** The Node flags `npm run serve` (scripts/serve.mjs) starts the host with: measure what users run. */
const HOST_NODE_FLAGS = ['--experimental-async-context-frame'];

const t0 = Date.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);

function gitDescribe(): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--untracked-files=no', '--', 'src-main', 'src-shared'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    ).trim();
    return dirty ? `${rev} + uncommitted changes in src-main/src-shared` : rev;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** Taken when the run starts: the code measured, even if the checkout changes while it runs. */
const COMMIT = gitDescribe();

interface Results {
  load: LoadMeasurement[];
  startup: StartupSamples | null;
  s2: QueryLatency[];
  s3: S3Measure[];
  rssIdle: number | null;
  rssAfterLoad: number | null;
  rssAfterS2: number | null;
  errors: string[];
  notes: string[];
}

async function phase(results: Results, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${message}`);
    results.errors.push(`${name}: ${message.split('\n')[0]}`);
  }
}

async function main(): Promise<void> {
  ensureWrk(log);
  const fromSource = env.BENCH_HOST === 'source';
  const entry = fromSource ? join(ROOT, 'src-main/headless.ts') : ensureBuilt(ROOT, log);
  const tmpRoot = mkdtempSync(join(tmpdir(), 'tasks-bench-'));
  const results: Results = {
    load: [],
    startup: null,
    s2: [],
    s3: [],
    rssIdle: null,
    rssAfterLoad: null,
    rssAfterS2: null,
    errors: [],
    notes: [],
  };
  if (config.clientCpus && !pinSelf(config.clientCpus))
    log('could not pin the bench process (taskset missing)');
  const profileDir = join(ROOT, 'bench/.tmp/profiles');
  if (config.profile) mkdirSync(profileDir, { recursive: true });
  const host: HostCommand = {
    command: process.execPath,
    args: [
      ...HOST_NODE_FLAGS,
      ...(config.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      ...(fromSource ? ['--experimental-transform-types', '--disable-warning=ExperimentalWarning'] : []),
      entry,
    ],
    cpus: config.serverCpus,
  };
  const servers: ServerProcess[] = [];
  const clients: HttpClient[] = [];
  try {
    if (config.only.has('startup')) {
      await phase(results, 'S1', async () => {
        log(`S1: ${config.starts} first-run starts and ${config.starts} restarts of the headless host...`);
        results.startup = await measureStartup(host, tmpRoot, config.starts);
      });
    }
    if (!['load', 'list', 'organize'].some((phase) => config.only.has(phase))) return report(results);

    const dataDir = mkdtempSync(join(tmpRoot, 'host-'));
    log('starting the headless host...');
    const product = await startServer({
      name: 'headless host',
      command: host.command,
      args: [...host.args, '--data-dir', dataDir],
      cpus: host.cpus,
    });
    servers.push(product);
    const client = new HttpClient(product.baseUrl, 32);
    clients.push(client);
    await sleep(2000);
    results.rssIdle = await residentBytes(product.pid);

    if (config.only.has('load')) {
      await phase(results, 'L1-L3', async () => {
        log(`seeding ${L1_TASKS} tasks through the API...`);
        const user = await signUp(client, 'load@bench.invalid');
        const tasks = seedTasks(L1_TASKS, Date.now());
        await createTasks(client, user, await accessToken(client, user), tasks, 8);
        log('seeding the bare baseline...');
        const bareDir = mkdtempSync(join(tmpRoot, 'bare-'));
        const fixture = await createBareFixture(bareDir, user.userId, tasks);
        const startBare = async (mode: 'full' | 'verify') => {
          const server = await startServer({
            name: `bare (${mode})`,
            command: process.execPath,
            args: [join(ROOT, 'bench/baseline/bare-server.mjs')],
            env: { ...fixture.env, MODE: mode },
            cpus: config.serverCpus,
          });
          servers.push(server);
          return server;
        };
        const bareFull = await startBare('full');
        const bareVerify = await startBare('verify');
        const bareTarget = (name: string, s: ServerProcess): LoadTarget => {
          const c = new HttpClient(s.baseUrl, 4);
          clients.push(c);
          return {
            name,
            baseUrl: s.baseUrl,
            pid: s.pid,
            userId: user.userId,
            token: () => Promise.resolve(fixture.token),
            client: c,
          };
        };
        const targets = {
          product: {
            name: 'product',
            baseUrl: product.baseUrl,
            pid: product.pid,
            userId: user.userId,
            token: () => accessToken(client, user),
            client,
          },
          bare: bareTarget('bare', bareFull),
          bareVerify: bareTarget('bare verify-only', bareVerify),
        };
        const settings = {
          durationSeconds: config.duration,
          warmupSeconds: config.warmup,
          connections: config.connections,
          threads: config.threads,
          wrkCpus: config.clientCpus,
        };
        for (let round = 1; round <= config.rounds; round++) {
          for (const s of SCENARIOS) {
            const pair = [targets.product, s.id === 'L3' ? targets.bareVerify : targets.bare];
            for (const t of round % 2 === 1 ? pair : pair.reverse()) {
              log(`${s.id} round ${round}/${config.rounds} ${s.what}: ${t.name}...`);
              const m = await measureScenario(s, t, settings, round);
              if (m.warning) log(`  warning: ${m.warning}`);
              if (m.result)
                log(
                  `  ${fmtInt(m.result.rps)} req/s, p50 ${fmtMs(m.result.p50Ms)}, p99 ${fmtMs(m.result.p99Ms)}, server CPU ${m.cpuUsPerRequest?.toFixed(0) ?? '?'} µs/req`,
                );
              results.load.push(m);
            }
          }
        }
        results.rssAfterLoad = await residentBytes(product.pid);
      });
    }

    if (config.only.has('list')) {
      await phase(results, 'S2', async () => {
        const user = await signUp(client, 'list@bench.invalid');
        const now = Date.now();
        log(`S2: writing ${fmtInt(config.s2Tasks)} tasks into ${'<data dir>'}/tasks.db...`);
        const db = new Database(join(dataDir, 'tasks.db'));
        try {
          db.pragma('busy_timeout = 5000');
          insertSeedTasks(db, user.userId, seedTasks(config.s2Tasks, now));
        } finally {
          db.close();
        }
        log(`S2: timing ${config.s2Samples} sequential requests per query...`);
        results.s2 = await measureQueries(
          client,
          user.userId,
          () => accessToken(client, user),
          s2Queries(now),
          config.s2Samples,
          20,
          5000,
          log,
        );
        results.rssAfterS2 = await residentBytes(product.pid);
      });
    }

    if (config.only.has('organize')) {
      await phase(results, 'S3', async () => {
        const user = await signUp(client, 'organize@bench.invalid');
        const jwt = await accessToken(client, user);
        const lists = await client.json<{ items: { id: string }[] }>(
          'GET',
          `/api/${user.userId}/lists`,
          200,
          {
            bearer: jwt,
          },
        );
        const now = Date.now();
        log(
          `S3: writing ${fmtInt(config.s3Tasks)} tasks in ${S3_LISTS} lists with ${S3_TAGS} tags (10 % subtasks) into tasks.db...`,
        );
        const db = new Database(join(dataDir, 'tasks.db'));
        let seed;
        try {
          db.pragma('busy_timeout = 5000');
          seed = seedOrganize(db, user.userId, lists.items[0]!.id, seedTasks(config.s3Tasks, now));
        } finally {
          db.close();
        }
        log(`S3: timing ${config.s2Samples} sequential requests per page, the sidebar counts and moves...`);
        results.s3 = await measureS3(
          client,
          user.userId,
          () => accessToken(client, user),
          seed,
          now,
          config.s2Samples,
          log,
        );
      });
    }
  } finally {
    for (const c of clients) c.close();
    for (const s of servers.reverse()) await s.stop();
    rmSync(tmpRoot, { recursive: true, force: true });
  }
  report(results);
}

/** "p50 X; bare p99 Y": the reference's tail in the same run tells the machine's share of the product's. */
function latencyDetail(product: Throughput, reference: Throughput | null, referenceName: string): string {
  return `p50 ${fmtMs(product.p50Ms)}${reference ? `; ${referenceName} p99 ${fmtMs(reference.p99Ms)}` : ''}`;
}

function loadRows(load: LoadMeasurement[]): TargetRow[] {
  const runs = (id: string, target: string) => load.filter((m) => m.scenario === id && m.target === target);
  const find = (id: string, target: string) => medianOfRounds(runs(id, target).map((m) => m.result));
  const cpu = (id: string, target: string) => {
    const values = runs(id, target).flatMap((m) => (m.cpuUsPerRequest === null ? [] : [m.cpuUsPerRequest]));
    return values.length ? median(values) : null;
  };
  const rows: TargetRow[] = [];
  const of = config.rounds > 1 ? ` (median of ${config.rounds} rounds)` : '';
  for (const s of SCENARIOS) {
    const product = find(s.id, 'product');
    const refName = s.id === 'L3' ? 'bare verify-only' : 'bare';
    rows.push(
      throughputRow(s.id, `${s.what}: throughput${of}`, product, find(s.id, refName), refName, TARGET.ratio),
    );
    rows.push(
      cpuEfficiencyRow(
        s.id,
        `${s.what}: server CPU per request (info)`,
        cpu(s.id, 'product'),
        cpu(s.id, refName),
        refName,
      ),
    );
    rows.push(
      limitRow(
        s.id,
        `${s.what}: p99 latency${of}`,
        product?.p99Ms ?? null,
        TARGET.p99Ms,
        fmtMs,
        product ? { detail: latencyDetail(product, find(s.id, refName), refName) } : {},
      ),
    );
  }
  return rows;
}

function report(r: Results): void {
  const rows: TargetRow[] = [];
  const details: { title: string; table: string }[] = [];
  if (r.load.length) {
    rows.push(...loadRows(r.load));
    details.push({
      title: `L1-L3 raw wrk numbers (${config.connections} connections, ${config.threads} threads, ${config.warmup} s warm-up + ${config.duration} s)`,
      table: markdownTable(
        ['scenario', 'round', 'server', 'req/s', 'p50', 'p99', 'server CPU µs/req', 'status >= 400', 'notes'],
        r.load.map((m) => [
          m.scenario,
          String(m.round),
          m.target,
          m.result ? fmtInt(m.result.rps) : '–',
          m.result ? fmtMs(m.result.p50Ms) : '–',
          m.result ? fmtMs(m.result.p99Ms) : '–',
          m.cpuUsPerRequest === null ? '–' : m.cpuUsPerRequest.toFixed(0),
          m.result ? fmtInt(m.result.httpErrors) : '–',
          m.warning ?? '',
        ]),
      ),
    });
  }
  if (r.startup) {
    const { firstRun, restart } = r.startup;
    rows.push(
      limitRow(
        'S1',
        `start-up to ready line, restart (existing data dir), median of ${restart.length}`,
        median(restart),
        TARGET.startupMs,
        fmtMs,
      ),
    );
    rows.push(
      limitRow(
        'S1',
        `start-up to ready line, first run (empty data dir), median of ${firstRun.length}`,
        median(firstRun),
        TARGET.startupMs,
        fmtMs,
      ),
    );
    details.push({
      title: 'S1 samples (ms, spawn to ready line)',
      table: markdownTable(
        ['start', 'samples', 'median'],
        [
          ['restart', restart.map((x) => x.toFixed(0)).join(', '), fmtMs(median(restart))],
          ['first run', firstRun.map((x) => x.toFixed(0)).join(', '), fmtMs(median(firstRun))],
        ],
      ),
    });
  }
  if (r.s2.length) {
    for (const q of r.s2) {
      const limit = q.query.kind === 'search' ? TARGET.searchP99Ms : TARGET.pageP99Ms;
      rows.push(
        limitRow(
          'S2',
          `${q.query.kind === 'page' ? 'page: ' : ''}${q.query.name}`,
          q.summary.p99,
          limit,
          fmtMs,
          {
            detail: `p50 ${fmtMs(q.summary.p50)}`,
            infoOnly: q.query.kind === 'counts' || q.query.kind === 'floor',
          },
        ),
      );
    }
    details.push({
      title: `S2 per query (${fmtInt(config.s2Tasks)} tasks, up to ${config.s2Samples} sequential requests each after 20 warm-up, at most ~5 s per query)`,
      table: markdownTable(
        ['query', 'items', 'requests', 'p50', 'p99', 'max', 'query string'],
        r.s2.map((q) => [
          q.query.name,
          String(q.items),
          String(q.summary.n),
          fmtMs(q.summary.p50),
          fmtMs(q.summary.p99),
          fmtMs(q.summary.max),
          `\`${decodeURIComponent(q.query.query)}\``,
        ]),
      ),
    });
  }
  if (r.s3.length) {
    for (const m of r.s3) {
      const limit = m.kind === 'counts' ? TARGET.sidebarCountsMs : TARGET.pageP99Ms;
      rows.push(
        limitRow('S3', m.name, m.summary.p99, limit, fmtMs, {
          detail: `p50 ${fmtMs(m.summary.p50)}`,
          infoOnly: m.kind === 'floor',
        }),
      );
    }
    details.push({
      title: `S3 per request (${fmtInt(config.s3Tasks)} tasks, ${S3_LISTS} lists, ${S3_TAGS} tags, 10 % subtasks; up to ${config.s2Samples} sequential requests each after 10 warm-up)`,
      table: markdownTable(
        ['what', 'items', 'requests', 'p50', 'p99', 'max'],
        r.s3.map((m) => [
          m.name,
          String(m.items),
          String(m.summary.n),
          fmtMs(m.summary.p50),
          fmtMs(m.summary.p99),
          fmtMs(m.summary.max),
        ]),
      ),
    });
  }
  if (config.only.has('load') || config.only.has('list')) {
    rows.push(
      limitRow('M1', 'RSS of the idle headless host (2 s after ready)', r.rssIdle, TARGET.idleRss, fmtMb),
    );
    if (r.rssAfterLoad !== null)
      rows.push(
        limitRow('M1', 'RSS after L1-L3 (info)', r.rssAfterLoad, TARGET.idleRss, fmtMb, { infoOnly: true }),
      );
    if (r.rssAfterS2 !== null)
      rows.push(
        limitRow('M1', 'RSS after S2 (info)', r.rssAfterS2, TARGET.idleRss, fmtMb, { infoOnly: true }),
      );
  }
  const now = new Date();
  const date = now.toISOString().slice(0, 10);
  const section = formatSection({
    heading: `Run ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    notes: [
      ...(env.BENCH_HOST === 'source'
        ? ['**host run from TypeScript sources (BENCH_HOST=source), not the build**']
        : []),
      `commit ${COMMIT}; Node ${process.version} (host flags: ${HOST_NODE_FLAGS.join(' ')}); ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; total ${((Date.now() - t0) / 1000).toFixed(0)} s`,
      `servers pinned to CPU ${config.serverCpus ?? 'any'}, wrk and the bench client to CPU ${config.clientCpus ?? 'any'}; every ratio is product ÷ bare measured in this run, alternating server by server`,
      "bare = bench/baseline/bare-server.mjs: node:http + jose EdDSA verify (no cache) + better-sqlite3 on a database built by the product's migrations, same pragmas (synchronous=FULL); bare verify-only = the same server without the database",
      `L1/L2 user: ${L1_TASKS} tasks created through POST /api/{user}/tasks; S2 user: tasks written straight into the host's tasks.db in one transaction (the product's FTS triggers index them)`,
      'S3: p99 per request (pages also target p50 <= 1 ms); a move is a committed, fsynced write; the sidebar counts are one GET /lists and one GET /tags',
      'S1: a new process each start (OS page cache warm); S2: latency of one request at a time over a keep-alive loopback connection, measured by the client (server time + one loopback round trip)',
      ...r.notes,
      ...r.errors.map((e) => `**error** ${e}`),
    ],
    targets: rows,
    details,
  });
  process.stdout.write(`\n${section}\n`);
  if (config.save) {
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${date}.md`);
    writeFileSync(
      file,
      appendToResultsFile(existsSync(file) ? readFileSync(file, 'utf8') : null, date, section),
    );
    log(`appended to bench/results/${date}.md`);
  }
  if (r.errors.length) process.exitCode = 1;
}

await main();
