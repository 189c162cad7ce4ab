// Pure statistics for the benchmark: percentiles, medians and ratios. No I/O, no timing.

/**
 * The p-th percentile (0 < p <= 100) by the nearest-rank method: the smallest sample such that at
 * least p % of the samples are <= it. Always one of the samples, so "p99 of 200 requests" is the
 * 198th fastest one. Throws on an empty sample set or an out-of-range p.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile of an empty sample set');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile out of range: ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The median: the middle sample, or the mean of the two middle samples for an even count. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of an empty sample set');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  };
}

/** measured / reference, or null when the reference is missing or zero (nothing to compare against). */
export function ratio(measured: number, reference: number): number | null {
  if (!Number.isFinite(measured) || !Number.isFinite(reference) || reference <= 0) return null;
  return measured / reference;
}
