// `<app binary> --cli <args>`: the packaged app runs the `tasks` CLI instead of opening a window, for machines
// without Node (packaged builds turn the RunAsNode fuse off, so ELECTRON_RUN_AS_NODE cannot be used). Checked
// before anything else in main: no app:// scheme, no single-instance lock, no window. The CLI is the same bundle
// a system Node runs (out/cli/tasks.mjs; resources/cli/tasks.mjs when packaged); it talks to the app over HTTP.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLI_FLAG = '--cli';

interface CliApp {
  isPackaged: boolean;
  getAppPath(): string;
  exit(code?: number): void;
}

/** The CLI's arguments when the app was started as `<binary> --cli ...`, else null. */
export function cliArguments(argv: readonly string[], isPackaged: boolean): string[] | null {
  // Packaged: [binary, ...args]; development: [electron, <app path>, ...args].
  const args = argv.slice(isPackaged ? 1 : 2);
  return args[0] === CLI_FLAG ? args.slice(1) : null;
}

export function cliBundlePath(app: Pick<CliApp, 'isPackaged' | 'getAppPath'>, resourcesPath: string): string {
  return app.isPackaged
    ? join(resourcesPath, 'cli', 'tasks.mjs')
    : join(app.getAppPath(), 'out', 'cli', 'tasks.mjs');
}

/** Runs the CLI bundle and exits the app with its exit code (1 when the bundle cannot be loaded). */
export async function runCliMode(app: CliApp, args: string[], bundle: string): Promise<void> {
  let code: number;
  try {
    const cli = (await import(pathToFileURL(bundle).href)) as { main(argv: string[]): Promise<number> };
    code = await cli.main(args);
  } catch (error) {
    process.stderr.write(
      `tasks: the CLI could not start from ${bundle}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    code = 1;
  }
  app.exit(code);
}
