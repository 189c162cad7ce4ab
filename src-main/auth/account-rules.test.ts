// One set of account input rules for every path (issue 9, item 10): HTTP sign-up through Better Auth's handler, the
// in-process service the desktop uses, and the IPC schemas answer the same inputs the same way.
import { describe, expect, it } from 'vitest';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../src-shared/account-rules.ts';
import { signInSchema, signUpSchema } from '../electron/ipc-schemas.ts';
import { TEST_BASE_URL, TEST_PASSWORD, uniqueEmail, useAuthModule } from './auth-test-kit.ts';

function post(path: string, body: unknown): Request {
  return new Request(`${TEST_BASE_URL}/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A well-formed address of exactly `length` characters (50-character labels, a local part of at most 64). */
function emailOfLength(length: number): string {
  const labels = Math.floor((length - 5) / 51);
  const domain = `${`${'d'.repeat(50)}.`.repeat(labels)}com`;
  return `${'u'.repeat(length - 1 - domain.length)}@${domain}`;
}

describe('account input rules', () => {
  const kit = useAuthModule();

  const cases: Array<{ what: string; input: { name: string; email: string; password: string }; ok: boolean }> = [
    { what: 'an ordinary sign-up', input: { name: 'Ada', email: 'ok', password: TEST_PASSWORD }, ok: true },
    { what: 'a 60,000-character email', input: { name: 'Eve', email: `${'e'.repeat(60_000)}@example.com`, password: TEST_PASSWORD }, ok: false },
    { what: `an email of ${EMAIL_MAX_LENGTH + 1} characters`, input: { name: 'Eve', email: emailOfLength(EMAIL_MAX_LENGTH + 1), password: TEST_PASSWORD }, ok: false },
    { what: `a name of ${NAME_MAX_LENGTH + 1} characters`, input: { name: 'n'.repeat(NAME_MAX_LENGTH + 1), email: 'ok', password: TEST_PASSWORD }, ok: false },
    { what: 'a name with a bidi override', input: { name: 'Ada \u202eevil', email: 'ok', password: TEST_PASSWORD }, ok: false },
    { what: 'a name with an isolate', input: { name: '\u2066Ada\u2069', email: 'ok', password: TEST_PASSWORD }, ok: false },
    { what: 'a name with a zero-width space', input: { name: 'Ad\u200ba', email: 'ok', password: TEST_PASSWORD }, ok: false },
    { what: 'a name with a control character', input: { name: 'Ada\u0007', email: 'ok', password: TEST_PASSWORD }, ok: false },
    { what: `a password of ${PASSWORD_MAX_LENGTH + 1} characters`, input: { name: 'Pat', email: 'ok', password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1) }, ok: false },
    { what: `a password of ${PASSWORD_MIN_LENGTH - 1} characters`, input: { name: 'Pat', email: 'ok', password: 'p'.repeat(PASSWORD_MIN_LENGTH - 1) }, ok: false },
  ];

  it('are the same over HTTP, in the in-process service and in the IPC schema', async () => {
    expect(emailOfLength(EMAIL_MAX_LENGTH + 1)).toHaveLength(EMAIL_MAX_LENGTH + 1);
    const outcomes: string[] = [];
    for (const { what, input, ok } of cases) {
      const fresh = () => ({ ...input, email: input.email === 'ok' ? uniqueEmail() : input.email });
      const http = await kit.auth.handler(post('/sign-up/email', fresh()));
      const service = await kit.auth.service.signUp(fresh()).then(
        () => true,
        () => false,
      );
      const ipc = signUpSchema.safeParse({ ...fresh(), remember: true }).success;
      // The IPC schema bounds the password's shape only; its strength is the service's answer (WEAK_PASSWORD).
      const ipcExpected = input.password.length < PASSWORD_MIN_LENGTH ? true : ok;
      outcomes.push(`${what}: http ${http.status}, service ${service}, ipc ${ipc}`);
      expect(http.status < 300, `${what} over HTTP (${http.status})`).toBe(ok);
      expect(service, `${what} in-process`).toBe(ok);
      expect(ipc, `${what} over IPC`).toBe(ipcExpected);
    }
    expect(outcomes).toHaveLength(cases.length);
  });

  it('sign-in refuses an overlong email or password without looking it up', async () => {
    const long = await kit.auth.handler(post('/sign-in/email', { email: emailOfLength(EMAIL_MAX_LENGTH + 1), password: TEST_PASSWORD }));
    expect(long.status).toBe(400);
    const overlong = await kit.auth.handler(post('/sign-in/email', { email: uniqueEmail(), password: 'p'.repeat(10_000) }));
    expect(overlong.status).toBe(401);
    expect(signInSchema.safeParse({ email: emailOfLength(EMAIL_MAX_LENGTH + 1), password: 'x', remember: false }).success).toBe(false);
  });

  it('keeps names with emoji sequences, joiners and accents', async () => {
    for (const name of ['👩‍👩‍👧 family', 'می‌خواهم', 'José Ñúñez']) {
      const session = await kit.auth.service.signUp({ name, email: uniqueEmail(), password: TEST_PASSWORD });
      expect(session.user.name).toBe(name);
    }
  });
});
