import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ElectronStore from 'electron-store';
import { createMemoryKeyValueStore, type KeyValueStore } from '../electron/key-value-store.ts';
import { availableEncryption, createAesCipher, unavailableEncryption } from '../electron/test-support/aes-cipher.ts';
import { ACCOUNTS_KEY, createAccountSessionStore, LEGACY_SESSION_KEY } from './account-session-store.ts';

// electron-store outside Electron: no app/ipcMain, so it needs an absolute cwd (given below).
vi.mock('electron', () => ({ default: {} }));

const ADA = { id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.com' };
const BOB = { id: 'user-bob', name: 'Bob Bell', email: 'bob@example.com' };
const TOKEN_ADA = 'session-token-ada-7f3a9c2e1b4d';
const TOKEN_BOB = 'session-token-bob-19ce22aa03f7';

describe('account session store', () => {
  let dir: string;
  let kv: ElectronStore<Record<string, unknown>>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'account-store-'));
    kv = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('seals one entry per remembered account: the file holds ciphertext, never a token, name or email', async () => {
    const cipher = createAesCipher();
    const store = createAccountSessionStore({ encryption: availableEncryption(cipher), kv });
    await store.put(ADA, TOKEN_ADA, true, 1000);
    await store.put(BOB, TOKEN_BOB, true, 2000);

    const onDisk = await readFile(join(dir, 'secure.json'), 'utf8');
    for (const secret of [TOKEN_ADA, TOKEN_BOB, ADA.email, BOB.email, ADA.name, BOB.name]) {
      expect(onDisk).not.toContain(secret);
      expect(onDisk).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect((kv.get(ACCOUNTS_KEY) as { accounts: unknown[] }).accounts).toHaveLength(2);

    // The next launch with the same key knows both and which one was current.
    const reopened = createAccountSessionStore({ encryption: availableEncryption(cipher), kv: new ElectronStore({ cwd: dir, name: 'secure' }) });
    await expect(reopened.current()).resolves.toEqual({ userId: BOB.id, token: TOKEN_BOB, persisted: true });
    expect((await reopened.accounts()).map((a) => [a.user.email, a.token])).toEqual([
      [BOB.email, TOKEN_BOB],
      [ADA.email, TOKEN_ADA],
    ]);
  });

  it('keeps an account that did not ask to be remembered in memory only, next to a remembered one', async () => {
    const cipher = createAesCipher();
    const store = createAccountSessionStore({ encryption: availableEncryption(cipher), kv });
    await store.put(ADA, TOKEN_ADA, true, 1000);
    await expect(store.put(BOB, TOKEN_BOB, false, 2000)).resolves.toEqual({
      session: { userId: BOB.id, token: TOKEN_BOB, persisted: false },
      replaced: null,
    });
    await expect(store.current()).resolves.toEqual({ userId: BOB.id, token: TOKEN_BOB, persisted: false });
    expect((kv.get(ACCOUNTS_KEY) as { accounts: unknown[] }).accounts).toHaveLength(1);

    // After a restart only Ada is known, and she is not made current behind Bob's back.
    const reopened = createAccountSessionStore({ encryption: availableEncryption(cipher), kv });
    await expect(reopened.current()).resolves.toBeNull();
    expect((await reopened.accounts()).map((a) => a.user.id)).toEqual([ADA.id]);
  });

  it('a second sign-in of the same account replaces its session and hands back the old one to revoke', async () => {
    const store = createAccountSessionStore({ encryption: availableEncryption(), kv });
    await store.put(ADA, TOKEN_ADA, true, 1000);
    const again = await store.put(ADA, 'session-token-ada-second', true, 2000);
    expect(again.replaced).toBe(TOKEN_ADA);
    expect(await store.accounts()).toHaveLength(1);
  });

  it('select switches between accounts with a session; endSession keeps the account but not its token', async () => {
    const store = createAccountSessionStore({ encryption: availableEncryption(), kv });
    await store.put(ADA, TOKEN_ADA, true, 1000);
    await store.put(BOB, TOKEN_BOB, true, 2000);
    await expect(store.select(ADA.id, 3000)).resolves.toEqual({ userId: ADA.id, token: TOKEN_ADA, persisted: true });
    expect((await store.accounts())[0]?.user.id).toBe(ADA.id);

    await store.endSession(BOB.id);
    await expect(store.select(BOB.id, 4000)).resolves.toBeNull();
    await expect(store.current()).resolves.toMatchObject({ userId: ADA.id });
    expect((await store.accounts()).find((a) => a.user.id === BOB.id)?.token).toBeNull();
    await expect(store.select('nobody', 5000)).resolves.toBeNull();
  });

  it('remove drops the account and its sealed entry; the last one gone leaves nothing on disk', async () => {
    const store = createAccountSessionStore({ encryption: availableEncryption(), kv });
    await store.put(ADA, TOKEN_ADA, true, 1000);
    await store.put(BOB, TOKEN_BOB, true, 2000);
    await expect(store.remove(BOB.id)).resolves.toBe(TOKEN_BOB);
    await expect(store.current()).resolves.toBeNull();
    expect((kv.get(ACCOUNTS_KEY) as { accounts: unknown[] }).accounts).toHaveLength(1);
    await store.remove(ADA.id);
    expect(kv.get(ACCOUNTS_KEY)).toBeUndefined();
  });

  it('without encryption: works in memory, writes nothing, and says why', async () => {
    const memory = createMemoryKeyValueStore();
    const set = vi.spyOn(memory, 'set');
    const store = createAccountSessionStore({ encryption: unavailableEncryption('No keyring.'), kv: memory, extraNote: 'Secret in a file.' });
    await expect(store.put(ADA, TOKEN_ADA, true, 1000)).resolves.toMatchObject({ session: { persisted: false } });
    expect(set).not.toHaveBeenCalled();
    expect(store.canPersist).toBe(false);
    expect(store.persistenceNote).toBe('No keyring. Secret in a file.');
    await expect(store.current()).resolves.toEqual({ userId: ADA.id, token: TOKEN_ADA, persisted: false });
  });

  it('discards entries it cannot open (other key) and values it did not write', async () => {
    await createAccountSessionStore({ encryption: availableEncryption(), kv }).put(ADA, TOKEN_ADA, true, 1000);
    const otherKey = createAccountSessionStore({ encryption: availableEncryption(createAesCipher()), kv });
    await expect(otherKey.current()).resolves.toBeNull();
    await expect(otherKey.accounts()).resolves.toEqual([]);

    const planted: KeyValueStore = createMemoryKeyValueStore();
    planted.set(ACCOUNTS_KEY, { v: 1, current: ADA.id, accounts: [TOKEN_ADA] }); // plain text planted by someone else
    await expect(createAccountSessionStore({ encryption: availableEncryption(), kv: planted }).accounts()).resolves.toEqual([]);
  });

  it('re-seals an entry when the OS says the key rotated', async () => {
    const cipher = createAesCipher();
    await createAccountSessionStore({ encryption: availableEncryption(cipher), kv }).put(ADA, TOKEN_ADA, true, 1000);
    const before = JSON.stringify(kv.get(ACCOUNTS_KEY));
    const rotating = { ...cipher, decrypt: async (b: Buffer) => ({ ...(await cipher.decrypt(b)), shouldReEncrypt: true }) };
    await expect(createAccountSessionStore({ encryption: availableEncryption(rotating), kv }).current()).resolves.toMatchObject({
      token: TOKEN_ADA,
    });
    expect(JSON.stringify(kv.get(ACCOUNTS_KEY))).not.toBe(before);
  });

  it('moves the one sealed session of earlier versions into the accounts, once, identified by auth', async () => {
    const cipher = createAesCipher();
    kv.set(LEGACY_SESSION_KEY, { v: 1, ciphertext: (await cipher.encrypt(TOKEN_ADA)).toString('base64') });
    const identify = vi.fn((token: string) => Promise.resolve(token === TOKEN_ADA ? ADA : null));
    const store = createAccountSessionStore({ encryption: availableEncryption(cipher), kv, identify });
    await expect(store.current()).resolves.toEqual({ userId: ADA.id, token: TOKEN_ADA, persisted: true });
    expect(kv.get(LEGACY_SESSION_KEY)).toBeUndefined();
    expect(identify).toHaveBeenCalledTimes(1);
    const reopened = createAccountSessionStore({ encryption: availableEncryption(cipher), kv, identify });
    await expect(reopened.current()).resolves.toMatchObject({ userId: ADA.id });
    expect(identify).toHaveBeenCalledTimes(1);
  });
});
