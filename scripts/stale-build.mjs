// Rebuilds a vite bundle when any of its sources is newer than its output; one build at a time (a lock folder),
// so concurrent starts (tests, several terminals) never build over each other.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_STALE_MS = 2 * 60_000;

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true }))
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  return newest;
}

function isStale(root, entry, sources) {
  if (!existsSync(join(root, entry))) return true;
  const built = statSync(join(root, entry)).mtimeMs;
  return sources.some((source) => newestMtime(join(root, source)) > built);
}

/** A lock left by a process that is gone (or older than any build) no longer holds. */
function lockIsDead(lock) {
  const stat = statSync(lock, { throwIfNoEntry: false });
  if (!stat) return false;
  if (Date.now() - stat.mtimeMs > LOCK_STALE_MS) return true;
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH' || error.code === 'ENOENT' ? Date.now() - stat.mtimeMs > 2000 : false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds `config` (a vite config file) when `entry` is older than any of `sources` (paths relative to root). */
export function buildIfStale({ root, entry, sources, config, label }) {
  if (!isStale(root, entry, sources)) return;
  const lock = join(root, 'out', `.build-lock-${config}`);
  mkdirSync(join(root, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (lockIsDead(lock)) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  let status;
  try {
    if (!isStale(root, entry, sources)) return; // another process built it meanwhile
    process.stderr.write(`Building ${label}...\n`);
    const build = spawnSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 2, 'inherit'],
    });
    status = build.status ?? 1;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (status !== 0) process.exit(status);
}
