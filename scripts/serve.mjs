// `npm run serve -- --data-dir DIR [--port N]`: builds the headless host when its sources changed, then runs it
// on this Node (npm puts the project's Node 22 first on PATH).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setInterval } from 'node:timers';
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
// An IPC channel the host watches: if this process dies (even by SIGKILL), the channel closes and the host stops.
const child = spawn(process.execPath, [...nodeFlags, entry, ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
child.channel?.unref();

// Stopping: pass the first signal on (the host also ignores repeats: Ctrl-C reaches it from the terminal too), then
// wait for the host and exit with its code. If it were still running after 6 s, kill it and exit 1.
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  setTimeout(() => {
    child.kill('SIGKILL');
    process.exit(1);
  }, 6000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// npm does not pass SIGTERM on to this script: when npm (or whatever started us) is gone, stop as if signalled.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 200).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
