// Test helper: the headless host as a real child process (Node 22 runs the TypeScript sources directly),
// plus the few HTTP calls a script makes to it. Used by the crash-durability test.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const HEADLESS = join(import.meta.dirname, '..', '..', 'headless.ts');
const PASSWORD = 'crash-test password 1234';

export interface HostProcess {
  child: ChildProcess;
  /** Resolves with the API base URL on the host's ready line; rejects on an error line or exit. */
  ready: Promise<string>;
  /** Resolves when the process has exited (and been reaped). */
  exited: Promise<void>;
  /** Everything the host wrote to stdout and stderr, for failure messages. */
  output(): string;
}

/** Starts `headless.ts --data-dir DIR ...args` on this Node, straight from the TypeScript sources. */
export function spawnHeadless(
  dataDir: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--disable-warning=ExperimentalWarning',
      HEADLESS,
      '--data-dir',
      dataDir,
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TASKS_AUTH_SECRET: undefined, ...env } },
  );
}

export function spawnHost(
  dataDir: string,
  extraArgs: readonly string[] = [],
  env: Record<string, string> = {},
): HostProcess {
  const child = spawnHeadless(dataDir, extraArgs, env);
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const event = JSON.parse(line) as { event?: string; apiBaseUrl?: string };
          if (event.event === 'ready' && event.apiBaseUrl) resolve(event.apiBaseUrl);
          if (event.event === 'error') reject(new Error(line));
        } catch {
          // a partial line; wait for the rest
        }
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    void exited.then(() => reject(new Error(`host exited before ready:\n${out}`)));
  });
  ready.catch(() => {});
  return { child, ready, exited, output: () => out };
}

export interface Credentials {
  userId: string;
  sessionToken: string;
}

let signUps = 0;

export async function signUpOver(baseUrl: string): Promise<Credentials> {
  signUps += 1;
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Crash Test',
      email: `crash.${Date.now()}.${signUps}@example.com`,
      password: PASSWORD,
    }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status}`);
  const body = (await response.json()) as { token: string; user: { id: string } };
  return { userId: body.user.id, sessionToken: body.token };
}

export async function jwtFor(baseUrl: string, sessionToken: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    headers: { Authorization: `Bearer ${sessionToken}` },
  });
  if (!response.ok) throw new Error(`token failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export interface TaskState {
  completed: boolean;
  title: string;
}

/** Every task of the user (all statuses) by id, following the cursor. */
export async function allTaskIds(
  baseUrl: string,
  userId: string,
  jwt: string,
  status: 'all' | 'deleted' = 'all',
): Promise<Map<string, TaskState>> {
  const ids = new Map<string, TaskState>();
  let cursor: string | null = null;
  do {
    const query: string = `status=${status}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`${baseUrl}/api/${userId}/tasks?${query}`, {
      headers: { Authorization: `Bearer ${jwt}` },
    });
    if (!response.ok) throw new Error(`list failed: ${response.status}`);
    const page = (await response.json()) as {
      items: Array<{ id: string } & TaskState>;
      nextCursor: string | null;
    };
    for (const item of page.items) ids.set(item.id, { completed: item.completed, title: item.title });
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
