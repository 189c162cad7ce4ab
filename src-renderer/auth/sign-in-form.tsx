// Sign in: email, password, "keep me signed in"; field checks before submit, server errors in words.
import { useState, type FormEvent } from 'react';
import { useSession } from './session-context';
import { hasErrors, validateSignIn, type FieldErrors } from './auth-validation';
import { FormBanner } from './form-banner';
import { RememberMe, SubmitRow } from './form-footer';
import { TextField } from './text-field';
import { useAuthSubmit } from './use-auth-submit';

interface SignInFormProps {
  notice: string | null;
  /** Prefilled email (signing in again as a known account). */
  initialEmail?: string;
  canPersist: boolean;
  persistenceNote: string | null;
  onSwitch: () => void;
}

export function SignInForm({ notice, initialEmail = '', canPersist, persistenceNote, onSwitch }: SignInFormProps) {
  const { signIn } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const [errors, setErrors] = useState<FieldErrors<'email' | 'password'>>({});
  const auth = useAuthSubmit('sign-in');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setErrors(found);
    if (hasErrors(found)) return;
    void auth.submit(() => signIn({ email: email.trim(), password, remember: canPersist && remember }));
  }

  const banner = auth.serverError?.banner ?? null;
  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate aria-labelledby="auth-title">
      <h1 id="auth-title" className="auth-title">
        Sign in
      </h1>
      <p className="auth-subtitle">Welcome back. Your tasks stay on this computer.</p>
      {banner ? (
        <FormBanner message={banner} tone="error" secondsLeft={auth.secondsLeft} />
      ) : (
        <FormBanner message={notice} tone="info" />
      )}
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        autoFocus={initialEmail === ''}
        value={email}
        error={errors.email ?? auth.serverError?.fields.email}
        onChange={(e) => {
          setEmail(e.target.value);
          setErrors((prev) => ({ ...prev, email: undefined }));
        }}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        autoFocus={initialEmail !== ''}
        value={password}
        error={errors.password ?? auth.serverError?.fields.password}
        onChange={(e) => {
          setPassword(e.target.value);
          setErrors((prev) => ({ ...prev, password: undefined }));
        }}
      />
      <RememberMe canPersist={canPersist} persistenceNote={persistenceNote} remember={remember} onChange={setRemember} />
      <SubmitRow
        busy={auth.busy}
        disabled={auth.busy || auth.rateLimited}
        label="Sign in"
        busyLabel="Signing in…"
        switchPrompt="New here?"
        switchLabel="Create an account"
        onSwitch={onSwitch}
      />
    </form>
  );
}
