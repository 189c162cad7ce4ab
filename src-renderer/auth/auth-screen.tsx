// The signed-out screen: a centred card that switches between sign in and sign up.
import { useEffect, useState } from 'react';
import type { TasksBridge } from '../../src-preload/contract';
import { SignedInAccounts } from '../account/signed-in-accounts';
import { SignInForm } from './sign-in-form';
import { SignUpForm } from './sign-up-form';

interface AuthScreenProps {
  bridge: TasksBridge;
  notice: string | null;
  /** Prefills sign-in (an account whose session ended). */
  email?: string | null;
  /** Adding an account while another is signed in: the way back to it. */
  onCancel?: () => void;
  cancelLabel?: string;
}

export function AuthScreen({ bridge, notice, email = null, onCancel, cancelLabel = 'Cancel' }: AuthScreenProps) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [persist, setPersist] = useState({ canPersist: true, note: null as string | null });

  useEffect(() => {
    let live = true;
    bridge.app
      .getInfo()
      .then((result) => {
        if (live && result.ok) setPersist({ canPersist: result.value.canPersistSession, note: result.value.persistenceNote });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [bridge]);

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">✓</span> Tasks
        </div>
        {mode === 'sign-in' ? (
          <SignInForm notice={notice} initialEmail={email ?? ''} canPersist={persist.canPersist} persistenceNote={persist.note} onSwitch={() => setMode('sign-up')} />
        ) : (
          <SignUpForm canPersist={persist.canPersist} persistenceNote={persist.note} onSwitch={() => setMode('sign-in')} />
        )}
        {onCancel ? (
          <p className="auth-cancel">
            <button type="button" className="link-button" onClick={onCancel}>
              {cancelLabel}
            </button>
          </p>
        ) : null}
        <SignedInAccounts accounts={bridge.accounts} />
      </div>
    </main>
  );
}
