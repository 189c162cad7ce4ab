import Database from 'better-sqlite3';
import { getMigrations } from 'better-auth/db/migration';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.ts';
import { WriteGate } from '../db/write-gate.ts';
import {
  startAuth,
  tempDatabase,
  uniqueEmail,
  TEST_BASE_URL,
  TEST_PASSWORD,
  type TestDatabase,
} from './auth-test-kit.ts';
import { createBetterAuth } from './better-auth-options.ts';
import { LazyBeginSqliteDialect } from './lazy-begin-sqlite-dialect.ts';
import { SessionTokenHasher } from './session-token-hash.ts';

interface ProbeDb {
  probe: { id: number; note: string };
}

describe('LazyBeginSqliteDialect (Kysely on a shared better-sqlite3 connection)', () => {
  let sqlite: Database.Database;
  let db: Kysely<ProbeDb>;
  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL UNIQUE)');
    db = new Kysely<ProbeDb>({ dialect: new LazyBeginSqliteDialect(sqlite, new WriteGate()) });
  });
  afterEach(() => sqlite.close());

  it('opens no transaction while a transaction only reads, and yields to the event loop', async () => {
    const seen = await db.transaction().execute(async (trx) => {
      await trx.selectFrom('probe').selectAll().execute();
      await new Promise((resolve) => setImmediate(resolve));
      return sqlite.inTransaction;
    });
    expect(seen).toBe(false);
  });

  it('is still atomic from the first write on: a failure rolls every write back', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('probe').values({ id: 1, note: 'a' }).execute();
      expect(sqlite.inTransaction).toBe(true);
      await trx.insertInto('probe').values({ id: 2, note: 'a' }).execute(); // UNIQUE violation
    });
    await expect(failing).rejects.toThrow(/UNIQUE/);
    expect(sqlite.inTransaction).toBe(false);
    expect(await db.selectFrom('probe').selectAll().execute()).toEqual([]);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('probe').values({ id: 3, note: 'c' }).execute();
      await sql`SELECT 1`.execute(trx);
    });
    expect(sqlite.prepare('SELECT count(*) AS n FROM probe').get()).toEqual({ n: 1 });
  });

  it('never closes the app’s connection', async () => {
    await db.destroy();
    expect(sqlite.open).toBe(true);
  });
});

describe('Better Auth on the app’s connection', () => {
  let tdb: TestDatabase;
  beforeEach(() => {
    tdb = tempDatabase();
  });
  afterEach(() => tdb.cleanup());

  it('keeps the shared connection out of a transaction while sign-up hashes the password', async () => {
    const auth = await startAuth(tdb);
    const email = uniqueEmail();
    const userRow = tdb.sqlite.prepare('SELECT count(*) AS n FROM user WHERE email = ?');
    let ticks = 0;
    let openBeforeFirstWrite = 0;
    let done = false;
    // The app's own statements run in these event-loop turns. With Better Auth's BEGIN at the start of sign-up,
    // the turns during the ~100 ms password hash saw an open transaction that had not written anything yet.
    const tick = () => {
      ticks += 1;
      if (tdb.sqlite.inTransaction && (userRow.get(email) as { n: number }).n === 0)
        openBeforeFirstWrite += 1;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await auth.service.signUp({ name: 'Lee', email, password: TEST_PASSWORD });
    done = true;
    expect(ticks).toBeGreaterThan(10);
    expect(openBeforeFirstWrite).toBe(0);
  });

  it('concurrent sign-ups with one email: one account, one EMAIL_TAKEN', async () => {
    const auth = await startAuth(tdb);
    const email = uniqueEmail();
    const results = await Promise.allSettled(
      ['Mo', 'Ny'].map((name) => auth.service.signUp({ name, email, password: TEST_PASSWORD })),
    );
    expect(
      results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code)).sort(),
    ).toEqual(['EMAIL_TAKEN', 'ok']);
    expect(tdb.sqlite.prepare('SELECT count(*) AS n FROM user WHERE email = ?').get(email)).toEqual({ n: 1 });
    expect(tdb.sqlite.prepare('SELECT count(*) AS n FROM account').get()).toEqual({ n: 1 });
  });

  it('creates Better Auth’s tables once: a restart finds nothing to migrate', async () => {
    await startAuth(tdb);
    tdb.reopen();
    await startAuth(tdb);
    const auth = createBetterAuth({
      sqlite: tdb.sqlite,
      writeGate: new WriteGate(),
      secret: 'unused-for-planning-'.repeat(3),
      baseURL: TEST_BASE_URL,
      trustedOrigins: [],
      logger: silentLogger,
      onSessionEnding: () => {},
      onUserSessionsEnded: () => {},
      sessionTokens: new SessionTokenHasher('unused-for-planning-'.repeat(3)),
    });
    const plan = await getMigrations(auth.options);
    expect([plan.toBeCreated.length, plan.toBeAdded.length, plan.toBeAddedIndexes.length]).toEqual([0, 0, 0]);
    const tables = tdb.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining([
        'account',
        'auth_meta',
        'auth_revoked_session',
        'jwks',
        'session',
        'user',
        'verification',
      ]),
    );
  });
});
