// The sync account repository on a real migrated database: the password is stored only sealed and opened only by
// getAccountWithSecret; reads are per user; unlinking replaces the calendar's row (a new id) and keeps the calendar
// known; deleting the account removes its calendars and nothing else; a list removed for good unlinks itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretSealer } from '../../auth/secret-sealer.ts';
import { DatabaseService } from '../../db/database-service.ts';
import { ListRepository } from '../../lists/list-repository.ts';
import { SyncAccountRepository } from './account-repository.ts';
import { createPasswordSealer, PasswordUnavailable, type OsCipher } from './password-sealer.ts';

const PASSWORD = 'app-password-4f9c2e';

let dir: string;
let database: DatabaseService;
let accounts: SyncAccountRepository;
let lists: ListRepository;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tasks-sync-repo-'));
  database = new DatabaseService(dir);
  await database.start();
  accounts = new SyncAccountRepository(
    database.sqlite,
    database.writes,
    createPasswordSealer(createSecretSealer('secret-one-'.repeat(4))),
  );
  lists = new ListRepository(database.sqlite, database.writes);
});
afterEach(async () => {
  await database.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function addAccount(userId: string, listId: string | null) {
  return accounts.create({
    userId,
    serverUrl: 'https://dav.example.com/',
    username: 'ada',
    password: PASSWORD,
    homeUrl: 'https://dav.example.com/ada/',
    calendars: [
      { url: 'https://dav.example.com/ada/work/', name: 'Work', color: '#3366cc', listId },
      { url: 'https://dav.example.com/ada/home/', name: 'Home', color: null, listId: null },
    ],
  });
}

describe('SyncAccountRepository', () => {
  it('keeps the password only sealed, and opens it for its own user only', async () => {
    const work = await lists.create('u1', { name: 'Work', color: null });
    const account = await addAccount('u1', work.id);
    expect(account).toMatchObject({ userId: 'u1', state: 'idle', lastSyncAt: null, lastError: null });
    expect(JSON.stringify(account)).not.toContain(PASSWORD);
    const stored = database.sqlite.prepare('SELECT password_sealed FROM sync_account').pluck().get() as string;
    expect(stored.startsWith('sec1:')).toBe(true);
    expect(stored).not.toContain(PASSWORD);
    expect(Buffer.from(stored).toString('base64')).not.toContain(Buffer.from(PASSWORD).toString('base64'));

    expect((await accounts.getAccountWithSecret('u1', account.id))?.password).toBe(PASSWORD);
    expect(await accounts.getAccountWithSecret('u2', account.id)).toBeNull();
    expect(accounts.get('u2', account.id)).toBeNull();
    expect(accounts.list('u2')).toEqual([]);
    expect(accounts.list('u1').map((a) => a.id)).toEqual([account.id]);
    expect(accounts.hasLogin('u1', 'https://dav.example.com/', 'ada')).toBe(true);
    expect(accounts.hasLogin('u2', 'https://dav.example.com/', 'ada')).toBe(false);
  });

  it('cannot open a password sealed under another secret, or with a keyring that is gone', async () => {
    const account = await addAccount('u1', null);
    const other = new SyncAccountRepository(
      database.sqlite,
      database.writes,
      createPasswordSealer(createSecretSealer('secret-two-'.repeat(4))),
    );
    await expect(other.getAccountWithSecret('u1', account.id)).rejects.toBeInstanceOf(PasswordUnavailable);

    // Sealed by the OS keyring (safeStorage in the desktop app): a reversible stand-in cipher for the test.
    const os: OsCipher = {
      encrypt: (text) => Promise.resolve(Buffer.from([...Buffer.from(text)].map((b) => b ^ 0x5a))),
      decrypt: (buf) => Promise.resolve({ plainText: Buffer.from([...buf].map((b) => b ^ 0x5a)).toString() }),
    };
    const withKeyring = createPasswordSealer(createSecretSealer('secret-one-'.repeat(4)), os);
    const sealed = await withKeyring.seal(PASSWORD);
    expect(sealed.startsWith('os1:')).toBe(true);
    expect(await withKeyring.open(sealed)).toBe(PASSWORD);
    const noKeyring = createPasswordSealer(createSecretSealer('secret-one-'.repeat(4)));
    await expect(noKeyring.open(sealed)).rejects.toThrow(/keyring/);
  });

  it('unlinks by replacing the row, records status, and deleting the account keeps lists', async () => {
    const work = await lists.create('u1', { name: 'Work', color: null });
    const account = await addAccount('u1', work.id);
    const [home, linked] = accounts.listLinks(account.id);
    expect(home).toMatchObject({ name: 'Home', listId: null });
    expect(linked).toMatchObject({ name: 'Work', listId: work.id, color: '#3366cc' });
    expect(accounts.linkOfList('u1', work.id)?.id).toBe(linked!.id);
    expect(accounts.linkOfList('u2', work.id)).toBeNull();

    await accounts.setSyncToken(linked!.id, 'token-1');
    expect(accounts.listLinks(account.id)[1]?.syncToken).toBe('token-1');
    expect(await accounts.unlinkList(account.id, work.id)).toBe(true);
    expect(await accounts.unlinkList(account.id, work.id)).toBe(false);
    const after = accounts.listLinks(account.id)[1]!;
    expect(after).toMatchObject({ url: linked!.url, listId: null, syncToken: null });
    expect(after.id).not.toBe(linked!.id);

    expect(await accounts.linkCalendar(after.id, work.id)).toBe(true);
    expect(await accounts.linkCalendar(after.id, work.id)).toBe(false);
    // One list syncs with one calendar at most.
    await expect(accounts.linkCalendar(home!.id, work.id)).rejects.toThrow(/UNIQUE/);

    await accounts.setStatus(account.id, {
      state: 'error',
      lastError: { code: 'SYNC_UNREACHABLE', message: 'dav.example.com refused the connection.', at: 'x' },
    });
    expect(accounts.get('u1', account.id)).toMatchObject({ state: 'error', lastError: { code: 'SYNC_UNREACHABLE' } });
    await accounts.setStatus(account.id, { state: 'idle', lastSyncAt: '2026-12-04T23:00:00.000Z', lastError: null });
    expect(accounts.get('u1', account.id)).toMatchObject({
      state: 'idle',
      lastSyncAt: '2026-12-04T23:00:00.000Z',
      lastError: null,
    });

    expect(await accounts.delete('u2', account.id)).toBe(false);
    expect(await accounts.delete('u1', account.id)).toBe(true);
    expect(accounts.listLinks(account.id)).toEqual([]);
    expect(database.sqlite.prepare('SELECT count(*) FROM sync_calendar').pluck().get()).toBe(0);
    expect(lists.get('u1', work.id)?.name).toBe('Work');
  });

  it('a list removed for good unlinks itself', async () => {
    const work = await lists.create('u1', { name: 'Work', color: null });
    const account = await addAccount('u1', work.id);
    await database.writes.run(() => database.sqlite.prepare('DELETE FROM lists WHERE id = ?').run(work.id));
    expect(accounts.listLinks(account.id).every((c) => c.listId === null)).toBe(true);
  });
});
