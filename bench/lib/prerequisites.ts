// What `npm run bench` needs before it can measure: wrk on PATH and an up-to-date build of the
// headless host (out/headless/headless.mjs, built by vite.headless.config.ts like `npm run serve` does).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const has = (cmd: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Installs wrk with apt-get when it is missing and we are root; otherwise says how. */
export function ensureWrk(log: (line: string) => void): void {
  if (has('wrk')) return;
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    throw new Error('wrk is not installed: run `sudo apt-get install -y wrk` (Debian/Ubuntu) and retry.');
  }
  log('Installing wrk (apt-get)...');
  for (const args of [['update'], ['install', '-y', 'wrk']]) {
    const r = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
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

/** Builds the headless host when its bundle is missing or older than its sources. */
export function ensureBuilt(root: string, log: (line: string) => void): string {
  const config = 'vite.headless.config.ts';
  const entry = join(root, 'out/headless/headless.mjs');
  const sources = ['src-main', 'src-shared', 'package.json', config].map((p) => join(root, p));
  const stale =
    !existsSync(entry) || sources.some((p) => existsSync(p) && newestMtime(p) > statSync(entry).mtimeMs);
  if (stale || process.env.BENCH_REBUILD === '1') {
    log(`Building the headless host (vite build --config ${config})...`);
    const bin = join(root, 'node_modules/.bin/vite');
    const r = spawnSync(bin, ['build', '--config', config], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0 || !existsSync(entry)) throw new Error(`the headless build failed (exit ${r.status})`);
  }
  return entry;
}

/** Pins this process (the load client side) to the given CPUs; false when taskset is unavailable. */
export function pinSelf(cpus: string): boolean {
  if (!has('taskset')) return false;
  return (
    spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' }).status === 0
  );
}
