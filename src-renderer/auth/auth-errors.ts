// Turns a bridge error (stable IPC codes) into words next to the right field, or one line above the form.
import type { IpcError } from '../../src-preload/contract';

export interface AuthErrorView {
  fields: Partial<Record<'name' | 'email' | 'password', string>>;
  banner: string | null;
  /** Epoch ms until which submitting is pointless (RATE_LIMITED). */
  retryAt: number | null;
}

export function authErrorView(error: IpcError, mode: 'sign-in' | 'sign-up'): AuthErrorView {
  const none: AuthErrorView = { fields: {}, banner: null, retryAt: null };
  switch (error.code) {
    case 'EMAIL_TAKEN':
      return { ...none, fields: { email: 'An account with this email already exists. Sign in instead.' } };
    case 'INVALID_CREDENTIALS':
      return { ...none, banner: 'That email and password do not match an account on this computer.' };
    case 'WEAK_PASSWORD':
      return { ...none, fields: { password: error.message || 'Choose a stronger password.' } };
    case 'RATE_LIMITED':
      return {
        ...none,
        banner: mode === 'sign-in' ? 'Too many sign-in attempts.' : 'Too many attempts.',
        retryAt: Date.now() + (error.retryAfterMs ?? 30_000),
      };
    case 'INVALID_INPUT': {
      const fields: AuthErrorView['fields'] = {};
      for (const [key, message] of Object.entries(error.fields ?? {})) {
        if (key === 'name' || key === 'email' || key === 'password') fields[key] = message;
      }
      return { ...none, fields, banner: Object.keys(fields).length ? null : error.message };
    }
    case 'SESSION_EXPIRED':
      return { ...none, banner: 'Your session ended. Sign in again.' };
    default:
      return { ...none, banner: 'Something went wrong on this computer. Try again in a moment.' };
  }
}
