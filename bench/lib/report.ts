// Turns measurements into the markdown the benchmark prints and keeps in bench/results/.
// Pure: every function here takes numbers and returns strings or rows.
import { median, ratio } from './stats.ts';

export type Verdict = 'met' | 'not met' | 'info';

export interface TargetRow {
  id: string;
  what: string;
  measured: string;
  target: string;
  /** "0.94×" for ratio targets, the value against its limit otherwise ("0.62× of limit"). */
  ratio: string;
  verdict: Verdict;
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const fmtMb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
export const fmtRatio = (r: number): string => `${r.toFixed(2)}×`;

export interface Throughput {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Several rounds of the same scenario on the same server, as one: the median of each figure (robust to
 * one round that another process on the machine disturbed). Null when no round produced a result.
 */
export function medianOfRounds(rounds: readonly (Throughput | null)[]): Throughput | null {
  const ok = rounds.filter((r): r is Throughput => r !== null);
  if (ok.length === 0) return null;
  return {
    rps: median(ok.map((r) => r.rps)),
    p50Ms: median(ok.map((r) => r.p50Ms)),
    p99Ms: median(ok.map((r) => r.p99Ms)),
  };
}

/** Throughput of the product vs a reference measured in the same run; met when ratio >= minRatio. */
export function throughputRow(
  id: string,
  what: string,
  product: Throughput | null,
  reference: Throughput | null,
  referenceName: string,
  minRatio: number,
): TargetRow {
  const r = product && reference ? ratio(product.rps, reference.rps) : null;
  return {
    id,
    what,
    measured:
      product && reference
        ? `${fmtInt(product.rps)} req/s vs ${referenceName} ${fmtInt(reference.rps)} req/s`
        : 'not measured',
    target: `≥ ${minRatio.toFixed(2)}× ${referenceName}`,
    ratio: r === null ? '–' : fmtRatio(r),
    verdict: r === null ? 'not met' : r >= minRatio ? 'met' : 'not met',
  };
}

/**
 * Informational cross-check for throughput on a noisy machine: server CPU time per request of the
 * reference ÷ the product's (1.00× = the product costs the same CPU per request; above 1 = cheaper).
 * CPU time does not count time spent waiting for a CPU, so it holds when other work steals cycles.
 */
export function cpuEfficiencyRow(
  id: string,
  what: string,
  productUs: number | null,
  referenceUs: number | null,
  referenceName: string,
): TargetRow {
  const r = productUs !== null && referenceUs !== null ? ratio(referenceUs, productUs) : null;
  return {
    id,
    what,
    measured:
      productUs !== null && referenceUs !== null
        ? `${productUs.toFixed(0)} µs vs ${referenceName} ${referenceUs.toFixed(0)} µs server CPU per request`
        : 'not measured',
    target: `(cross-check for ≥ 0.90× ${referenceName})`,
    ratio: r === null ? '–' : fmtRatio(r),
    verdict: 'info',
  };
}

/** A value that must stay at or under a limit (latency, memory). `format` renders both numbers. */
export function limitRow(
  id: string,
  what: string,
  value: number | null,
  limit: number,
  format: (n: number) => string,
  options: { infoOnly?: boolean; detail?: string } = {},
): TargetRow {
  const r = value === null ? null : ratio(value, limit);
  const verdict: Verdict = options.infoOnly ? 'info' : value !== null && value <= limit ? 'met' : 'not met';
  return {
    id,
    what,
    measured:
      value === null ? 'not measured' : `${format(value)}${options.detail ? ` (${options.detail})` : ''}`,
    target: `≤ ${format(limit)}`,
    ratio: r === null ? '–' : `${fmtRatio(r)} of limit`,
    verdict,
  };
}

/** A markdown table; pipes inside cells are escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function targetsTable(rows: readonly TargetRow[]): string {
  return markdownTable(
    ['id', 'scenario', 'measured', 'target', 'ratio', 'verdict'],
    rows.map((r) => [
      r.id,
      r.what,
      r.measured,
      r.target,
      r.ratio,
      r.verdict === 'not met' ? '**not met**' : r.verdict,
    ]),
  );
}

export function verdictSummary(rows: readonly TargetRow[]): string {
  const judged = rows.filter((r) => r.verdict !== 'info');
  const missed = judged.filter((r) => r.verdict === 'not met').map((r) => r.id);
  const met = judged.length - missed.length;
  return missed.length === 0
    ? `All ${judged.length} targets met.`
    : `${met} of ${judged.length} targets met; not met: ${[...new Set(missed)].join(', ')}.`;
}

export interface ReportSection {
  heading: string;
  /** Free text (markdown) under the heading: how it was measured. */
  notes: readonly string[];
  targets: readonly TargetRow[];
  /** Extra tables (raw numbers), each with a title. */
  details: readonly { title: string; table: string }[];
}

export function formatSection(section: ReportSection): string {
  const parts = [`## ${section.heading}`, '', ...section.notes.map((n) => `- ${n}`), ''];
  parts.push(targetsTable(section.targets), '', `**${verdictSummary(section.targets)}**`, '');
  for (const d of section.details) parts.push(`### ${d.title}`, '', d.table, '');
  return parts.join('\n');
}

/** The results file for a day: a title when new, then the sections appended in run order. */
export function appendToResultsFile(existing: string | null, date: string, section: string): string {
  const head =
    existing && existing.trim() !== '' ? existing.replace(/\n*$/, '\n\n') : `# Benchmark results ${date}\n\n`;
  return `${head}${section.replace(/\n*$/, '\n')}`;
}
