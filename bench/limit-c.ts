// `node --experimental-transform-types bench/limit-c.ts` (issue 16 item 11): the hot path against the shared ceiling,
// as the issue measures it: ../shared/bench/load.sh (L1 GET list 50 of 1,000, L2 POST, L3 corrupted-signature JWT)
// against the headless host and against ../shared/bench/anchors/limit in mode c (node:http + jose + better-sqlite3),
// in one run, servers on CPU 0 and wrk on CPU 1, rounds alternating which server goes first. The anchor runs from a
// copy in a temporary folder with this project's node_modules (jose and better-sqlite3 of package.json), so the
// shared folder is left as it is. Prints a markdown report with each round's load average and appends it to
// bench/results/hot-path-YYYY-MM-DD.md (BENCH_NO_SAVE=1: print only). BENCH_ROUNDS (3), BENCH_SERVER_CPUS (0),
// BENCH_CLIENT_CPUS (1), DURATION/WARMUP as load.sh takes them.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpClient } from './lib/http-client.ts';
import { accessToken, createTasks, signUp } from './lib/product-api.ts';
import { startServer } from './lib/server-process.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, '../shared/bench');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SERVER_CPUS = process.env.BENCH_SERVER_CPUS ?? '0';
const CLIENT_CPUS = process.env.BENCH_CLIENT_CPUS ?? '1';
const LIMIT_PORT = 47_931;
const log = (line: string) => process.stderr.write(`[limit-c] ${line}\n`);
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

interface Line {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function loadSh(base: string, user: string, token: string): Line[] {
  const out = execFileSync('bash', [join(SHARED, 'load.sh'), base, user, token], {
    env: { ...process.env, WRK_CPUS: CLIENT_CPUS },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [scenario, rps, p50, p99, non2xx] = line.split(' ');
      return { scenario: scenario!, rps: Number(rps), p50: Number(p50), p99: Number(p99), non2xx: Number(non2xx) };
    });
}

async function waitForPort(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${url} did not answer`);
}

async function main(): Promise<void> {
  const node = process.execPath;
  const dir = mkdtempSync(join(tmpdir(), 'bench-limit-c-'));
  const anchor = join(dir, 'limit');
  mkdirSync(anchor);
  for (const file of ['server.mjs', 'seed.mjs']) copyFileSync(join(SHARED, 'anchors/limit', file), join(anchor, file));
  symlinkSync(join(ROOT, 'node_modules'), join(anchor, 'node_modules'));
  if (!existsSync(join(ROOT, 'out/headless/headless.mjs')) || process.env.BENCH_REBUILD) {
    log('building the headless host...');
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.headless.config.ts'], { cwd: ROOT, stdio: 'ignore' });
  }

  const db = join(dir, 'limit.db');
  const limitToken = execFileSync(node, [join(anchor, 'seed.mjs'), db, 'u1', '1000'], { cwd: anchor, encoding: 'utf8' }).trim();
  const pin = SERVER_CPUS ? ['taskset', '-c', SERVER_CPUS] : [];
  const limitArgs = [...pin, node, join(anchor, 'server.mjs')];
  const limit = spawn(limitArgs[0]!, limitArgs.slice(1), {
    cwd: anchor,
    env: { ...process.env, PORT: String(LIMIT_PORT), DB_PATH: db, MODE: 'c' },
    stdio: 'ignore',
  });
  const limitBase = `http://127.0.0.1:${LIMIT_PORT}`;
  const host = await startServer({
    name: 'headless host',
    command: node,
    args: [join(ROOT, 'out/headless/headless.mjs'), '--data-dir', join(dir, 'data')],
    cpus: SERVER_CPUS || null,
    timeoutMs: 60_000,
  });
  const rows: string[] = [];
  const ratios: Record<string, number[]> = { L1: [], L2: [], L3: [] };
  const p99s: { product: number[]; limit: number[] } = { product: [], limit: [] };
  try {
    await waitForPort(limitBase);
    const client = new HttpClient(host.baseUrl, 32);
    const user = await signUp(client, 'limit-c@bench.invalid');
    log('seeding 1,000 tasks through the API...');
    const tasks = Array.from({ length: 1000 }, (_, i) => ({ title: `task ${i}`, description: `description of task ${i}`, priority: 'none' as const, dueAt: null, completed: i % 3 === 0 }));
    await createTasks(client, user, await accessToken(client, user), tasks);
    for (let round = 1; round <= ROUNDS; round++) {
      const productFirst = round % 2 === 1;
      const result: Record<string, Line[]> = {};
      const started = loadAverage();
      for (const which of productFirst ? ['product', 'limit-c'] : ['limit-c', 'product']) {
        log(`round ${round}: ${which}...`);
        result[which] =
          which === 'product'
            ? // A new connection: the one from before the last round was closed by the host's keep-alive timeout.
              loadSh(host.baseUrl, user.userId, await accessToken(new HttpClient(host.baseUrl, 1), user))
            : loadSh(limitBase, 'u1', limitToken);
      }
      const ended = loadAverage();
      for (const [i, p] of result.product!.entries()) {
        const l = result['limit-c']![i]!;
        const ratio = p.rps / l.rps;
        ratios[p.scenario]!.push(ratio);
        if (p.scenario === 'L1') {
          p99s.product.push(p.p99);
          p99s.limit.push(l.p99);
        }
        rows.push(
          `| ${round} | ${p.scenario} | ${p.rps.toFixed(0)} | ${p.p50} / ${p.p99} | ${l.rps.toFixed(0)} | ${l.p50} / ${l.p99} | ${ratio.toFixed(2)} | ${p.non2xx} / ${l.non2xx} | ${i === 0 ? `${started} -> ${ended}` : ''} |`,
        );
      }
    }
  } finally {
    await host.stop();
    limit.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const report = [
    `## Hot path vs limit-c (load.sh), ${new Date().toISOString()}, commit ${commit}, node ${process.version}`,
    '',
    `${ROUNDS} rounds, alternating which server goes first; server on CPU ${SERVER_CPUS || 'any'}, wrk on CPU ${CLIENT_CPUS || 'any'}. Targets: L1 and L2 >= 1.0x, L3 >= 0.9x of limit-c, L1 p99 <= 1.2x the bare server's.`,
    '',
    '| round | scenario | product req/s | product p50 / p99 ms | limit-c req/s | limit-c p50 / p99 ms | ratio | non2xx (product / limit-c) | load avg (round start -> end) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Median ratios: L1 ${median(ratios.L1!).toFixed(2)}x, L2 ${median(ratios.L2!).toFixed(2)}x, L3 ${median(ratios.L3!).toFixed(2)}x; L1 p99 median ${median(p99s.product)} ms vs limit-c ${median(p99s.limit)} ms (${(median(p99s.product) / median(p99s.limit)).toFixed(2)}x).`,
    '',
  ].join('\n');
  process.stdout.write(`${report}\n`);
  if (!process.env.BENCH_NO_SAVE) {
    const out = join(ROOT, 'bench/results');
    mkdirSync(out, { recursive: true });
    appendFileSync(join(out, `hot-path-${new Date().toISOString().slice(0, 10)}.md`), `${report}\n`);
  }
}

await main();
