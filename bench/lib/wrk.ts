// wrk (Debian package) driven with bench/wrk-auth.lua, which prints one machine-readable line:
//   RESULT <req/s> <p50 ms> <p99 ms> <http errors (status >= 400)> <socket errors>
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with status >= 400. */
  httpErrors: number;
  socketErrors: number;
}

/** Parses the RESULT line of wrk-auth.lua; null when wrk printed none (it failed or was killed). */
export function parseWrkResult(stdout: string): WrkResult | null {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) return null;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length !== 5 || fields.some((n) => !Number.isFinite(n))) return null;
  const [rps, p50Ms, p99Ms, httpErrors, socketErrors] = fields as [number, number, number, number, number];
  return { rps, p50Ms, p99Ms, httpErrors, socketErrors };
}

/**
 * The same JWT with its signature corrupted: the first signature character changed, so the token
 * stays well-formed (three base64url parts) and only signature verification can reject it.
 */
export function corruptSignature(jwt: string): string {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !parts[2]) throw new Error('not a compact JWS');
  const sig = parts[2];
  const replacement = sig[0] === 'A' ? 'B' : 'A';
  return `${parts[0]}.${parts[1]}.${replacement}${sig.slice(1)}`;
}

export interface WrkOptions {
  url: string;
  method: 'GET' | 'POST';
  token: string;
  body?: string;
  durationSeconds: number;
  connections: number;
  threads: number;
  /** taskset CPU list for wrk, or null for unpinned. */
  cpus: string | null;
}

const LUA = fileURLToPath(new URL('../wrk-auth.lua', import.meta.url));

export async function runWrk(opts: WrkOptions): Promise<{ result: WrkResult | null; output: string }> {
  const wrkArgs = [
    `-t${opts.threads}`,
    `-c${opts.connections}`,
    `-d${opts.durationSeconds}s`,
    '--timeout',
    '5s',
    '-s',
    LUA,
    opts.url,
  ];
  const [cmd, args] =
    opts.cpus === null ? ['wrk', wrkArgs] : ['taskset', ['-c', opts.cpus, 'wrk', ...wrkArgs]];
  const env = { ...process.env, TOKEN: opts.token, METHOD: opts.method, BODY: opts.body ?? '' };
  const output = await new Promise<string>((resolve) => {
    execFile(cmd, args, { env, timeout: (opts.durationSeconds + 30) * 1000 }, (_error, stdout, stderr) =>
      resolve(`${stdout}${stderr}`),
    );
  });
  return { result: parseWrkResult(output), output };
}
