// Submit plumbing shared by the sign-in and sign-up forms: busy state, server errors in words, rate-limit countdown.
import { useState } from 'react';
import type { IpcResult, SessionInfo } from '../../src-preload/contract';
import { authErrorView, type AuthErrorView } from './auth-errors';
import { useCountdown } from './use-countdown';

export function useAuthSubmit(mode: 'sign-in' | 'sign-up') {
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AuthErrorView | null>(null);
  const secondsLeft = useCountdown(serverError?.retryAt ?? null);
  const rateLimited = serverError?.retryAt != null && secondsLeft > 0;

  async function submit(action: () => Promise<IpcResult<SessionInfo>>): Promise<void> {
    if (busy || rateLimited) return;
    setBusy(true);
    setServerError(null);
    try {
      const result = await action();
      if (!result.ok) setServerError(authErrorView(result.error, mode));
    } catch {
      setServerError(authErrorView({ code: 'INTERNAL', message: '' }, mode));
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    rateLimited,
    serverError,
    secondsLeft: serverError?.retryAt != null ? secondsLeft : null,
    clearFieldError: (field: 'name' | 'email' | 'password') =>
      setServerError((prev) => (prev && prev.fields[field] ? { ...prev, fields: { ...prev.fields, [field]: undefined } } : prev)),
    submit,
  };
}
