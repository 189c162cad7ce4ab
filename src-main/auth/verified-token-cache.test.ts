import { describe, expect, it } from 'vitest';
import type { AccessClaims } from './auth-types.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

const claims = (sid: string, exp = 2_000): AccessClaims => ({ sub: 'u', email: 'u@example.com', sid, exp });

describe('VerifiedTokenCache', () => {
  it('evicts the least recently used entry when full', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.set('a', claims('a'));
    cache.set('b', claims('b'));
    expect(cache.get('a')?.sid).toBe('a'); // "a" is now the most recent
    cache.set('c', claims('c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.sid).toBe('a');
    expect(cache.get('c')?.sid).toBe('c');
    expect(cache.size).toBe(2);
  });

  it('never returns an entry at or after its exp, and forgets it', () => {
    let now = 1_999_999;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('t', claims('s', 2_000));
    expect(cache.get('t')).toBeDefined();
    now = 2_000_000;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops all tokens of a session, and clears', () => {
    const cache = new VerifiedTokenCache(10, () => 0);
    cache.set('t1', claims('s1'));
    cache.set('t2', claims('s1'));
    cache.set('t3', claims('s2'));
    cache.dropSession('s1');
    expect([cache.get('t1'), cache.get('t2'), cache.get('t3')?.sid]).toEqual([undefined, undefined, 's2']);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
