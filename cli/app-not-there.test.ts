// The CLI and `tasks mcp` when the app is not there (issue 16 item 9): an impostor on the port api.json names
// never gets a credential, errors say what failed, MCP starts without the app and works once it starts.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../src-main/testing/test-core.ts';
import { CLI_SCRIPT, type CliHarness, ROOT, startCliHarness } from './testing/cli-harness.ts';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

interface Impostor {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** A server on a loopback port that records every request and answers `health` for /api/health. */
async function impostor(health: (res: ServerResponse) => void): Promise<Impostor> {
  const seen: Seen[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      if (req.url === '/api/health') health(res);
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"x","items":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let h: CliHarness;

beforeAll(async () => {
  h = await startCliHarness();
  expect((await h.cli(['--version'])).code).toBe(0); // builds the bundle if needed
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the CLI checks the server is this app before it sends a credential', () => {
  it('an impostor on the port of a stale api.json gets one anonymous /api/health and nothing else', async () => {
    const token = await h.token(['tasks:read', 'tasks:write']);
    const cases = [
      // Another program that answers 404: not the app at all.
      (res: ServerResponse) => res.writeHead(404).end('Not Found'),
      // One that copies the app's health answer but is another process than the one api.json names.
      (res: ServerResponse) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', app: 'tasks-desktop', name: 'Tasks Desktop', version: '0.1.0', pid: 1 })),
      // One that answers 200 with something else.
      (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>hello</h1>'),
    ];
    const reasons = [/HTTP 404/, /it is process 1, but .*api\.json names process \d+/, /not JSON/];
    const realApiJson = h.host.core.apiBaseUrl;
    try {
      for (const [i, health] of cases.entries()) {
        const fake = await impostor(health);
        try {
          h.writeApiJson(fake.url); // a live pid (this test's), another program's port
          const ls = await h.cli(['ls'], { env: { TASKS_TOKEN: token } });
          const login = await h.cli(['login', '--email', h.user.email, '--password-stdin', '--json'], {
            input: PASSWORD,
          });
          for (const run of [ls, login]) {
            expect(run.code).toBe(3);
            expect(run.stderr).toMatch(/is not Tasks Desktop/);
            expect(run.stderr).toMatch(reasons[i]!);
            expect(run.stderr).toMatch(/No credential was sent to it/);
          }
          expect(fake.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /api/health', 'GET /api/health']);
          expect(fake.seen.every((s) => s.authorization === undefined && s.body === '')).toBe(true);
        } finally {
          await fake.close();
        }
      }
    } finally {
      h.writeApiJson(realApiJson);
    }
    expect((await h.cli(['ls'], { env: { TASKS_TOKEN: token } })).code).toBe(0); // the real app passes the check
  });

  it('--api to a server that is not the app is refused the same way', async () => {
    const fake = await impostor((res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
    try {
      const run = await h.cli(['ls', '--api', fake.url], { env: { TASKS_TOKEN: h.user.jwt } });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/does not name Tasks Desktop/);
      expect(fake.seen.map((s) => s.url)).toEqual(['/api/health']);
      expect(fake.seen[0]!.authorization).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});

describe('errors say what failed', () => {
  it('a refused connection names the address and the reason, not a bare TypeError', async () => {
    const port = await closedPort();
    const run = await h.cli(['ls', '--api', `http://127.0.0.1:${port}`], { env: { TASKS_TOKEN: h.user.jwt } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `Could not reach Tasks Desktop at http://127.0.0.1:${port} (--api): connection refused to 127.0.0.1:${port} (ECONNREFUSED).`,
    );
    expect(run.stderr).not.toMatch(/TypeError/);
  });

  it('a server that closes the connection without answering is named as such', async () => {
    const server = createServer((req) => req.socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const run = await h.cli(['ls', '--api', `http://127.0.0.1:${port}`], { env: { TASKS_TOKEN: h.user.jwt } });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/the connection closed before an answer \(UND_ERR_SOCKET\)|the connection was reset/);
      expect(run.stderr).not.toMatch(/TypeError/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the config folder', () => {
  it('an existing 0755 config folder is set to 0700 when the login is stored', async () => {
    const configDir = join(h.home, 'loose-config');
    mkdirSync(configDir, { mode: 0o755 });
    chmodSync(configDir, 0o755); // whatever the umask
    const login = await h.cli(['login', '--email', h.user.email, '--password-stdin'], {
      input: PASSWORD,
      env: { TASKS_CONFIG_DIR: configDir },
    });
    expect(login.code).toBe(0);
    expect(statSync(configDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(configDir, 'credentials.json')).mode & 0o777).toBe(0o600);
  });
});

function text(result: unknown): string {
  const content = (result as CallToolResult).content[0];
  return content?.type === 'text' ? content.text : '';
}

describe('tasks mcp without the app', () => {
  it('starts, lists its tools, says the app is not running, and works once the app starts', async () => {
    const token = await h.token(['tasks:read', 'tasks:write']);
    await h.host.core.stop(); // a clean stop removes api.json: the app is not running
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_SCRIPT, 'mcp'],
      cwd: ROOT,
      env: h.env({ TASKS_TOKEN: token }),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'tasks-test', version: '1.0.0' });
    try {
      await client.connect(transport); // initialize answered
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['list_tasks', 'create_task']));

      const down = await client.callTool({ name: 'list_tasks', arguments: {} });
      expect(down.isError).toBe(true);
      expect(text(down)).toMatch(/^UNREACHABLE: Tasks Desktop is not running; start it/);
      expect(text(down)).toMatch(/no api\.json in /);

      await h.host.restart(); // the app starts (on a new port, written to api.json)
      const created = await client.callTool({ name: 'create_task', arguments: { title: 'After the app started' } });
      expect(created.isError).toBeFalsy();
      expect(JSON.parse(text(created).split('\n\nTo undo this')[0]!)).toMatchObject({ title: 'After the app started' });
      const listed = await client.callTool({ name: 'list_tasks', arguments: { q: 'after the app' } });
      expect(text(listed)).toContain('After the app started');

      // The app restarts elsewhere: the next call finds it again without an error.
      await h.host.restart();
      const again = await client.callTool({ name: 'list_tasks', arguments: { q: 'after the app' } });
      expect(again.isError).toBeFalsy();
      expect(text(again)).toContain('After the app started');
    } finally {
      await client.close();
    }
  }, 60_000);

  it('a read-only token found once the app starts hides the write tools and refuses a write clearly', async () => {
    const token = await h.token(['tasks:read']);
    await h.host.core.stop();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI_SCRIPT, 'mcp'],
      cwd: ROOT,
      env: h.env({ TASKS_TOKEN: token }),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'tasks-test', version: '1.0.0' });
    let listChanged!: () => void;
    const changed = new Promise<void>((resolve) => (listChanged = resolve));
    try {
      await client.connect(transport);
      const { ToolListChangedNotificationSchema } = await import('@modelcontextprotocol/sdk/types.js');
      client.setNotificationHandler(ToolListChangedNotificationSchema, () => listChanged());
      await h.host.restart();
      const write = await client.callTool({ name: 'create_task', arguments: { title: 'Nope' } });
      expect(write.isError).toBe(true);
      expect(text(write)).toMatch(/^INSUFFICIENT_SCOPE: This token is read-only/);
      await changed;
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(
        ['get_task', 'list_lists', 'list_tags', 'list_tasks'],
      );
    } finally {
      await client.close();
    }
  }, 60_000);
});
