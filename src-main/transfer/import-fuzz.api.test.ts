// The import route never answers 5xx (#17 §2): random bytes, random text shaped like each format's files, random
// query values and media types; and another account's path is 403 whatever the body.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FORMATS, IMPORT_MEDIA_TYPES } from '../../src-shared/import-schemas.ts';
import { signUp, startTestCore, type TestCore, type TestUser } from '../testing/test-core.ts';

let test: TestCore;
let user: TestUser;
let other: TestUser;
beforeAll(async () => {
  test = await startTestCore();
  user = await signUp(test, 'Fuzz');
  other = await signUp(test, 'Other');
});
afterAll(() => test.close());

const heads = [
  'TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT\n',
  '"Date: 2026"\n"Folder Name","List Name","Title","taskId","parentId"\n',
  '{"kind":"tasks#taskLists","items":[',
  '{"format":"tasks-desktop.export","version":2,"userId":"x","lists":[',
  'BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\n',
  'x 2026-01-01 ',
  '(A) ',
  'PK\u0003\u0004',
  '',
];
const body = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.tuple(fc.constantFrom(...heads), fc.string({ unit: 'binary', maxLength: 300 })).map(([head, rest]) => head + rest),
  fc.tuple(fc.constantFrom(...heads), fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 })).map(([head, cells]) => head + cells.join(',') + '\n' + cells.reverse().join('"\n,')),
);
const query = fc.record(
  {
    format: fc.oneof(fc.constantFrom(...IMPORT_FORMATS), fc.string({ maxLength: 10 })),
    dryRun: fc.constantFrom('true', 'false', 'yes'),
    listName: fc.string({ maxLength: 120 }),
    fromUser: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);

describe('import fuzz', () => {
  it('never answers 5xx, and answers the one error shape for every refusal', async () => {
    await fc.assert(
      fc.asyncProperty(body, query, fc.constantFrom(...IMPORT_MEDIA_TYPES, 'text/html'), async (payload, params, type) => {
        const search = new URLSearchParams(params as Record<string, string>).toString();
        const response = await test.api(`/api/${user.id}/import${search ? `?${search}` : ''}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${user.jwt}`, 'Content-Type': type },
          body: payload,
        });
        const text = await response.text();
        expect(response.status, `${search} ${type} ${text.slice(0, 200)}`).toBeLessThan(500);
        if (response.status >= 400) expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String) as string, message: expect.any(String) as string } });
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it("refuses another account's path with 403 and writes nothing there", async () => {
    const response = await test.api(`/api/${other.id}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${user.jwt}`, 'Content-Type': 'text/plain' },
      body: '(A) Sneaky +Work',
    });
    expect(response.status).toBe(403);
    const file = (await (await test.api(`/api/${other.id}/export`, { headers: other.headers })).json()) as { tasks: unknown[] };
    expect(file.tasks).toEqual([]);
  });
});
