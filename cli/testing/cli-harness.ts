// Test support (not a test): runs the real `tasks` command (scripts/cli.mjs, as `npm run cli` does) as a child
// process against a real in-process host, in a throwaway home, config and data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUp, startTestCore, type TestCore, type TestUser } from '../../src-main/testing/test-core.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI_SCRIPT = join(ROOT, 'scripts', 'cli.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  host: TestCore;
  user: TestUser;
  /** A throwaway HOME with its own config dir (TASKS_CONFIG_DIR) and app data dir (TASKS_DATA_DIR). */
  home: string;
  configDir: string;
  dataDir: string;
  /** The environment a CLI child gets: nothing inherited that could point it at a real app or token. */
  env(extra?: Record<string, string>): Record<string, string>;
  cli(args: string[], options?: { env?: Record<string, string>; input?: string }): Promise<CliRun>;
  /** A personal access token for the user, created over HTTP with the user's session JWT. */
  token(scopes: string[]): Promise<string>;
  writeApiJson(apiBaseUrl: string, pid?: number): void;
  close(): Promise<void>;
}

export function runNode(args: string[], env: Record<string, string>, input?: string): Promise<CliRun> {
  return runProcess(process.execPath, args, env, input);
}

export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // No input: stdin is /dev/null (not a terminal, as under a script or CI).
    const child = spawn(command, args, {
      cwd: ROOT,
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // EPIPE when the child exits without reading its input
      child.stdin.end(input);
    }
  });
}

export async function startCliHarness(): Promise<CliHarness> {
  const home = mkdtempSync(join(tmpdir(), 'tasks-cli-'));
  const configDir = join(home, 'config');
  const dataDir = join(home, 'data');
  const host = await startTestCore({ dataDir });
  const user = await signUp(host);
  const harness: CliHarness = {
    host,
    user,
    home,
    configDir,
    dataDir,
    env: (extra = {}) => ({
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      TASKS_CONFIG_DIR: configDir,
      TASKS_DATA_DIR: dataDir,
      ...extra,
    }),
    cli: (args, options = {}) => runNode([CLI_SCRIPT, ...args], harness.env(options.env), options.input),
    async token(scopes) {
      const response = await host.api(`/api/${user.id}/tokens`, {
        method: 'POST',
        headers: user.headers,
        body: JSON.stringify({ name: `test ${scopes.join(' ')}`, scopes, expiresInDays: null }),
      });
      if (response.status !== 201) throw new Error(`token: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    writeApiJson(apiBaseUrl, pid = process.pid) {
      writeFileSync(join(dataDir, 'api.json'), JSON.stringify({ apiBaseUrl, pid, version: '0.1.0' }), {
        mode: 0o600,
      });
    },
    async close() {
      await host.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface ServeHost {
  apiBaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The headless host as shipped (`npm run serve`, a child process) with NODE_ENV unset: unlike the in-process test
 * core, Better Auth runs with its production checks (it skips its origin checks when NODE_ENV=test).
 */
export async function startServeHost(dataDir: string): Promise<ServeHost> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: dataDir, TASKS_AUTH_SECRET: '' };
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.mjs'), '--data-dir', dataDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = await new Promise<{ apiBaseUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start: ${stderr}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      resolve(JSON.parse(stdout.split('\n')[0]!) as { apiBaseUrl: string });
    });
    child.once('exit', () => reject(new Error(`the host exited: ${stderr}`)));
  });
  return {
    apiBaseUrl: ready.apiBaseUrl,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
