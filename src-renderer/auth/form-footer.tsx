// The end of both auth forms: "keep me signed in" (or why it cannot be offered), the busy-aware submit button,
// and the link to the other form.

interface RememberMeProps {
  canPersist: boolean;
  persistenceNote: string | null;
  remember: boolean;
  onChange: (remember: boolean) => void;
}

export function RememberMe({ canPersist, persistenceNote, remember, onChange }: RememberMeProps) {
  return (
    <>
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={canPersist && remember}
          disabled={!canPersist}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>Keep me signed in</span>
      </label>
      {!canPersist && persistenceNote ? <p className="field-hint">{persistenceNote}</p> : null}
    </>
  );
}

interface SubmitRowProps {
  busy: boolean;
  disabled: boolean;
  label: string;
  busyLabel: string;
  switchPrompt: string;
  switchLabel: string;
  onSwitch: () => void;
}

export function SubmitRow({ busy, disabled, label, busyLabel, switchPrompt, switchLabel, onSwitch }: SubmitRowProps) {
  return (
    <>
      <button type="submit" className="button button-primary button-block" disabled={disabled} aria-busy={busy}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? busyLabel : label}
      </button>
      <p className="auth-switch">
        {switchPrompt}{' '}
        <button type="button" className="link-button" onClick={onSwitch}>
          {switchLabel}
        </button>
      </p>
    </>
  );
}
