import { chmodSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import {
  rejectionOf,
  recordingLogger,
  startAuth,
  tempDatabase,
  uniqueEmail,
  TEST_PASSWORD,
  type TestDatabase,
} from './auth-test-kit.ts';
import { AuthStartupError } from './auth-startup-error.ts';
import { EnvSecretStore } from './env-secret-store.ts';
import { FileSecretStore } from './file-secret-store.ts';
import { decodedSecretLength, generateSecret } from './secret-format.ts';
import { resolveAuthSecret } from './secret-guard.ts';

const startupError = (run: () => Promise<unknown>) => rejectionOf(run, AuthStartupError);

describe('auth secret rules', () => {
  let db: TestDatabase;
  beforeEach(() => {
    db = tempDatabase();
  });
  afterEach(() => db.cleanup());

  it('generates a 0600 secret file of 32 random bytes on first start and reuses it after a restart', async () => {
    const logger = recordingLogger();
    const first = await startAuth(db, { logger });
    const file = path.join(db.dir, 'auth-secret');
    const secret = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodedSecretLength(secret)).toBe(32);
    expect(logger.lines.join('\n')).not.toContain(secret);

    const session = await first.service.signUp({
      name: 'Ann',
      email: uniqueEmail(),
      password: TEST_PASSWORD,
    });
    db.reopen();
    const second = await startAuth(db);
    expect(readFileSync(file, 'utf8').trim()).toBe(secret);
    // The same secret decrypts the stored signing key: the restarted module mints and verifies.
    const grant = await second.tokens.getAccessToken(session.sessionToken);
    await expect(second.verifier.verify(grant.token)).resolves.toMatchObject({ sub: session.user.id });
  });

  it('fails loudly when the secret file disappears from a database that already has keys', async () => {
    await startAuth(db);
    unlinkSync(path.join(db.dir, 'auth-secret'));
    const error = await startupError(() => startAuth(db));
    expect(error.code).toBe('SECRET_MISSING');
    expect(error.message).toContain(`file ${path.join(db.dir, 'auth-secret')}`);
    expect(error.message).toMatch(/JWT signing keys/);
  });

  it('refuses a secret shorter than 32 bytes', async () => {
    const store = new EnvSecretStore({ TASKS_AUTH_SECRET: Buffer.alloc(31, 7).toString('base64url') });
    const error = await startupError(() => startAuth(db, { secretStore: store }));
    expect(error.code).toBe('SECRET_TOO_SHORT');
    expect(error.message).toContain('env TASKS_AUTH_SECRET');
    expect(error.message).toContain('31 bytes');
  });

  it('refuses a secret that is not hex or base64 text', async () => {
    const store = new EnvSecretStore({ TASKS_AUTH_SECRET: 'not a secret: '.repeat(5) });
    expect((await startupError(() => startAuth(db, { secretStore: store }))).code).toBe('SECRET_MALFORMED');
  });

  it('refuses a changed secret (fingerprint mismatch) and names the store', async () => {
    await startAuth(db, { secretStore: new EnvSecretStore({ TASKS_AUTH_SECRET: generateSecret() }) });
    const store = new EnvSecretStore({ TASKS_AUTH_SECRET: generateSecret() });
    const error = await startupError(() => startAuth(db, { secretStore: store }));
    expect(error.code).toBe('SECRET_CHANGED');
    expect(error.message).toContain('env TASKS_AUTH_SECRET');
  });

  it('refuses a changed secret file too', async () => {
    await startAuth(db);
    writeFileSync(path.join(db.dir, 'auth-secret'), `${generateSecret()}\n`, { mode: 0o600 });
    expect((await startupError(() => startAuth(db))).code).toBe('SECRET_CHANGED');
  });

  it('a wrong secret that slipped past the fingerprint still stops the start: the signing key cannot be decrypted', async () => {
    await startAuth(db, { secretStore: new EnvSecretStore({ TASKS_AUTH_SECRET: generateSecret() }) });
    db.sqlite.exec('DELETE FROM auth_meta'); // e.g. a database from before the fingerprint existed
    const store = new EnvSecretStore({ TASKS_AUTH_SECRET: generateSecret() });
    const error = await startupError(() => startAuth(db, { secretStore: store }));
    expect(error.code).toBe('SIGNING_KEY_UNAVAILABLE');
  });

  it('works from the env store (hex or base64url) and never writes a file', async () => {
    const hex = Buffer.alloc(32, 9).toString('hex');
    const auth = await startAuth(db, { secretStore: new EnvSecretStore({ TASKS_AUTH_SECRET: hex }) });
    const session = await auth.service.signUp({ name: 'Env', email: uniqueEmail(), password: TEST_PASSWORD });
    expect(session.sessionToken).toBeTruthy();
    expect(() => statSync(path.join(db.dir, 'auth-secret'))).toThrow();
  });

  it('an empty env store on a fresh database cannot hold a generated secret: it says so', async () => {
    const error = await startupError(() => startAuth(db, { secretStore: new EnvSecretStore({}) }));
    expect(error.code).toBe('SECRET_STORE_READ_ONLY');
    expect(error.message).toContain('TASKS_AUTH_SECRET');
  });

  it('refuses BETTER_AUTH_SECRETS, which Better Auth would prefer over the store', async () => {
    const store = new EnvSecretStore({ TASKS_AUTH_SECRET: generateSecret() });
    const error = await startupError(() =>
      resolveAuthSecret({
        sqlite: db.sqlite,
        store,
        logger: silentLogger,
        env: { BETTER_AUTH_SECRETS: '1:abc' },
      }),
    );
    expect(error.code).toBe('SECRET_OVERRIDDEN');
  });
});

describe('FileSecretStore', () => {
  let db: TestDatabase;
  beforeEach(() => {
    db = tempDatabase();
  });
  afterEach(() => db.cleanup());

  it('refuses a secret file other users can read', async () => {
    const store = new FileSecretStore(db.dir);
    await store.write(generateSecret());
    chmodSync(store.filePath, 0o640);
    const error = await startupError(() => store.read());
    expect(error.code).toBe('SECRET_FILE_INSECURE');
    expect(error.message).toContain('chmod 600');
  });

  it('never overwrites an existing secret', async () => {
    const store = new FileSecretStore(db.dir);
    const original = generateSecret();
    await store.write(original);
    expect((await startupError(() => store.write(generateSecret()))).code).toBe('SECRET_STORE_FAILED');
    expect(await store.read()).toBe(original);
  });

  it('refuses an empty secret file instead of treating it as absent', async () => {
    const store = new FileSecretStore(db.dir);
    writeFileSync(store.filePath, '\n', { mode: 0o600 });
    expect((await startupError(() => store.read())).code).toBe('SECRET_MALFORMED');
  });

  it('reads null when there is no file, and creates the data dir when writing', async () => {
    const store = new FileSecretStore(path.join(db.dir, 'nested', 'data'));
    expect(await store.read()).toBeNull();
    await store.write(generateSecret());
    expect(statSync(path.join(db.dir, 'nested', 'data')).mode & 0o777).toBe(0o700);
  });
});
