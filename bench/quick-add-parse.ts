// Quick-add parser latency: every corpus phrase parsed many times; p50/p99/max per phrase and over all
// parses, next to bare chrono-node on the same text (the floor any chrono-based parser pays).
//   npm run bench:quick-add        (BENCH_QA_ROUNDS=300 BENCH_NO_SAVE=1 to print only)
// Before/after in one run: BENCH_QA_BASELINE=DIR, a directory holding an older src-shared/ (for example
// `git archive <commit> src-shared | tar -x -C DIR`, inside this checkout so chrono-node resolves); its parser
// is timed on the same phrases, interleaved with this one.
// Appends the report to bench/results/quick-add-YYYY-MM-DD.md. Target (issue 11): p99 <= 1 ms per phrase.
import { appendFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chronoEn from 'chrono-node/en';
import { parseQuickAdd } from '../src-shared/quick-add/parse-quick-add.ts';
import { CORPUS, CORPUS_LISTS, CORPUS_NOW, CORPUS_ZONE } from '../src-shared/quick-add/quick-add-corpus.ts';
import { percentile, summarize } from './lib/stats.ts';

const rounds = Number(process.env.BENCH_QA_ROUNDS ?? 300);
const TARGET_MS = 1;

/** Wall time of one call in ms; `cpu` gets its process CPU time (user + system, µs resolution) in ms. */
function time(fn: () => unknown, cpu?: number[]): number {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  cpu?.push((used.user + used.system) / 1000);
  return wall;
}

type Parser = typeof parseQuickAdd;
const baselineDir = process.env.BENCH_QA_BASELINE;
const baselineParser: Parser | null = baselineDir
  ? (
      (await import(pathToFileURL(resolve(baselineDir, 'src-shared/quick-add/parse-quick-add.ts')).href)) as {
        parseQuickAdd: Parser;
      }
    ).parseQuickAdd
  : null;

const parseWith = (parser: Parser) => (c: (typeof CORPUS)[number]) =>
  parser(c.text, {
    now: c.now ?? CORPUS_NOW,
    timeZone: c.timeZone ?? CORPUS_ZONE,
    lists: CORPUS_LISTS,
  });
const parse = parseWith(parseQuickAdd);
const parseBefore = baselineParser ? parseWith(baselineParser) : null;
const bareChrono = (c: (typeof CORPUS)[number]) =>
  chronoEn.casual.parse(c.text, new Date(c.now ?? CORPUS_NOW), { forwardDate: true });

// Warm-up (JIT).
for (let i = 0; i < 50; i++) {
  for (const c of CORPUS) {
    parse(c);
    parseBefore?.(c);
    bareChrono(c);
  }
}

const perPhrase = CORPUS.map(() => [] as number[]);
const chronoAll: number[] = [];
const cpuAll: number[] = [];
const beforeAll: number[] = [];
const beforeCpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Interleaved: each round parses every phrase once, so machine noise spreads over all phrases.
  CORPUS.forEach((c, i) => {
    // The second parse of the same text runs warmer (caches): before and after take turns going first.
    const beforeFirst = r % 2 === 1;
    if (parseBefore && beforeFirst) beforeAll.push(time(() => parseBefore(c), beforeCpu));
    perPhrase[i]!.push(time(() => parse(c), cpuAll));
    if (parseBefore && !beforeFirst) beforeAll.push(time(() => parseBefore(c), beforeCpu));
    chronoAll.push(time(() => bareChrono(c)));
  });
}

const all = perPhrase.flat();
const overall = summarize(all);
const chrono = summarize(chronoAll);
const cpu = summarize(cpuAll);
const rows = CORPUS.map((c, i) => ({ text: c.text, ...summarize(perPhrase[i]!) })).sort(
  (a, b) => b.p99 - a.p99,
);
const over = rows.filter((r) => r.p99 > TARGET_MS);
const ms = (v: number) => `${v.toFixed(3)} ms`;
const before = parseBefore ? { wall: summarize(beforeAll), cpu: summarize(beforeCpu) } : null;
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}

const report = [
  `## Quick-add parse, ${new Date().toISOString()} (commit ${commit}, Node ${process.version})`,
  '',
  `${CORPUS.length} corpus phrases x ${rounds} rounds, interleaved, after a warm-up; one parse = parseQuickAdd with 4 lists.`,
  '',
  '| what | parses | p50 | p99 | max |',
  '| --- | --- | --- | --- | --- |',
  `| parseQuickAdd, all phrases | ${overall.n} | ${ms(overall.p50)} | ${ms(overall.p99)} | ${ms(overall.max)} |`,
  `| bare chrono-node casual.parse, same text | ${chrono.n} | ${ms(chrono.p50)} | ${ms(chrono.p99)} | ${ms(chrono.max)} |`,
  `| parseQuickAdd, process CPU time per parse | ${cpu.n} | ${ms(cpu.p50)} | ${ms(cpu.p99)} | ${ms(cpu.max)} |`,
  ...(before
    ? [
        `| before: parseQuickAdd of ${baselineDir}, all phrases | ${before.wall.n} | ${ms(before.wall.p50)} | ${ms(before.wall.p99)} | ${ms(before.wall.max)} |`,
        `| before: process CPU time per parse | ${before.cpu.n} | ${ms(before.cpu.p50)} | ${ms(before.cpu.p99)} | ${ms(before.cpu.max)} |`,
        '',
        `After / before (same run, interleaved): wall p50 ${(overall.p50 / before.wall.p50).toFixed(2)}x, p99 ${(overall.p99 / before.wall.p99).toFixed(2)}x; CPU p50 ${(cpu.p50 / before.cpu.p50).toFixed(2)}x, p99 ${(cpu.p99 / before.cpu.p99).toFixed(2)}x.`,
      ]
    : []),
  '',
  'Wall time includes waiting for a CPU on a shared machine; CPU time (process.cpuUsage, 1 µs resolution, includes GC threads) does not.',
  '',
  `Ratio parseQuickAdd / bare chrono: p50 ${(overall.p50 / chrono.p50).toFixed(2)}x, p99 ${(overall.p99 / chrono.p99).toFixed(2)}x.`,
  `Per-phrase p99: worst ${ms(rows[0]!.p99)} ("${rows[0]!.text}"), median of the phrases' p99 ${ms(
    percentile(
      rows.map((r) => r.p99),
      50,
    ),
  )}; ` +
    `${CORPUS.length - over.length} of ${CORPUS.length} phrases have p99 <= ${TARGET_MS} ms (target: all).`,
  '',
  '| slowest phrases (by p99) | p50 | p99 | max |',
  '| --- | --- | --- | --- |',
  ...rows
    .slice(0, 8)
    .map((r) => `| ${r.text.replace(/\|/g, '\\|')} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`),
  '',
].join('\n');

console.log(report);
if (!process.env.BENCH_NO_SAVE) {
  const file = new URL(`./results/quick-add-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url);
  appendFileSync(file, `${report}\n`);
  console.log(`appended to ${file.pathname}`);
}
