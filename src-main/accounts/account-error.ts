// A failure of an account operation with a stable code that crosses IPC as it is (its message is written for people).
import type { IpcErrorCode } from '../../src-preload/contract.ts';

export type AccountErrorCode = Extract<IpcErrorCode, 'NOT_FOUND' | 'SESSION_EXPIRED' | 'INVALID_CREDENTIALS' | 'INVALID_INPUT' | 'RATE_LIMITED'>;

export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
