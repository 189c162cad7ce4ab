// The CLI's exit codes (a contract for scripts) and the one error type that carries them.

export const EXIT = {
  OK: 0,
  /** The API refused the request or something else went wrong. */
  ERROR: 1,
  /** Bad command line: unknown command or option, missing or invalid argument. */
  USAGE: 2,
  /** No API to talk to: the app is not running, or it is not where discovery looked. */
  UNREACHABLE: 3,
  /** No token, or the API refused it (401, 403). */
  UNAUTHORIZED: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliErrorOptions {
  /** The API's error code when the API answered, else a CLI code such as UNREACHABLE. */
  code: string;
  /** A next step for the user, printed under the message. */
  hint?: string;
  details?: unknown;
  /** What failed underneath (a fetch's error), kept as Error.cause. */
  cause?: unknown;
}

// (No parameter properties: the CLI runs on Node's type stripping, which does not rewrite them.)
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly hint: string | undefined;
  readonly details: unknown;

  constructor(message: string, exitCode: ExitCode, options: CliErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.code = options.code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.USAGE, { code: 'USAGE' });
}

export function unauthorized(message: string, hint?: string): CliError {
  return new CliError(
    message,
    EXIT.UNAUTHORIZED,
    hint === undefined ? { code: 'AUTH_MISSING' } : { code: 'AUTH_MISSING', hint },
  );
}
