import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodySizeGuard, pathPatternToRegExp } from './body-size-guard.ts';

function app() {
  const a = new Hono();
  a.use('/api/*', bodySizeGuard({ maxBytes: 10, exempt: ['/api/:userId/import'], onTooLarge: (c) => c.text('too large', 413) }));
  a.all('/api/*', async (c) => c.text(`ok ${(await c.req.text()).length}`));
  return a;
}

const streamOf = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe('bodySizeGuard', () => {
  it('passes bodies up to the limit and refuses a declared length over it', async () => {
    const ok = await app().request('/api/u/tasks', { method: 'POST', body: '0123456789' });
    expect(await ok.text()).toBe('ok 10');
    const big = await app().request('/api/u/tasks', { method: 'POST', body: '0123456789x' });
    expect(big.status).toBe(413);
  });

  it('counts a body of undeclared length while reading it', async () => {
    const init = { method: 'POST', body: streamOf('0123456789x'), duplex: 'half' } as RequestInit;
    expect((await app().request('/api/u/tasks', init)).status).toBe(413);
    const small = { method: 'POST', body: streamOf('0123'), duplex: 'half' } as RequestInit;
    expect(await (await app().request('/api/u/tasks', small)).text()).toBe('ok 4');
  });

  it('leaves exempt paths to their own limit, and GET requests alone', async () => {
    const imported = await app().request('/api/u/import', { method: 'POST', body: 'x'.repeat(100) });
    expect(await imported.text()).toBe('ok 100');
    expect((await app().request('/api/u/tasks')).status).toBe(200);
  });
});

describe('pathPatternToRegExp', () => {
  it('matches parameters within one segment and wildcards across segments', () => {
    const re = pathPatternToRegExp('/api/:userId/import');
    expect(re.test('/api/abc/import')).toBe(true);
    expect(re.test('/api/a/b/import')).toBe(false);
    expect(re.test('/api/abc/import/x')).toBe(false);
    expect(pathPatternToRegExp('/api/auth/*').test('/api/auth/sign-in/email')).toBe(true);
    expect(pathPatternToRegExp('/a.b').test('/axb')).toBe(false);
  });
});
