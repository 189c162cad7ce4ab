// The `tasks` command. Bundled to out/cli/tasks.mjs (vite.cli.config.ts) and run by scripts/cli.mjs (`npm run cli`,
// `npm link`), by a system Node in packaged builds, or by the app binary with `--cli`.
import { realpathSync } from 'node:fs';
import { currentPlatform } from './app-paths.ts';
import { run } from './program.ts';
import { CLI_VERSION } from './version.ts';

/** Runs the CLI on this process's streams; resolves with the exit code. */
export function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  return run(argv, {
    platform: currentPlatform(),
    streams: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
    version: CLI_VERSION,
  });
}

/** True when this file is the process's entry (node tasks.mjs, or an npm-link symlink to it), not imported. */
function isEntry(): boolean {
  try {
    return (
      process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)
    );
  } catch {
    return false;
  }
}

if (isEntry()) process.exitCode = await main();
