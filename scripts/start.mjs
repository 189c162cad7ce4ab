#!/usr/bin/env node
// `npm start`: build (electron-vite build), then launch the desktop app (electron-vite preview).
// `npm run dev`: electron-vite dev (hot reload). Extra arguments after `--` go to electron-vite.
// `node scripts/start.mjs --check-electron`: only report whether the Electron binary is usable.
//
// The electron package fetches its binary lazily. Where it is missing and cannot be downloaded (offline
// machines, ELECTRON_SKIP_BINARY_DOWNLOAD), this prints one clear message pointing to the headless host
// (`npm run serve`) and exits non-zero, instead of a stack trace from deep inside electron-vite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const EXIT_NO_ELECTRON = 3;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

const args = process.argv.slice(2);
const dev = args.includes('--dev');
const checkOnly = args.includes('--check-electron');
const passThrough = args.filter((arg) => arg !== '--dev' && arg !== '--check-electron' && arg !== '--');

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
  } catch {
    return null;
  }
}

/** Where the electron binary is, following the same rules as the electron package; null if absent. */
function findElectronBinary(electronDir, env) {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = path.join(electronDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

/** Runs the electron package's own installer once; returns null on success or a one-line reason. */
function tryDownload(electronDir) {
  if (process.stderr.isTTY) process.stderr.write('Downloading the Electron binary (first start)...\n');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
    env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '1' },
  });
  if (result.error) return result.error.code === 'ETIMEDOUT' ? 'the download timed out' : `the download failed (${result.error.message})`;
  if (result.status === 0) return null;
  const firstError = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at '));
  return `the download failed (${(firstError ?? `exit code ${result.status}`).slice(0, 160)})`;
}

function explainMissingElectron(reason) {
  process.stderr.write(
    `Tasks Desktop cannot open its window here: the Electron binary is not installed (${reason}). ` +
      'Run the same services without a window instead: npm run serve -- --data-dir DIR\n',
  );
}

function resolveElectron() {
  const electronDir = packageDir('electron');
  if (!electronDir) return { binary: null, reason: 'the electron package is not installed; run npm install' };
  const found = findElectronBinary(electronDir, process.env);
  if (found) return { binary: found, reason: null };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { binary: null, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  const failure = tryDownload(electronDir);
  if (failure) return { binary: null, reason: failure };
  const downloaded = findElectronBinary(electronDir, process.env);
  return downloaded ? { binary: downloaded, reason: null } : { binary: null, reason: 'the download finished but no binary was found' };
}

function run(command, commandArgs, env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
    child.on('error', (error) => {
      process.stderr.write(`Could not run ${path.basename(command)}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const { binary, reason } = resolveElectron();
  if (!binary) {
    explainMissingElectron(reason);
    return EXIT_NO_ELECTRON;
  }
  if (checkOnly) {
    process.stdout.write(`Electron binary: ${binary}\n`);
    return 0;
  }
  const electronViteDir = packageDir('electron-vite');
  if (!electronViteDir) {
    process.stderr.write('electron-vite is not installed; run npm install.\n');
    return 1;
  }
  const cli = path.join(electronViteDir, 'bin', 'electron-vite.js');
  // electron-vite reads ELECTRON_EXEC_PATH first, so an override found above is honoured there too.
  const env = { ...process.env, ELECTRON_EXEC_PATH: binary };
  if (dev) return run(process.execPath, [cli, 'dev', ...passThrough], env);
  const built = await run(process.execPath, [cli, 'build'], env);
  if (built !== 0) return built;
  return run(process.execPath, [cli, 'preview', '--skipBuild', ...passThrough], env);
}

process.exitCode = await main();
