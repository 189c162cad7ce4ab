// `npm run serve -- --data-dir DIR [--port N]`: builds the headless host when its sources changed, then runs it
// on this Node (npm puts the project's Node 22 first on PATH).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'out/headless/headless.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src-main', 'src-shared', 'package.json', 'vite.headless.config.ts'].map((p) => join(root, p));
const stale =
  !existsSync(entry) ||
  sources.some((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs) > statSync(entry).mtimeMs);
if (stale) {
  process.stderr.write('Building the headless host...\n');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'vite.headless.config.ts'], {
    cwd: root, stdio: ['ignore', 2, 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// AsyncLocalStorage (used by Better Auth) on V8's AsyncContextFrame instead of promise hooks: the hooks cost every
// promise of every request, ~12 % of the CPU of a rejected request (bench L3). Default from Node 24; same API.
const nodeFlags = ['--experimental-async-context-frame'];
const child = spawn(process.execPath, [...nodeFlags, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
