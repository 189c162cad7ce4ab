// The sign-up password hint: a four-step bar plus words (the words carry the meaning; the bar is decoration).
import { passwordStrength } from './password-strength';

export function StrengthMeter({ password, context }: { password: string; context: readonly string[] }) {
  if (!password) return <span>At least 10 characters. A few unrelated words make a strong password.</span>;
  const strength = passwordStrength(password, context);
  return (
    <span className="strength" data-level={strength.level}>
      <span className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={step <= strength.level ? 'strength-step on' : 'strength-step'} />
        ))}
      </span>
      <span aria-live="polite">
        <strong>{strength.label}.</strong> {strength.hint}
      </span>
    </span>
  );
}
