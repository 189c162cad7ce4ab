import { describe, expect, it } from 'vitest';
import {
  appendToResultsFile,
  cpuEfficiencyRow,
  fmtMb,
  fmtMs,
  formatSection,
  limitRow,
  markdownTable,
  medianOfRounds,
  throughputRow,
  verdictSummary,
} from './report.ts';

const run = (rps: number, p99Ms = 5) => ({ rps, p50Ms: 2, p99Ms });

describe('throughputRow', () => {
  it('is met at or above the minimum ratio and shows both numbers', () => {
    const row = throughputRow('L1', 'GET list', run(5400), run(6000), 'bare', 0.9);
    expect(row.ratio).toBe('0.90×');
    expect(row.verdict).toBe('met');
    expect(row.measured).toBe('5,400 req/s vs bare 6,000 req/s');
    expect(row.target).toBe('≥ 0.90× bare');
  });

  it('is not met below the ratio, or when either side was not measured', () => {
    expect(throughputRow('L1', 'x', run(5000), run(6000), 'bare', 0.9).verdict).toBe('not met');
    const missing = throughputRow('L1', 'x', null, run(6000), 'bare', 0.9);
    expect(missing.verdict).toBe('not met');
    expect(missing.ratio).toBe('–');
    expect(missing.measured).toBe('not measured');
  });
});

describe('medianOfRounds', () => {
  it('takes the median of each figure over the rounds that produced a result', () => {
    const rounds = [
      { rps: 100, p50Ms: 1, p99Ms: 9 },
      null,
      { rps: 300, p50Ms: 3, p99Ms: 5 },
      { rps: 200, p50Ms: 2, p99Ms: 50 },
    ];
    expect(medianOfRounds(rounds)).toEqual({ rps: 200, p50Ms: 2, p99Ms: 9 });
    expect(medianOfRounds([null])).toBeNull();
  });
});

describe('cpuEfficiencyRow', () => {
  it('is the reference CPU per request over the product’s, informational only', () => {
    const row = cpuEfficiencyRow('L3', 'CPU', 400, 300, 'bare');
    expect(row).toMatchObject({ ratio: '0.75×', verdict: 'info' });
    expect(row.measured).toBe('400 µs vs bare 300 µs server CPU per request');
    expect(cpuEfficiencyRow('L3', 'CPU', null, 300, 'bare').ratio).toBe('–');
  });
});

describe('limitRow', () => {
  it('is met at or under the limit, with the value as a fraction of the limit', () => {
    const row = limitRow('S1', 'start-up', 250, 400, fmtMs);
    expect(row).toMatchObject({
      measured: '250.0 ms',
      target: '≤ 400.0 ms',
      ratio: '0.63× of limit',
      verdict: 'met',
    });
    expect(limitRow('S1', 'start-up', 400.5, 400, fmtMs).verdict).toBe('not met');
    expect(limitRow('S1', 'start-up', null, 400, fmtMs).verdict).toBe('not met');
  });

  it('can be informational only, and carries a detail', () => {
    const row = limitRow('M1', 'after S2', 200 * 1024 * 1024, 150 * 1024 * 1024, fmtMb, {
      infoOnly: true,
      detail: 'peak',
    });
    expect(row.verdict).toBe('info');
    expect(row.measured).toBe('200.0 MB (peak)');
  });
});

describe('markdown output', () => {
  it('builds a table and escapes pipes inside cells', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });

  it('summarises verdicts, ignoring informational rows and repeated ids', () => {
    const rows = [
      limitRow('S2', 'a', 6, 5, fmtMs),
      limitRow('S2', 'b', 7, 5, fmtMs),
      limitRow('S1', 'c', 1, 400, fmtMs),
      limitRow('M1', 'd', 1, 0, fmtMb, { infoOnly: true }),
    ];
    expect(verdictSummary(rows)).toBe('1 of 3 targets met; not met: S2.');
    expect(verdictSummary(rows.slice(2))).toBe('All 1 targets met.');
  });

  it('formats a section with notes, the targets table, a summary and detail tables', () => {
    const text = formatSection({
      heading: 'Run 2026-01-01 00:00 UTC',
      notes: ['note one'],
      targets: [limitRow('S1', 'start-up', 500, 400, fmtMs)],
      details: [{ title: 'raw', table: '| x |' }],
    });
    expect(text).toContain('## Run 2026-01-01 00:00 UTC\n\n- note one\n');
    expect(text).toContain('| S1 | start-up | 500.0 ms | ≤ 400.0 ms | 1.25× of limit | **not met** |');
    expect(text).toContain('**0 of 1 targets met; not met: S1.**');
    expect(text).toContain('### raw\n\n| x |');
  });
});

describe('appendToResultsFile', () => {
  it('starts a new file with a dated title', () => {
    expect(appendToResultsFile(null, '2026-01-01', '## Run A\n')).toBe(
      '# Benchmark results 2026-01-01\n\n## Run A\n',
    );
  });

  it('appends after what the file already holds, keeping the history', () => {
    const first = appendToResultsFile(null, '2026-01-01', '## Run A\n');
    const second = appendToResultsFile(first, '2026-01-01', '## Run B');
    expect(second).toBe('# Benchmark results 2026-01-01\n\n## Run A\n\n## Run B\n');
  });
});
