import { describe, expect, it } from 'vitest';
import { parseCpuTicks, parseReadyLine } from './server-process.ts';

describe('parseReadyLine', () => {
  it('takes the apiBaseUrl of the ready event only', () => {
    expect(parseReadyLine('{"event":"ready","apiBaseUrl":"http://127.0.0.1:4000"}')).toBe(
      'http://127.0.0.1:4000',
    );
    expect(parseReadyLine('{"event":"error","code":"USAGE"}')).toBeNull();
    expect(parseReadyLine('{"event":"ready"}')).toBeNull();
    expect(parseReadyLine('{not json')).toBeNull();
    expect(parseReadyLine('Building...')).toBeNull();
  });
});

describe('parseCpuTicks', () => {
  it('adds utime and stime, even when the command name has spaces and parentheses', () => {
    const tail = 'S 1 2 3 4 5 6 7 8 9 10 150 25 0 0 20 0 1 0';
    expect(parseCpuTicks(`1234 (node) ${tail}`)).toBe(175);
    expect(parseCpuTicks(`1234 (my (odd) name) ${tail}`)).toBe(175);
  });

  it('returns null for a truncated line', () => {
    expect(parseCpuTicks('1234 (node) S 1 2')).toBeNull();
  });
});
