// Starts a server process (the headless host or a bare baseline), optionally pinned to CPUs with
// taskset, waits for its JSON ready line on stdout, and stops it again by the PID it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn() to the ready line. */
  readyMs: number;
  /** stderr collected so far (for error messages). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Label for error messages. */
  name: string;
  command: string;
  args: readonly string[];
  env?: Record<string, string>;
  cwd?: string;
  /** taskset CPU list, or null for unpinned. */
  cpus: string | null;
  timeoutMs?: number;
}

/** The apiBaseUrl of a `{"event":"ready","apiBaseUrl":...}` line, or null for any other line. */
export function parseReadyLine(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as { event?: unknown; apiBaseUrl?: unknown };
    return value.event === 'ready' && typeof value.apiBaseUrl === 'string' ? value.apiBaseUrl : null;
  } catch {
    return null;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startServer(opts: StartOptions): Promise<ServerProcess> {
  const [command, args] =
    opts.cpus === null
      ? [opts.command, opts.args]
      : ['taskset', ['-c', opts.cpus, opts.command, ...opts.args]];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const lines = createInterface({ input: child.stdout });
  const stop = async () => {
    lines.close();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
    }
  };
  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${opts.name}: no ready line within ${opts.timeoutMs ?? 30_000} ms`)),
        opts.timeoutMs ?? 30_000,
      );
      lines.on('line', (line) => {
        const url = parseReadyLine(line);
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${opts.name} exited before it was ready (code ${code}, signal ${signal})`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const readyMs = performance.now() - started;
    return { pid: child.pid!, baseUrl, readyMs, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    const tail = stderr.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${(error as Error).message}${tail ? `\n--- ${opts.name} stderr ---\n${tail}` : ''}`, {
      cause: error,
    });
  }
}

/** Resident set size of a process in bytes (Linux /proc), or null when it cannot be read. */
export async function residentBytes(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system) in a /proc/PID/stat line, in clock ticks. The command name (field 2) may hold
 * spaces and parentheses, so fields are counted after its closing parenthesis.
 */
export function parseCpuTicks(stat: string): number | null {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return Number.isFinite(utime) && Number.isFinite(stime) && rest.length > 12 ? utime + stime : null;
}

/** CPU seconds a process has used so far (Linux /proc; clock ticks of 1/100 s), or null when unreadable. */
export async function cpuSeconds(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const ticks = parseCpuTicks(await readFile(`/proc/${pid}/stat`, 'utf8'));
    return ticks === null ? null : ticks / 100;
  } catch {
    return null;
  }
}
