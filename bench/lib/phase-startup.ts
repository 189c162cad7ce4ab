// S1: headless host start-up, from spawn() to its ready line, each start a new process.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { HttpClient } from './http-client.ts';
import { startServer } from './server-process.ts';

export interface HostCommand {
  command: string;
  /** Arguments before --data-dir (node flags and the entry file). */
  args: readonly string[];
  cpus: string | null;
}

export function hostArgs(host: HostCommand, dataDir: string): string[] {
  return [...host.args, '--data-dir', dataDir];
}

/** Starts the host once, checks /api/health answers, stops it; returns spawn-to-ready ms. */
async function startOnce(host: HostCommand, dataDir: string, label: string): Promise<number> {
  const server = await startServer({
    name: label,
    command: host.command,
    args: hostArgs(host, dataDir),
    cpus: host.cpus,
  });
  try {
    const client = new HttpClient(server.baseUrl, 1);
    try {
      await client.json('GET', '/api/health', 200);
    } finally {
      client.close();
    }
    return server.readyMs;
  } finally {
    await server.stop();
  }
}

export interface StartupSamples {
  /** Each start on a new, empty data dir: database created, migrations run, auth secret generated. */
  firstRun: number[];
  /** Each start on the same, already initialised data dir: what a user sees every day. */
  restart: number[];
}

export async function measureStartup(
  host: HostCommand,
  tmpRoot: string,
  runs: number,
): Promise<StartupSamples> {
  const firstRun: number[] = [];
  const restart: number[] = [];
  let existing: string | null = null;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpRoot, 's1-first-'));
    existing ??= dir;
    firstRun.push(await startOnce(host, dir, 'headless host (first run)'));
  }
  for (let i = 0; i < runs; i++) restart.push(await startOnce(host, existing!, 'headless host (restart)'));
  return { firstRun, restart };
}
