// scripts/start.mjs, run for real: without an Electron binary it explains itself in one message;
// with one (a stand-in executable here) `npm start` builds and launches it through electron-vite preview.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'scripts', 'start.mjs');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'start-script-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function start(args: string[], env: Record<string, string>) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^ELECTRON_/.test(key) && !/^npm_config_electron/i.test(key)),
  );
  return spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    // A missing binary regardless of what this machine has installed.
    env: { ...base, ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here'), ...env },
  });
}

function expectOneClearMessage(stderr: string) {
  expect(stderr).toMatch(/^Tasks Desktop cannot open its window here: the Electron binary is not installed/);
  expect(stderr).toContain('npm run serve -- --data-dir DIR');
  expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('scripts/start.mjs', () => {
  it('with ELECTRON_SKIP_BINARY_DOWNLOAD: one message, non-zero exit, nothing built or launched', () => {
    for (const args of [[], ['--dev']]) {
      const result = start(args, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
      expect(result.status).toBe(3);
      expect(result.stdout).toBe('');
      expectOneClearMessage(result.stderr);
      expect(result.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    }
  });

  it('when the download fails: one message naming the failure, non-zero exit', () => {
    const result = start([], {
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(dir, 'cache'),
    });
    expect(result.status).toBe(3);
    expectOneClearMessage(result.stderr);
    expect(result.stderr).toContain('the download failed');
  });

  it('--check-electron reports a usable binary', async () => {
    const binary = join(dir, 'electron-check');
    await writeFile(binary, '#!/bin/sh\n');
    const result = start(['--check-electron'], { ELECTRON_EXEC_PATH: binary });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`Electron binary: ${binary}\n`);
  });

  it('with a binary, npm start builds and launches the app through electron-vite preview', async () => {
    const record = join(dir, 'launched.txt');
    const binary = join(dir, 'electron');
    await writeFile(binary, `#!/bin/sh\necho "$PWD $*" > "${record}"\n`);
    await chmod(binary, 0o755);
    const result = start([], { ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(await readFile(record, 'utf8')).toBe(`${root} .\n`);
    expect((await readFile(join(root, 'out', 'preload', 'index.cjs'), 'utf8')).match(/require\(/g)).toHaveLength(1);
  });
});
