// The `tasks` command line: commander builds it, run() turns any outcome into an exit code.
import { Command, CommanderError } from 'commander';
import { type PlatformEnv } from './app-paths.ts';
import { CliError, EXIT, type ExitCode } from './cli-error.ts';
import { registerAuthCommands } from './commands/auth-commands.ts';
import { globalOptions } from './commands/command-kit.ts';
import { registerMcpCommand } from './commands/mcp-command.ts';
import { registerTaskCommands } from './commands/task-commands.ts';
import { registerTokenCommands } from './commands/token-commands.ts';
import { registerTransferCommands } from './commands/transfer-commands.ts';
import { CliContext } from './context.ts';
import { describeError } from './fetch-failure.ts';
import { type OutputStreams, useColour } from './output.ts';

export interface RunDeps {
  platform: PlatformEnv;
  streams: OutputStreams & { stdin: NodeJS.ReadableStream & { isTTY?: boolean } };
  version: string;
}

const EXIT_HELP = `
Exit codes: 0 ok, 1 error, 2 usage, 3 app not reachable, 4 not authorized.
Finding the app: --api URL, TASKS_API_URL, or api.json in --data-dir / TASKS_DATA_DIR / the app's data directory.
Token: TASKS_TOKEN, else the one \`tasks login\` stored.`;

export function buildProgram(deps: RunDeps): Command {
  const program = new Command('tasks')
    .description('Tasks Desktop from the command line (talks to the running app over its local HTTP API)')
    .version(deps.version, '-V, --version')
    .option('--api <url>', 'the API base URL (default: TASKS_API_URL, else api.json)')
    .option(
      '--data-dir <dir>',
      'the app data directory holding api.json (default: TASKS_DATA_DIR, else the app default)',
    )
    .option('--json', 'machine-readable JSON output')
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => deps.streams.stdout.write(text),
      writeErr: (text) => deps.streams.stderr.write(text),
    });

  const contextFor = (command: Command) =>
    new CliContext(deps.platform, globalOptions(command), deps.streams);
  registerTaskCommands(program, contextFor);
  registerTransferCommands(program, contextFor);
  registerTokenCommands(program, contextFor);
  registerAuthCommands(program, contextFor);
  registerMcpCommand(program, contextFor);
  // Subcommands inherit exitOverride/output settings only when copied: apply them to every level.
  const apply = (command: Command) => {
    for (const sub of command.commands) {
      sub
        .exitOverride()
        .configureOutput(program.configureOutput())
        .showHelpAfterError('(add --help for usage)');
      sub.configureHelp({ showGlobalOptions: true });
      apply(sub);
    }
  };
  apply(program);
  return program;
}

function report(deps: RunDeps, error: CliError, json: boolean): void {
  if (json) {
    const body = {
      error: {
        code: error.code,
        message: error.message,
        exitCode: error.exitCode,
        hint: error.hint,
        details: error.details,
      },
    };
    deps.streams.stderr.write(JSON.stringify(body) + '\n');
    return;
  }
  const colour = useColour(deps.streams.stderr, deps.platform.env, true);
  const red = (text: string) => (colour ? `\u001b[31m${text}\u001b[39m` : text);
  deps.streams.stderr.write(`${red('tasks:')} ${error.message}\n`);
  if (error.hint) deps.streams.stderr.write(`${error.hint}\n`);
}

/** Runs the command line; resolves with the exit code (never rejects, never calls process.exit). */
export async function run(argv: string[], deps: RunDeps): Promise<ExitCode> {
  const program = buildProgram(deps);
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version were printed; anything else (unknown option, missing argument, bad choice) was too.
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
        ? EXIT.OK
        : EXIT.USAGE;
    }
    if (error instanceof CliError) {
      report(deps, error, json);
      return error.exitCode;
    }
    report(
      deps,
      new CliError(describeError(error), EXIT.ERROR, { code: 'INTERNAL' }),
      json,
    );
    return EXIT.ERROR;
  }
}
