#!/usr/bin/env node
// `npm run -s cli -- <args>` and the `tasks` bin (`npm link`): builds the CLI bundle when its sources changed, then
// runs it in this process (any Node >= 20).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale } from './stale-build.mjs';

const root = join(import.meta.dirname, '..');
buildIfStale({
  root,
  entry: 'out/cli/tasks.mjs',
  sources: ['cli', 'src-shared', 'package.json', 'vite.cli.config.ts'],
  config: 'vite.cli.config.ts',
  label: 'the tasks CLI',
});
const { main } = await import(pathToFileURL(join(root, 'out/cli/tasks.mjs')).href);
process.exitCode = await main(process.argv.slice(2));
