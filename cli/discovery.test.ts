// api.json's pid: a process of another user (EPERM) is not this app, whatever the CLI's user may signal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processState, readApiFile } from './discovery.ts';

function fails(code: string): (pid: number, signal: 0) => void {
  return () => {
    throw Object.assign(new Error(code), { code });
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(pid: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tasks-discovery-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'api.json'), JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:47821', pid, version: '1' }));
  return dir;
}

describe('the pid in api.json', () => {
  it('running, gone (ESRCH) or another user’s (EPERM)', () => {
    expect(processState(process.pid)).toBe('running');
    expect(processState(42, () => undefined)).toBe('running');
    expect(processState(42, fails('ESRCH'))).toBe('gone');
    expect(processState(42, fails('EPERM'))).toBe('not-ours');
  });

  it('EPERM: api.json is stale, nothing is contacted (exit 3, says why)', () => {
    const dir = dataDir(4242);
    expect(() => readApiFile(dir, fails('EPERM'))).toThrow(/not running: .* process 4242, which belongs to another user/);
    expect(() => readApiFile(dir, fails('ESRCH'))).toThrow(/process 4242, which is not running/);
    expect(readApiFile(dir, () => undefined)).toEqual({
      baseUrl: 'http://127.0.0.1:47821',
      source: join(dir, 'api.json'),
      pid: 4242,
    });
  });
});
