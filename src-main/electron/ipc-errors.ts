// Turns anything a handler throws into a stable IpcError. AuthError codes cross as they are (their messages
// are written for users); everything else becomes INTERNAL with a generic message, logged without a stack.
import { AccountError } from '../accounts/account-error.ts';
import { AuthError } from '../auth/auth-types.ts';
import type { Logger } from '../core/logger.ts';
import type { IpcError, IpcResult } from '../../src-preload/contract.ts';

export const INTERNAL_MESSAGE = 'Something went wrong inside Tasks Desktop. Please try again.';

export function toIpcError(error: unknown, channel: string, logger: Logger): IpcError {
  if (error instanceof AuthError) {
    if (error.code === 'INTERNAL') logger.error('Auth failed', { channel, error: error.message });
    return error.retryAfterMs === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof AccountError) {
    return error.fields === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, fields: error.fields };
  }
  logger.error('IPC handler failed', {
    channel,
    error: error instanceof Error ? `${error.name}: ${error.message}` : typeof error,
  });
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}

export function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}
