import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ElectronStore from 'electron-store';
import { AuthStartupError } from '../auth/auth-startup-error.ts';
import { FileSecretStore } from '../auth/file-secret-store.ts';
import { createMemoryKeyValueStore } from './key-value-store.ts';
import { createDesktopSecretStore, SECRET_KEY } from './secret-store.ts';
import { availableEncryption, createAesCipher, unavailableEncryption } from './test-support/aes-cipher.ts';

vi.mock('electron', () => ({ default: {} }));

const SECRET = 'Zm9vYmFyYmF6cXV4LXNlY3JldC0xMjM0NTY3ODkwYWJjZGVm';

describe('desktop secret store', () => {
  let dir: string;
  let file: FileSecretStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secret-store-'));
    file = new FileSecretStore(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('with a keyring: seals the secret in electron-store; the file holds ciphertext only', async () => {
    const cipher = createAesCipher();
    const kv = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: 'secure' });
    const secrets = createDesktopSecretStore({ encryption: availableEncryption(cipher), kv, file });
    await expect(secrets.read()).resolves.toBeNull();
    await secrets.write(SECRET);

    const onDisk = await readFile(join(dir, 'secure.json'), 'utf8');
    expect(onDisk).toContain(SECRET_KEY);
    expect(onDisk).not.toContain(SECRET);
    expect(existsSync(file.filePath)).toBe(false);
    expect(secrets.warning).toBeNull();

    const reopened = createDesktopSecretStore({
      encryption: availableEncryption(cipher),
      kv: new ElectronStore({ cwd: dir, name: 'secure' }),
      file,
    });
    await expect(reopened.read()).resolves.toBe(SECRET);
  });

  it('refuses to hand out a different secret when the sealed one cannot be decrypted', async () => {
    const kv = createMemoryKeyValueStore();
    await createDesktopSecretStore({ encryption: availableEncryption(), kv, file }).write(SECRET);
    const otherKey = createDesktopSecretStore({ encryption: availableEncryption(createAesCipher()), kv, file });
    await expect(otherKey.read()).rejects.toBeInstanceOf(AuthStartupError);
    const noKeyring = createDesktopSecretStore({ encryption: unavailableEncryption(), kv, file });
    await expect(noKeyring.read()).rejects.toThrow(/keyring/);
    expect(existsSync(file.filePath)).toBe(false);
  });

  it('without a keyring: keeps the secret in a 0600 file and says so', async () => {
    const kv = createMemoryKeyValueStore();
    const secrets = createDesktopSecretStore({ encryption: unavailableEncryption(), kv, file });
    expect(secrets.warning).toContain(file.filePath);
    await expect(secrets.read()).resolves.toBeNull();
    await secrets.write(SECRET);
    expect((await stat(file.filePath)).mode & 0o777).toBe(0o600);
    expect(kv.get(SECRET_KEY)).toBeUndefined();
    await expect(secrets.read()).resolves.toBe(SECRET);
    // Never overwrites an existing secret.
    await expect(secrets.write('another-secret')).rejects.toThrow();
    await expect(secrets.read()).resolves.toBe(SECRET);
  });

  it('without a keyring: refuses a secret file other users can read', async () => {
    await writeFile(file.filePath, SECRET + '\n');
    await chmod(file.filePath, 0o644);
    const secrets = createDesktopSecretStore({ encryption: unavailableEncryption(), kv: createMemoryKeyValueStore(), file });
    await expect(secrets.read()).rejects.toThrow(/other users can read it/);
  });

  it('moves a file secret into the sealed store once a keyring is available', async () => {
    await writeFile(file.filePath, SECRET + '\n', { mode: 0o600 });
    const cipher = createAesCipher();
    const kv = createMemoryKeyValueStore();
    const secrets = createDesktopSecretStore({ encryption: availableEncryption(cipher), kv, file });
    await expect(secrets.read()).resolves.toBe(SECRET);
    expect(existsSync(file.filePath)).toBe(false);
    expect(JSON.stringify(kv.get(SECRET_KEY))).not.toContain(SECRET);
    await expect(createDesktopSecretStore({ encryption: availableEncryption(cipher), kv, file }).read()).resolves.toBe(SECRET);
  });
});
