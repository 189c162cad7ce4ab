import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ElectronStore from 'electron-store';
import { createMemoryKeyValueStore } from './key-value-store.ts';
import { createDesktopSecretStore, SECRET_KEY, SecretUnavailableError } from './secret-store.ts';
import { availableEncryption, createAesCipher, unavailableEncryption } from './test-support/aes-cipher.ts';

vi.mock('electron', () => ({ default: {} }));

const SECRET = 'Zm9vYmFyYmF6cXV4LXNlY3JldC0xMjM0NTY3ODkwYWJjZGVm';

describe('desktop secret store', () => {
  let dir: string;
  let fallbackFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secret-store-'));
    fallbackFile = join(dir, 'auth-secret');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('with a keyring: seals the secret in electron-store; the file holds ciphertext only', async () => {
    const cipher = createAesCipher();
    const kv = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
    const secrets = createDesktopSecretStore({ encryption: availableEncryption(cipher), kv, fallbackFile });
    await expect(secrets.read()).resolves.toBeNull();
    await secrets.write(SECRET);

    const onDisk = await readFile(join(dir, 'secure.json'), 'utf8');
    expect(onDisk).toContain(SECRET_KEY);
    expect(onDisk).not.toContain(SECRET);
    expect(existsSync(fallbackFile)).toBe(false);
    expect(secrets.warning).toBeNull();

    const reopened = createDesktopSecretStore({
      encryption: availableEncryption(cipher),
      kv: new ElectronStore({ cwd: dir, name: 'secure' }),
      fallbackFile,
    });
    await expect(reopened.read()).resolves.toBe(SECRET);
  });

  it('refuses to hand out a different secret when the sealed one cannot be decrypted', async () => {
    const kv = createMemoryKeyValueStore();
    await createDesktopSecretStore({ encryption: availableEncryption(), kv, fallbackFile }).write(SECRET);
    const otherKey = createDesktopSecretStore({ encryption: availableEncryption(createAesCipher()), kv, fallbackFile });
    await expect(otherKey.read()).rejects.toBeInstanceOf(SecretUnavailableError);
    const noKeyring = createDesktopSecretStore({ encryption: unavailableEncryption(), kv, fallbackFile });
    await expect(noKeyring.read()).rejects.toThrow(/keyring/);
  });

  it('without a keyring: keeps the secret in a 0600 file and says so', async () => {
    const kv = createMemoryKeyValueStore();
    const secrets = createDesktopSecretStore({ encryption: unavailableEncryption(), kv, fallbackFile });
    expect(secrets.warning).toContain(fallbackFile);
    await expect(secrets.read()).resolves.toBeNull();
    await secrets.write(SECRET);
    expect((await stat(fallbackFile)).mode & 0o777).toBe(0o600);
    expect(kv.get(SECRET_KEY)).toBeUndefined();
    await expect(secrets.read()).resolves.toBe(SECRET);
    // Never overwrites an existing secret.
    await expect(secrets.write('another-secret')).rejects.toThrow();
    await expect(secrets.read()).resolves.toBe(SECRET);
  });

  it('tightens a secret file that others could read', async () => {
    await writeFile(fallbackFile, SECRET + '\n');
    await chmod(fallbackFile, 0o644);
    const secrets = createDesktopSecretStore({ encryption: unavailableEncryption(), kv: createMemoryKeyValueStore(), fallbackFile });
    await expect(secrets.read()).resolves.toBe(SECRET);
    expect((await stat(fallbackFile)).mode & 0o777).toBe(0o600);
  });

  it('moves a file secret into the sealed store once a keyring is available', async () => {
    await writeFile(fallbackFile, SECRET + '\n', { mode: 0o600 });
    const cipher = createAesCipher();
    const kv = createMemoryKeyValueStore();
    const secrets = createDesktopSecretStore({ encryption: availableEncryption(cipher), kv, fallbackFile });
    await expect(secrets.read()).resolves.toBe(SECRET);
    expect(existsSync(fallbackFile)).toBe(false);
    expect(JSON.stringify(kv.get(SECRET_KEY))).not.toContain(SECRET);
    await expect(createDesktopSecretStore({ encryption: availableEncryption(cipher), kv, fallbackFile }).read()).resolves.toBe(SECRET);
  });
});
