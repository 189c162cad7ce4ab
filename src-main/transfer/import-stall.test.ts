// Issue 16 item 7: slow uploads cannot lock imports. Two accounts trickling whitespace held both server-wide
// import slots and a third got 503 for as long as they liked; a stalled body is now dropped (408 IMPORT_STALLED,
// its slot freed). The core runs with a small stall policy (300 ms windows, 200 bytes each) instead of 10 s / 10 KiB.
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT } from '../../src-shared/export-schema.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { ImportGate, IMPORTS_MAX_CONCURRENT } from './import-gate.ts';

const POLICY = { windowMs: 300, minBytes: 200 };
let test: TestCore;

beforeAll(async () => {
  test = await startTestCore({ importGate: new ImportGate({ stall: POLICY }) });
});
afterAll(() => test.close());

interface Answer {
  status: number;
  body: string;
}

function upload(user: TestUser): { req: ClientRequest; answer: Promise<Answer> } {
  const url = new URL(test.core.apiBaseUrl);
  const req = request({
    host: url.hostname,
    port: url.port,
    path: `/api/${user.id}/import`,
    method: 'POST',
    headers: { Authorization: `Bearer ${user.jwt}`, 'Content-Type': 'application/json' },
    agent: false,
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return { req, answer };
}

/** Writes `chunk` every `everyMs` until the answer comes; the start of a valid export first. */
function trickle(user: TestUser, chunk: string, everyMs: number) {
  const started = upload(user);
  const head = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), userId: user.id });
  started.req.write(`${head.slice(0, -1)},"tasks":[`);
  const timer = setInterval(() => started.req.write(chunk), everyMs);
  const answer = started.answer.finally(() => clearInterval(timer));
  return { ...started, answer, stop: () => clearInterval(timer) };
}

const emptyExport = (user: TestUser) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: new Date().toISOString(), userId: user.id, tasks: [] });

describe('stalled import bodies', () => {
  it('drops uploads trickling under the rate (408 IMPORT_STALLED) and frees their slots for others', async () => {
    const users = await Promise.all(
      Array.from({ length: IMPORTS_MAX_CONCURRENT + 1 }, (_, i) => signUp(test, `Trickle ${i}`)),
    );
    // 1 byte every 20 ms = 50 B/s, far under 200 bytes per 300 ms.
    const slow = users.slice(0, IMPORTS_MAX_CONCURRENT).map((user) => trickle(user, ' ', 20));
    const answers = await Promise.all(slow.map((held) => held.answer));
    for (const answer of answers) {
      expect(answer.status).toBe(408);
      expect(JSON.parse(answer.body)).toMatchObject({
        error: { code: 'IMPORT_STALLED', message: expect.stringContaining('stalled') as unknown },
      });
    }
    for (const held of slow) held.req.destroy();
    // Every slot is free again: the third account imports, and so do the two that stalled.
    for (const user of users) {
      const response = await test.api(`/api/${user.id}/import`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${user.jwt}`, 'Content-Type': 'application/json' },
        body: emptyExport(user),
      });
      expect(response.status).toBe(200);
    }
  });

  it('keeps an upload that is slow but above the rate', async () => {
    const user = await signUp(test, 'Steady');
    // 100 bytes every 50 ms = 2,000 B/s, for ~1.5 s (five windows), then the end of the file.
    const steady = trickle(user, ' '.repeat(100), 50);
    let windows = 0;
    const ender = setInterval(() => {
      windows += 1;
      if (windows === 5) {
        clearInterval(ender);
        steady.stop();
        steady.req.end(']}');
      }
    }, POLICY.windowMs);
    const answer = await steady.answer;
    clearInterval(ender);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ imported: 0 });
  });
});
