// Sign up: name, email, password with a live strength hint; field checks before submit, server errors in words.
import { useState, type FormEvent } from 'react';
import { useSession } from './session-context';
import { hasErrors, validateSignUp, type FieldErrors } from './auth-validation';
import { FormBanner } from './form-banner';
import { RememberMe, SubmitRow } from './form-footer';
import { StrengthMeter } from './strength-meter';
import { TextField } from './text-field';
import { useAuthSubmit } from './use-auth-submit';

type Field = 'name' | 'email' | 'password';

interface SignUpFormProps {
  canPersist: boolean;
  persistenceNote: string | null;
  onSwitch: () => void;
}

export function SignUpForm({ canPersist, persistenceNote, onSwitch }: SignUpFormProps) {
  const { signUp } = useSession();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [remember, setRemember] = useState(true);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const auth = useAuthSubmit('sign-up');

  const change = (field: Field) => (e: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: e.target.value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
    auth.clearFieldError(field);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validateSignUp(values);
    setErrors(found);
    if (hasErrors(found)) return;
    const request = { name: values.name.trim(), email: values.email.trim(), password: values.password };
    void auth.submit(() => signUp({ ...request, remember: canPersist && remember }));
  }

  const fieldError = (field: Field) => errors[field] ?? auth.serverError?.fields[field];
  const emailTaken = auth.serverError?.fields.email !== undefined && !errors.email;
  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate aria-labelledby="auth-title">
      <h1 id="auth-title" className="auth-title">
        Create your account
      </h1>
      <p className="auth-subtitle">Accounts are local to this computer. Nobody else here can read your tasks.</p>
      <FormBanner message={auth.serverError?.banner ?? null} tone="error" secondsLeft={auth.secondsLeft} />
      <TextField label="Name" autoComplete="name" dir="auto" autoFocus value={values.name} error={fieldError('name')} onChange={change('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        value={values.email}
        error={fieldError('email')}
        onChange={change('email')}
      />
      {emailTaken ? (
        <button type="button" className="link-button field-action" onClick={onSwitch}>
          Go to sign in
        </button>
      ) : null}
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        error={fieldError('password')}
        // One message at a time: an error about the password replaces the strength hint (which says the same).
        hint={fieldError('password') ? undefined : <StrengthMeter password={values.password} context={[values.name, values.email.split('@')[0] ?? '']} />}
        onChange={change('password')}
      />
      <RememberMe canPersist={canPersist} persistenceNote={persistenceNote} remember={remember} onChange={setRemember} />
      <SubmitRow
        busy={auth.busy}
        disabled={auth.busy || auth.rateLimited}
        label="Create account"
        busyLabel="Creating account…"
        switchPrompt="Already have an account?"
        switchLabel="Sign in"
        onSwitch={onSwitch}
      />
    </form>
  );
}
