// `npm run bench` entry. The benchmark is TypeScript (bench/main.ts) and imports a few of the
// product's modules (constants, migrations), so it runs on Node's built-in TypeScript support with
// --experimental-transform-types (the product uses parameter properties, which strip-only mode
// rejects). Uses the project's own Node 22 (the `node` devDependency) when this Node is older.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const ownNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
const node = major > 22 || (major === 22 && minor >= 18) ? process.execPath : ownNode;
if (!existsSync(node)) {
  console.error(`npm run bench needs Node >= 22.18 (this is ${process.version}); run npm ci first.`);
  process.exit(1);
}
// `node bench/run.mjs automation` runs bench/automation.ts (npm run bench:automation).
const script = process.argv[2] === 'automation' ? './automation.ts' : './main.ts';
const main = fileURLToPath(new URL(script, import.meta.url));
const flags = ['--experimental-transform-types', '--disable-warning=ExperimentalWarning'];
const args = process.argv.slice(process.argv[2] === 'automation' ? 3 : 2);
const r = spawnSync(node, [...flags, main, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
