import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarize } from './stats.ts';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('returns the sample at the nearest rank', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([7, 1, 3], 50)).toBe(3);
  });

  it('p99 of 200 samples is the 198th smallest', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(samples, 99)).toBe(198);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('rejects empty input and impossible percentiles', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle sample or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('reports count, p50, p99 and max', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => (i + 1) / 10);
    expect(summarize(samples)).toEqual({ n: 1000, p50: 50, p99: 99, max: 100 });
  });
});

describe('ratio', () => {
  it('divides, and gives null when there is no usable reference', () => {
    expect(ratio(900, 1000)).toBeCloseTo(0.9);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(5, Number.NaN)).toBeNull();
  });
});
