#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium for the end-to-end tests (playwright-core drives it;
// Playwright's own browser downloads are not reachable here). Installs it with apt-get when missing and we are
// root; otherwise stops with a clear error that says what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function version(path) {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

if (isExecutable(CHROMIUM)) {
  const found = version(CHROMIUM);
  if (found) {
    console.log(`ensure-chromium: ${found} at ${CHROMIUM}`);
    process.exit(0);
  }
  fail(`${CHROMIUM} exists but \`${CHROMIUM} --version\` failed; reinstall it with: apt-get install --reinstall chromium`);
}

if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH=${CHROMIUM} is not an executable file.`);
if (process.platform !== 'linux') fail('Chromium is missing and automatic install is only supported on Debian Linux.');
if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  fail(`${CHROMIUM} is missing. Install Debian's Chromium first: sudo apt-get update && sudo apt-get install -y chromium`);
}
if (!isExecutable('/usr/bin/apt-get')) fail(`${CHROMIUM} is missing and apt-get is not available to install it.`);

console.log('ensure-chromium: installing Debian chromium with apt-get (one-time)...');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
    stdio: 'inherit',
    env,
  });
} catch (error) {
  fail(`apt-get could not install chromium (${error instanceof Error ? error.message : String(error)}).`);
}

const installed = isExecutable(CHROMIUM) ? version(CHROMIUM) : null;
if (!installed) fail(`apt-get finished but ${CHROMIUM} is still not usable.`);
console.log(`ensure-chromium: installed ${installed}`);
