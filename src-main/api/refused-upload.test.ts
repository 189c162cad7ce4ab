// Every refused upload gets its answer (issue 16 item 10): of 10 concurrent 32 MiB hostile imports, each client reads
// its 422 over a raw socket, while it is still sending, instead of a connection reset. The server answers, then reads
// and drops the rest of the body (bounded) before it closes, so the client's unread data never turns the close into
// a reset that throws the answer away.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJsonLogger } from '../core/logger.ts';
import { IMPORT_MAX_BYTES } from '../../src-shared/export-schema.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';
import { ImportGate } from '../transfer/import-gate.ts';

const CLIENTS = 10;
let test: TestCore;
let users: TestUser[];
/** What the server logged, one parsed JSON line each. */
const logged: { level: string; message: string; [field: string]: unknown }[] = [];
const gate = new ImportGate({ maxConcurrent: CLIENTS });

beforeAll(async () => {
  // Room for all ten at once: this is about how a refusal ends the connection, not about admission.
  test = await startTestCore({
    importGate: gate,
    logger: createJsonLogger((line) => logged.push(JSON.parse(line) as (typeof logged)[number])),
  });
  users = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUp(test, `Hostile ${i}`)));
});
afterAll(() => test.close());

interface Outcome {
  /** Everything the client read before the connection ended. */
  received: string;
  /** The error the socket ended with, if any (a write after the server's FIN may fail: that is fine). */
  readError: string | null;
  sent: number;
}

/**
 * Sends a 32 MiB {"x":[{},{},...]} import as fast as the socket takes it and reads the answer only then, as curl
 * and most HTTP clients do (they read once the body is sent, or once sending fails).
 */
function hostileUpload(user: TestUser): Promise<Outcome> {
  const url = new URL(test.core.apiBaseUrl);
  const chunk = Buffer.from('{},'.repeat(21_846)); // 64 KiB of array elements
  const length = IMPORT_MAX_BYTES - 16;
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    let readError: string | null = null;
    let sent = 0;
    let answered = false;
    socket.setEncoding('utf8');
    socket.pause();
    socket.on('data', (data: string) => {
      received += data;
      answered = true;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE: writing after the server closed its side. ECONNRESET before the answer arrived is the failure.
      if (error.code !== 'EPIPE' || !answered) readError = error.code ?? error.message;
      socket.resume();
    });
    socket.on('close', () => resolve({ received, readError, sent }));
    const pump = () => {
      while (sent < length && !socket.destroyed) {
        const piece = sent === 0 ? Buffer.from('{"x":[') : chunk.subarray(0, Math.min(chunk.length, length - sent));
        sent += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
      if (!socket.destroyed) socket.end();
      socket.resume();
    };
    socket.write(
      `POST /api/${user.id}/import HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${user.jwt}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
    pump();
  });
}

describe('refused uploads', () => {
  it('each of 10 concurrent 32 MiB hostile imports reads its 422, none a reset', async () => {
    const outcomes = await Promise.all(users.map(hostileUpload));
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.received, `client ${i} (${outcome.readError ?? 'no error'}, sent ${outcome.sent})`).toMatch(/^HTTP\/1\.1 422 /);
      expect(outcome.received).toMatch(/connection: close/i);
      expect(outcome.received).toContain('"code":"VALIDATION_FAILED"');
      expect(outcome.readError).toBeNull();
    }
    // The server still serves.
    expect((await test.api('/api/health')).status).toBe(200);
  }, 60_000);

  it('logs an upload the client aborted at info, not as an error, and frees its slot', async () => {
    const user = users[0]!;
    const url = new URL(test.core.apiBaseUrl);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => {});
    socket.write(
      `POST /api/${user.id}/import HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${user.jwt}\r\n` +
        `Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"format":"tasks-desktop.export","version":1,"tasks":[`,
    );
    // Admitted (its body is being read), then the client goes away.
    await vi.waitFor(() => expect(gate.size).toBe(1), { timeout: 10_000, interval: 5 });
    const before = logged.length;
    socket.destroy();
    await vi.waitFor(() => expect(gate.size).toBe(0), { timeout: 10_000, interval: 5 });
    await vi.waitFor(() => expect(logged.slice(before).some((l) => /aborted/i.test(l.message)), JSON.stringify(logged.slice(before))).toBe(true), { timeout: 10_000, interval: 5 });
    const lines = logged.slice(before);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(lines.find((l) => /aborted/i.test(l.message))).toMatchObject({ level: 'info', method: 'POST' });
  });
});
