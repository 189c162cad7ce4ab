// Import under hostile load (issue 9, item 2): a body of the wrong shape is refused by its first bytes, before the rest
// is sent; one import at a time per account (409 IMPORT_IN_PROGRESS) and a small global limit (503 IMPORT_BUSY with
// Retry-After); the connection of a refused body is closed cleanly, so a keep-alive client's next request works.
// The heavy measurement (10 concurrent 32 MiB hostile imports: /api/health latency and RSS) is bench/import-hostile.mjs.
import { Agent, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT } from '../../src-shared/export-schema.ts';
import type { ImportResult } from '../../src-shared/import-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { IMPORT_BUSY_RETRY_AFTER_SECONDS, ImportGate, IMPORTS_MAX_CONCURRENT } from './import-gate.ts';

let test: TestCore;
/** The server's import admission, watched by the tests: they wait for its count, never for time. */
const gate = new ImportGate();

beforeAll(async () => {
  test = await startTestCore({ importGate: gate });
});
afterAll(() => test.close());

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

function collect(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    res.on('error', reject);
  });
}

/** A chunked POST whose body is written by the caller; `answer` settles when the server responds (body or not). */
function openUpload(path: string, headers: Record<string, string>, agent?: Agent): { req: ClientRequest; answer: Promise<Answer> } {
  const url = new URL(test.core.apiBaseUrl);
  const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers, agent: agent ?? false });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => void collect(res).then(resolve, reject));
    req.on('error', reject);
  });
  req.flushHeaders();
  return { req, answer };
}

const importHeaders = (user: TestUser) => ({ Authorization: `Bearer ${user.jwt}`, 'Content-Type': 'application/json' });

/** Writes the start of a valid export and holds the request open (an import in progress). */
function holdImport(user: TestUser): { req: ClientRequest; answer: Promise<Answer>; finish: () => void } {
  const upload = openUpload(`/api/${user.id}/import`, importHeaders(user));
  const head = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), userId: user.id });
  upload.req.write(`${head.slice(0, -1)},"tasks":[`);
  return { ...upload, finish: () => upload.req.end(']}') };
}

/** Whether the promise has settled by now (after pending callbacks run), without waiting for time. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('import limits', () => {
  it('refuses a body of the wrong shape by its first bytes, before the rest arrives', async () => {
    const user = await signUp(test, 'Shape');
    const manyKeys = `{"tasks":[{${Array.from({ length: 300 }, (_, i) => `"k${i}":1`).join(',')},`;
    for (const start of [
      '{"x":[{},{},{},',
      '[{},{},',
      '{"format":"tasks-desktop.export","tasks":[[{},',
      '{"tasks":{"a":',
      '{"tasks":[{"reminders":[[[',
      manyKeys,
    ]) {
      const { req, answer } = openUpload(`/api/${user.id}/import`, importHeaders(user));
      req.write(start);
      // The request is still open: the server answers anyway.
      const response = await answer;
      expect(response.status, start.slice(0, 50)).toBe(422);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      expect(response.headers.connection).toBe('close');
      req.destroy();
    }
  });

  it('refuses more than 50,000 tasks as soon as the 50,001st starts', async () => {
    const user = await signUp(test, 'Count');
    const { req, answer } = openUpload(`/api/${user.id}/import`, importHeaders(user));
    req.write('{"tasks":[');
    const block = '1,'.repeat(10_000);
    for (let i = 0; i < 6 && !(await settled(answer)); i++) req.write(block);
    const response = await answer;
    expect(response.status).toBe(422);
    expect(response.body).toContain('at most 50000 tasks');
    req.destroy();
  });

  it('runs one import at a time per account (409), a few in all (503 with Retry-After)', async () => {
    const users = await Promise.all(Array.from({ length: IMPORTS_MAX_CONCURRENT + 1 }, (_, i) => signUp(test, `Gate ${i}`)));
    const first = holdImport(users[0]!);
    // Admitted and still running (its body is not finished): wait for the gate to hold it.
    await vi.waitFor(() => expect(gate.size).toBe(1), { timeout: 10_000, interval: 5 });
    expect(await settled(first.answer)).toBe(false);
    const second = await test.api(`/api/${users[0]!.id}/import`, {
      method: 'POST',
      headers: importHeaders(users[0]!),
      body: JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), userId: users[0]!.id, tasks: [] }),
    });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: 'IMPORT_IN_PROGRESS' } });

    const others = users.slice(1, IMPORTS_MAX_CONCURRENT).map(holdImport);
    // Every slot taken before the last one asks (under load it could otherwise arrive first and be admitted).
    await vi.waitFor(() => expect(gate.size).toBe(IMPORTS_MAX_CONCURRENT), { timeout: 10_000, interval: 5 });
    const busy = holdImport(users[IMPORTS_MAX_CONCURRENT]!);
    const refused = await busy.answer;
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'IMPORT_BUSY' } });
    expect(refused.headers['retry-after']).toBe(String(IMPORT_BUSY_RETRY_AFTER_SECONDS));
    busy.req.destroy();

    for (const held of [first, ...others]) held.finish();
    for (const held of [first, ...others]) {
      const done = await held.answer;
      expect(done.status).toBe(200);
      expect(JSON.parse(done.body) as ImportResult).toMatchObject({ imported: 0, skipped: [], dryRun: false });
    }
    // Once they are done, the account can import again.
    const again = await test.api(`/api/${users[0]!.id}/import`, {
      method: 'POST',
      headers: importHeaders(users[0]!),
      body: JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), userId: users[0]!.id, tasks: [] }),
    });
    expect(again.status).toBe(200);
  });

  it('a keep-alive client keeps working after a 413 on a chunked body', async () => {
    const user = await signUp(test, 'KeepAlive');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A body that keeps coming after the 413, for longer than the server would wait to drain it.
      const { req, answer } = openUpload(`/api/${user.id}/tasks`, importHeaders(user), agent);
      req.on('error', () => {}); // the server may close while the rest is still being sent
      req.write(`{"title":"x","description":"${'d'.repeat(100 * 1024)}`);
      const refused = await answer;
      for (let i = 0; i < 4 && !req.destroyed; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        req.write('d'.repeat(1024));
      }
      if (!req.destroyed) req.end('"}');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(refused.status).toBe(413);
      // It says so: the connection is not reused for a request after a body that was not read to the end.
      expect(refused.headers.connection).toBe('close');
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
      for (let i = 0; i < 3; i++) {
        const next = openUpload(`/api/${user.id}/tasks`, importHeaders(user), agent);
        next.req.end(JSON.stringify({ title: `after ${i}` }));
        expect((await next.answer).status).toBe(201);
      }
    } finally {
      agent.destroy();
    }
  });
});
