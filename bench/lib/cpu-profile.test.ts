import { describe, expect, it } from 'vitest';
import { packageOf, summarizeProfile, type CpuProfile } from './cpu-profile.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

// root -> handler (app) -> verify (jose) ; handler -> stringify (native) ; root -> (garbage collector)
const profile: CpuProfile = {
  startTime: 0,
  endTime: 100_000, // 100 ms
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    { id: 2, callFrame: frame('handler', 'file:///x/out/main/headless.js', 9), children: [3, 4] },
    { id: 3, callFrame: frame('verify', 'file:///x/node_modules/jose/dist/verify.js', 0) },
    { id: 4, callFrame: frame('stringify') },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  samples: [3, 3, 3, 3, 3, 3, 2, 4, 4, 5],
};

describe('summarizeProfile', () => {
  const s = summarizeProfile(profile);

  it('attributes self time to the sampled function', () => {
    expect(s.totalMs).toBe(100);
    expect(s.bySelf[0]).toEqual({ name: 'verify node_modules/jose/dist/verify.js:1', ms: 60, share: 0.6 });
  });

  it('counts inclusive time up the stack', () => {
    const handler = s.byInclusive.find((t) => t.name.startsWith('handler'));
    expect(handler?.share).toBeCloseTo(0.9);
    expect(handler?.name).toBe('handler out/main/headless.js:10');
  });

  it('groups self time by package', () => {
    const byName = Object.fromEntries(s.byPackage.map((p) => [p.name, p.share]));
    expect(byName).toEqual({
      'node_modules/jose': 0.6,
      '(native)': 0.2,
      app: 0.1,
      '(garbage collector)': 0.1,
    });
  });

  it('counts a recursive function once per stack', () => {
    const rec: CpuProfile = {
      startTime: 0,
      endTime: 10_000,
      nodes: [
        { id: 1, callFrame: frame('f', 'file:///a.js'), children: [2] },
        { id: 2, callFrame: frame('f', 'file:///a.js'), children: [] },
      ],
      samples: [2, 2],
    };
    expect(summarizeProfile(rec).byInclusive[0]?.share).toBe(1);
  });
});

describe('packageOf', () => {
  it('names scoped and plain packages, node internals and app code', () => {
    expect(packageOf('file:///r/node_modules/@hono/node-server/dist/index.mjs', 'f')).toBe(
      'node_modules/@hono/node-server',
    );
    expect(packageOf('file:///r/node_modules/zod/v4/core.js', 'f')).toBe('node_modules/zod');
    expect(packageOf('node:internal/http', 'f')).toBe('node:internal');
    expect(packageOf('file:///r/out/main/headless.js', 'f')).toBe('app');
    expect(packageOf('', '(program)')).toBe('(program)');
  });
});
