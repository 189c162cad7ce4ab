// `node bench/recurrence-budget.ts` (issue 16 item 1): what a recurrence rule can cost the server, one run.
// - R1: over 3,000 generated rules (src-shared/schedule/test-support/rule-arbitrary.ts, fixed seed: every BY* part,
//   large lists, COUNT/UNTIL), the time of the rule check (rruleProblem) and of one next-occurrence expansion
//   from an all-day and a timed due, best of 3 per rule (the worst rules, p99, max); the review's rule too.
// - R2: the headless host's /api/health latency while 8 clients POST hostile-rule tasks back to back (the review's
//   263-character rule with COUNT=5, without a due, and a rule that exhausts the expansion budget), next to the
//   same probe with no load in the same run (target: p99 <= 100 ms).
// Prints a markdown report and appends it to bench/results/recurrence-YYYY-MM-DD.md (BENCH_NO_SAVE=1: print only).
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { probeHealth } from './lib/health-probe.ts';
import fc from 'fast-check';
import { normalizeRrule, rruleProblem } from '../src-shared/recurrence-rule.ts';
import { findNextOccurrence, type DueState } from '../src-shared/schedule/recurrence.ts';
import { workMeter } from '../src-shared/schedule/recurrence-budget.ts';
import { ruleArbitrary } from '../src-shared/schedule/test-support/rule-arbitrary.ts';
import { HttpClient } from './lib/http-client.ts';
import { accessToken, signUp } from './lib/product-api.ts';
import { startServer } from './lib/server-process.ts';
import { percentile } from './lib/stats.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RULES = Number(process.env.BENCH_RULES ?? 3000);
const CLIENTS = 8;
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 8000);
const HOSTILE = `FREQ=YEARLY;BYMONTH=12;BYYEARDAY=${Array.from({ length: 80 }, (_, i) => i + 1).join(',')}`;
const OVER_BUDGET = 'FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29';

const log = (line: string) => process.stderr.write(`[recurrence] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (v: number) => `${v.toFixed(2)} ms`;

function best(run: () => unknown): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    min = Math.min(min, performance.now() - started);
  }
  return min;
}

const DUES: DueState[] = [
  { dueDate: '2026-12-04', dueAt: null, timeZone: null },
  { dueDate: null, dueAt: '2026-12-04T08:00:00.000Z', timeZone: 'Europe/Berlin' },
];

function rulesPhase(lines: string[]): void {
  const rules = fc.sample(ruleArbitrary, { numRuns: RULES, seed: 16 });
  const checks: { ms: number; rule: string }[] = [];
  const expansions: { ms: number; rule: string; kind: string; units: number }[] = [];
  const kinds = new Map<string, number>();
  for (const text of rules) {
    let problem: string | null = null;
    checks.push({ ms: best(() => (problem = rruleProblem(text))), rule: text });
    if (problem !== null) continue;
    const rrule = normalizeRrule(text);
    for (const due of DUES) {
      let kind = '';
      let units = 0;
      const time = best(() => {
        const meter = workMeter();
        kind = findNextOccurrence({ rrule, from: 'due', due, completedAt: new Date(), done: 0 }, meter).kind;
        units = meter.units;
      });
      expansions.push({ ms: time, rule: rrule, kind, units });
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  const times = (xs: { ms: number }[]) => xs.map((x) => x.ms);
  const accepted = expansions.length / DUES.length;
  lines.push(
    `### R1: ${RULES} generated rules (${accepted} accepted), best of 3 each`,
    '',
    '| what | p50 | p99 | max |',
    '| --- | --- | --- | --- |',
    `| rule check (rruleProblem), every rule | ${ms(percentile(times(checks), 50))} | ${ms(percentile(times(checks), 99))} | ${ms(Math.max(...times(checks)))} |`,
    `| next occurrence, accepted rules x 2 dues | ${ms(percentile(times(expansions), 50))} | ${ms(percentile(times(expansions), 99))} | ${ms(Math.max(...times(expansions)))} |`,
    '',
    `Expansions: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}. The review's rule: check ${ms(best(() => rruleProblem(HOSTILE)))}, with COUNT=5 ${ms(best(() => rruleProblem(`${HOSTILE};COUNT=5`)))} (both refused: never matches).`,
    '',
    'Worst expansions:',
    '',
    ...expansions
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((e) => `- ${ms(e.ms)}, ${e.kind}, ${e.units} units: \`${e.rule}\``),
    '',
  );
}

async function serverPhase(lines: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tasks-recurrence-'));
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
  try {
    const client = new HttpClient(host.baseUrl, CLIENTS + 1);
    const user = await signUp(client, 'recurrence@bench.invalid');
    const jwt = await accessToken(client, user);
    const bodies = [
      { title: 'h', dueDate: '2026-12-04', recurrence: { rrule: `${HOSTILE};COUNT=5` } },
      { title: 'h', recurrence: { rrule: HOSTILE } },
      { title: 'h', dueDate: '2026-12-04', recurrence: { rrule: OVER_BUDGET } },
    ];
    const idleProbe = probeHealth(host.baseUrl);
    await sleep(3000);
    const idle = await idleProbe.stop();

    const statuses = new Map<string, number>();
    const probe = probeHealth(host.baseUrl);
    const until = performance.now() + LOAD_MS;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        for (let n = 0; performance.now() < until; n++) {
          const body = bodies[(i + n) % bodies.length]!;
          const res = await client.request('POST', `/api/${user.userId}/tasks`, { bearer: jwt, json: body });
          const code = (JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? 'ok';
          const key = `${res.status} ${code}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
      }),
    );
    const loaded = await probe.stop();
    const row = (name: string, xs: number[]) =>
      `| ${name} | ${xs.length} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 99))} | ${ms(Math.max(...xs))} |`;
    lines.push(
      `### R2: /api/health while ${CLIENTS} clients POST hostile-rule tasks for ${LOAD_MS / 1000} s (target p99 <= 100 ms)`,
      '',
      '| probe | samples | p50 | p99 | max |',
      '| --- | --- | --- | --- | --- |',
      row('no load (same run)', idle),
      row(`${CLIENTS} hostile clients`, loaded),
      '',
      `Hostile requests answered: ${[...statuses].map(([k, n]) => `${n}x ${k}`).join(', ')}.`,
      '',
    );
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const lines = [`## Recurrence budget, ${new Date().toISOString()} (node ${process.version})`, ''];
  log('R1: generated rules...');
  rulesPhase(lines);
  log('R2: /api/health under hostile rules...');
  await serverPhase(lines);
  const report = lines.join('\n');
  process.stdout.write(`${report}\n`);
  if (!process.env.BENCH_NO_SAVE) {
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, `recurrence-${new Date().toISOString().slice(0, 10)}.md`), `${report}\n`);
  }
}

await main();
