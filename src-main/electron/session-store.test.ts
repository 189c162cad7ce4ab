import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ElectronStore from 'electron-store';
import { createMemoryKeyValueStore, type KeyValueStore } from './key-value-store.ts';
import { createSessionStore, SESSION_KEY } from './session-store.ts';
import { availableEncryption, createAesCipher, unavailableEncryption } from './test-support/aes-cipher.ts';

// electron-store outside Electron: no app/ipcMain, so it needs an absolute cwd (given below).
vi.mock('electron', () => ({ default: {} }));

const TOKEN = 'session-token-7f3a9c2e1b4d';

describe('session store', () => {
  let dir: string;
  let store: ElectronStore<Record<string, unknown>>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'session-store-'));
    store = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('seals a remembered session on disk: the file holds ciphertext, never the token', async () => {
    const cipher = createAesCipher();
    const sessions = createSessionStore({ encryption: availableEncryption(cipher), kv: store });
    await expect(sessions.replace(TOKEN, true)).resolves.toEqual({ token: TOKEN, persisted: true });

    const onDisk = await readFile(join(dir, 'secure.json'), 'utf8');
    expect(onDisk).toContain('ciphertext');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain(Buffer.from(TOKEN).toString('base64'));

    // A new launch with the same key restores it.
    const reopened = createSessionStore({ encryption: availableEncryption(cipher), kv: new ElectronStore({ cwd: dir, name: 'secure' }) });
    await expect(reopened.current()).resolves.toEqual({ token: TOKEN, persisted: true });
  });

  it('keeps a session in memory only when the user did not ask to be remembered', async () => {
    const sessions = createSessionStore({ encryption: availableEncryption(), kv: store });
    await sessions.replace('older-token', true);
    await expect(sessions.replace(TOKEN, false)).resolves.toEqual({ token: TOKEN, persisted: false });
    expect(store.get(SESSION_KEY)).toBeUndefined();
    await expect(sessions.current()).resolves.toEqual({ token: TOKEN, persisted: false });
  });

  it('without encryption: works in memory, writes nothing, and says why', async () => {
    const kv = createMemoryKeyValueStore();
    const set = vi.spyOn(kv, 'set');
    const sessions = createSessionStore({ encryption: unavailableEncryption('No keyring.'), kv, extraNote: 'Secret in a file.' });
    await expect(sessions.replace(TOKEN, true)).resolves.toEqual({ token: TOKEN, persisted: false });
    expect(set).not.toHaveBeenCalled();
    expect(sessions.canPersist).toBe(false);
    expect(sessions.persistenceNote).toBe('No keyring. Secret in a file.');
    await expect(sessions.current()).resolves.toEqual({ token: TOKEN, persisted: false });
  });

  it('discards a sealed session it cannot open (other key) and one it did not write', async () => {
    await createSessionStore({ encryption: availableEncryption(), kv: store }).replace(TOKEN, true);
    const otherKey = createSessionStore({ encryption: availableEncryption(createAesCipher()), kv: store });
    await expect(otherKey.current()).resolves.toBeNull();
    expect(store.get(SESSION_KEY)).toBeUndefined();

    const kv: KeyValueStore = createMemoryKeyValueStore();
    kv.set(SESSION_KEY, TOKEN); // plain text planted by someone else
    await expect(createSessionStore({ encryption: availableEncryption(), kv }).current()).resolves.toBeNull();
    expect(kv.get(SESSION_KEY)).toBeUndefined();
  });

  it('clear() forgets the session and wipes the sealed copy, even while it was still loading', async () => {
    const cipher = createAesCipher();
    await createSessionStore({ encryption: availableEncryption(cipher), kv: store }).replace(TOKEN, true);
    const sessions = createSessionStore({ encryption: availableEncryption(cipher), kv: store });
    const loading = sessions.current();
    sessions.clear();
    await loading;
    await expect(sessions.current()).resolves.toBeNull();
    expect(store.get(SESSION_KEY)).toBeUndefined();
  });

  it('re-seals when the OS says the key rotated', async () => {
    const cipher = createAesCipher();
    await createSessionStore({ encryption: availableEncryption(cipher), kv: store }).replace(TOKEN, true);
    const before = JSON.stringify(store.get(SESSION_KEY));
    const rotating = { ...cipher, decrypt: async (b: Buffer) => ({ ...(await cipher.decrypt(b)), shouldReEncrypt: true }) };
    await expect(createSessionStore({ encryption: availableEncryption(rotating), kv: store }).current()).resolves.toEqual({
      token: TOKEN,
      persisted: true,
    });
    expect(JSON.stringify(store.get(SESSION_KEY))).not.toBe(before);
  });
});
