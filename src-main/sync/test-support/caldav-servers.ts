// Real CalDAV servers for the sync tests: Radicale (htpasswd, plain) and Xandikos (no auth), each on a free loopback
// port with its own temporary storage, stopped (and the storage removed) by stop(). scripts/ensure-caldav-servers.mjs
// installs them on a fresh machine.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CaldavServer {
  kind: 'radicale' | 'xandikos';
  /** The server's root, e.g. http://127.0.0.1:PORT/ */
  baseUrl: string;
  /** Where a user's calendars live (MKCALENDAR under it). */
  homeUrl: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Waits until the port accepts connections (the process printing nothing we can rely on), or the child exits. */
async function ready(child: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`CalDAV server exited (${child.exitCode}): ${output()}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`CalDAV server did not listen on ${port} within 20 s: ${output()}`);
}

async function start(kind: CaldavServer['kind']): Promise<CaldavServer> {
  const dir = mkdtempSync(join(tmpdir(), `tasks-${kind}-`));
  const port = await freePort();
  const username = 'ada';
  const password = 'correct horse';
  let args: string[];
  if (kind === 'radicale') {
    writeFileSync(join(dir, 'users'), `${username}:${password}\n`);
    args = [
      '--server-hosts',
      `127.0.0.1:${port}`,
      '--storage-filesystem-folder',
      join(dir, 'collections'),
      '--auth-type',
      'htpasswd',
      '--auth-htpasswd-filename',
      join(dir, 'users'),
      '--auth-htpasswd-encryption',
      'plain',
      '--config',
      '',
    ];
  } else {
    args = [
      '-d',
      dir,
      '--autocreate',
      '-l',
      '127.0.0.1',
      '-p',
      String(port),
      '--current-user-principal',
      `/${username}/`,
    ];
  }
  const child = spawn(kind, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  await ready(child, port, () => log);
  const baseUrl = `http://127.0.0.1:${port}/`;
  return {
    kind,
    baseUrl,
    homeUrl: kind === 'radicale' ? `${baseUrl}${username}/` : `${baseUrl}${username}/calendars/`,
    username,
    password,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const startRadicale = (): Promise<CaldavServer> => start('radicale');
export const startXandikos = (): Promise<CaldavServer> => start('xandikos');
