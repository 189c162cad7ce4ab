import { describe, expect, it } from 'vitest';
import { corruptSignature, parseWrkResult } from './wrk.ts';

describe('parseWrkResult', () => {
  it('reads the RESULT line among wrk’s other output', () => {
    const out =
      'Running 10s test @ http://127.0.0.1:1/api\n  2 threads and 32 connections\nRESULT 6512 4.10 8.95 0 0\n';
    expect(parseWrkResult(out)).toEqual({
      rps: 6512,
      p50Ms: 4.1,
      p99Ms: 8.95,
      httpErrors: 0,
      socketErrors: 0,
    });
  });

  it('returns null when wrk printed no result or a garbled one', () => {
    expect(parseWrkResult('unable to connect to 127.0.0.1:1 Connection refused\n')).toBeNull();
    expect(parseWrkResult('RESULT 1 2 3\n')).toBeNull();
    expect(parseWrkResult('RESULT a b c d e\n')).toBeNull();
  });
});

describe('corruptSignature', () => {
  it('changes only the first signature character', () => {
    expect(corruptSignature('aaa.bbb.Cxyz')).toBe('aaa.bbb.Axyz');
    expect(corruptSignature('aaa.bbb.Axyz')).toBe('aaa.bbb.Bxyz');
  });

  it('refuses something that is not a compact JWS', () => {
    expect(() => corruptSignature('not-a-jwt')).toThrow();
    expect(() => corruptSignature('a.b.')).toThrow();
  });
});
