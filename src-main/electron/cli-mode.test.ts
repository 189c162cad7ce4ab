// `<app binary> --cli ...` runs the real CLI bundle in the main process and exits with its code.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_SCRIPT, ROOT, runNode, runProcess } from '../../cli/testing/cli-harness.ts';
import { cliArguments, cliBundlePath, runCliMode } from './cli-mode.ts';

const BUNDLE = join(ROOT, 'out', 'cli', 'tasks.mjs');

function fakeApp() {
  const exits: number[] = [];
  return {
    exits,
    app: { isPackaged: true, getAppPath: () => ROOT, exit: (code = 0) => void exits.push(code) },
  };
}

beforeAll(async () => {
  // Builds out/cli when its sources changed, exactly as `npm run cli` does.
  expect((await runNode([CLI_SCRIPT, '--version'], { PATH: process.env.PATH ?? '' })).code).toBe(0);
}, 120_000);

describe('cli mode of the app binary', () => {
  it('takes the arguments after --cli, packaged or not, and nothing else', () => {
    expect(cliArguments(['/opt/Tasks/tasks-desktop', '--cli', 'ls', '--json'], true)).toEqual([
      'ls',
      '--json',
    ]);
    expect(cliArguments(['/usr/bin/electron', '.', '--cli', 'done', 'a'], false)).toEqual(['done', 'a']);
    expect(cliArguments(['/opt/Tasks/tasks-desktop'], true)).toBeNull();
    expect(cliArguments(['/opt/Tasks/tasks-desktop', 'ls', '--cli'], true)).toBeNull();
  });

  it('finds the bundle in resources/cli when packaged, in out/cli in development', () => {
    expect(cliBundlePath({ isPackaged: true, getAppPath: () => '/x/app.asar' }, '/x')).toBe(
      join('/x', 'cli', 'tasks.mjs'),
    );
    expect(cliBundlePath({ isPackaged: false, getAppPath: () => ROOT }, '/x')).toBe(BUNDLE);
  });

  it('runs the bundle and exits with its exit code; a missing bundle exits 1 with a message', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const ok = fakeApp();
      await runCliMode(ok.app, ['--version'], BUNDLE);
      expect(ok.exits).toEqual([0]);
      expect(write).toHaveBeenCalledWith('0.1.0\n');
      const usage = fakeApp();
      await runCliMode(usage.app, ['frobnicate'], BUNDLE);
      expect(usage.exits).toEqual([2]);
      const missing = fakeApp();
      await runCliMode(missing.app, ['ls'], join(ROOT, 'no-such', 'tasks.mjs'));
      expect(missing.exits).toEqual([1]);
      expect(String(writeErr.mock.calls.at(-1)?.[0])).toMatch(/the CLI could not start from .*no-such/);
    } finally {
      write.mockRestore();
      writeErr.mockRestore();
    }
  });
});

describe('the packaged launcher (resources/cli/tasks)', () => {
  it('runs the bundle with Node when there is one, else the app binary with --cli', async () => {
    // The packaged layout on Linux: <install>/tasks-desktop and <install>/resources/cli/{tasks,tasks.mjs}.
    const install = mkdtempSync(join(tmpdir(), 'tasks-install-'));
    try {
      const cliDir = join(install, 'resources', 'cli');
      mkdirSync(cliDir, { recursive: true });
      cpSync(join(ROOT, 'out', 'cli'), cliDir, { recursive: true });
      cpSync(join(ROOT, 'resources', 'cli', 'tasks'), join(cliDir, 'tasks'));
      const withNode = await runProcess('/bin/sh', [join(cliDir, 'tasks'), '--version'], {
        PATH: `${join(process.execPath, '..')}:/usr/bin:/bin`,
      });
      expect(withNode).toMatchObject({ code: 0, stdout: '0.1.0\n' });

      writeFileSync(join(install, 'tasks-desktop'), '#!/bin/sh\necho "app $*"\n');
      chmodSync(join(install, 'tasks-desktop'), 0o755);
      const bin = join(install, 'bin'); // readlink and dirname, but no node
      mkdirSync(bin);
      for (const tool of ['readlink', 'dirname']) symlinkSync(join('/usr/bin', tool), join(bin, tool));
      const withoutNode = await runProcess('/bin/sh', [join(cliDir, 'tasks'), 'ls', '--json'], { PATH: bin });
      expect(withoutNode).toMatchObject({ code: 0, stdout: 'app --cli ls --json\n' });
    } finally {
      rmSync(install, { recursive: true, force: true });
    }
  });
});
