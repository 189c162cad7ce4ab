// `npm run serve -- --data-dir DIR [--port N]`: builds the headless host when its sources changed, then runs it
// on this Node (npm puts the project's Node 22 first on PATH).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale } from './stale-build.mjs';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'out/headless/headless.mjs');
buildIfStale({
  root,
  entry: 'out/headless/headless.mjs',
  sources: ['src-main', 'src-shared', 'package.json', 'vite.headless.config.ts'],
  config: 'vite.headless.config.ts',
  label: 'the headless host',
});

// AsyncLocalStorage (used by Better Auth) on V8's AsyncContextFrame instead of promise hooks: the hooks cost every
// promise of every request, ~12 % of the CPU of a rejected request (bench L3). Default from Node 24; same API.
const nodeFlags = ['--experimental-async-context-frame'];
const child = spawn(process.execPath, [...nodeFlags, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
