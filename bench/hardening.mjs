// `npm run bench:hardening` entry: runs bench/hardening.ts on Node's TypeScript support (see run.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const ownNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
const node = major > 22 || (major === 22 && minor >= 18) ? process.execPath : ownNode;
if (!existsSync(node)) {
  console.error(`npm run bench:hardening needs Node >= 22.18 (this is ${process.version}); run npm ci first.`);
  process.exit(1);
}
const main = fileURLToPath(new URL('./hardening.ts', import.meta.url));
const flags = ['--experimental-transform-types', '--disable-warning=ExperimentalWarning'];
const r = spawnSync(node, [...flags, main, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
