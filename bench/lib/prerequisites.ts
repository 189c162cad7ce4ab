// What `npm run bench` needs before it can measure: wrk on PATH and an up-to-date build of the
// headless host (out/main/headless.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Installs wrk with apt-get when it is missing and we are root; otherwise says how. */
export function ensureWrk(log: (line: string) => void): void {
  if (has('wrk')) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    throw new Error('wrk is not installed: run `sudo apt-get install -y wrk` (Debian/Ubuntu) and retry.');
  }
  log('Installing wrk (apt-get)...');
  for (const args of [['update'], ['install', '-y', 'wrk']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  if (!has('wrk')) throw new Error('wrk is still missing after apt-get install');
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds with electron-vite when out/main/headless.js is missing or older than its sources. */
export function ensureBuilt(root: string, log: (line: string) => void): string {
  const entry = join(root, 'out/main/headless.js');
  const sources = ['src-main', 'src-shared', 'package.json', 'electron.vite.config.ts'].map((p) => join(root, p));
  const stale = !existsSync(entry) || sources.some((p) => existsSync(p) && newestMtime(p) > statSync(entry).mtimeMs);
  if (stale || process.env.BENCH_REBUILD === '1') {
    log('Building (electron-vite build)...');
    const bin = join(root, 'node_modules/.bin/electron-vite');
    const r = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`electron-vite build failed (exit ${r.status})`);
  }
  return entry;
}

/** Pins this process (the load client side) to the given CPUs; false when taskset is unavailable. */
export function pinSelf(cpus: string): boolean {
  if (!has('taskset')) return false;
  return spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' }).status === 0;
}
