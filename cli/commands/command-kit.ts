// What command modules share: building a context from a commander Command, and small argument parsers.
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext, GlobalOptions } from '../context.ts';

export type ContextFactory = (command: Command) => CliContext;

/** commander's action signature ends with (options, command); this hands the action its context and arguments. */
export function action<A extends unknown[]>(
  contextFor: ContextFactory,
  run: (ctx: CliContext, ...args: A) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    await run(contextFor(command), ...(args.slice(0, -1) as A));
  };
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** A positive whole number option (commander reports the error as a usage error, exit 2). */
export function positiveInt(max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`Give a whole number from 1 to ${max}.`);
    return n;
  };
}

/** Repeatable option: --tag a --tag b */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
