#!/usr/bin/env node
// Makes sure the CalDAV servers the sync tests start are installed: Debian's radicale and xandikos (issue 18 §5:
// tested against real servers on loopback ports). Installs them with apt-get when missing and we are root;
// otherwise stops with a clear error that says what to run. Like ensure-chromium.mjs.
import { execFileSync, spawnSync } from 'node:child_process';

const SERVERS = [
  { command: 'radicale', args: ['--version'], package: 'radicale' },
  { command: 'xandikos', args: ['--version'], package: 'xandikos' },
];

function version(server) {
  const result = spawnSync(server.command, server.args, { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? (result.stdout || result.stderr).trim().split('\n')[0] : null;
}

function fail(message) {
  console.error(`ensure-caldav-servers: ${message}`);
  process.exit(1);
}

const missing = SERVERS.filter((server) => version(server) === null);
for (const server of SERVERS.filter((s) => !missing.includes(s))) {
  console.log(`ensure-caldav-servers: ${server.command} ${version(server)}`);
}
if (missing.length === 0) process.exit(0);

const names = missing.map((s) => s.package).join(' ');
if (process.platform !== 'linux') fail(`${names} missing; automatic install is only supported on Debian Linux.`);
if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  fail(`${names} missing. Install them first: sudo apt-get update && sudo apt-get install -y ${names}`);
}
console.log(`ensure-caldav-servers: installing ${names} with apt-get (one-time)...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing.map((s) => s.package)], { stdio: 'inherit', env });
} catch (error) {
  fail(`apt-get could not install ${names} (${error instanceof Error ? error.message : String(error)}).`);
}
const still = missing.filter((server) => version(server) === null);
if (still.length > 0) fail(`apt-get finished but ${still.map((s) => s.command).join(', ')} still does not run.`);
console.log(`ensure-caldav-servers: installed ${names}`);
