// A quick, local estimate of password strength for the sign-up hint. The server enforces the real rules
// (src-shared/account-rules.ts, the same constants); this only guides the person typing.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src-shared/account-rules';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  level: StrengthLevel;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  hint: string;
}

const COMMON = ['password', 'qwerty', '123456', 'letmein', 'welcome', 'iloveyou', 'admin', 'abc123', 'monkey', 'dragon'];

export function passwordStrength(password: string, context: readonly string[] = []): PasswordStrength {
  if (password.length < PASSWORD_MIN_LENGTH) {
    const missing = PASSWORD_MIN_LENGTH - password.length;
    return { level: 0, label: 'Too short', hint: `Use at least ${PASSWORD_MIN_LENGTH} characters (${missing} more).` };
  }
  const lower = password.toLowerCase();
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const unique = new Set(password).size;
  const personal = context.map((c) => c.toLowerCase()).filter((c) => c.length >= 3);
  const predictable =
    COMMON.some((word) => lower.includes(word)) ||
    personal.some((c) => lower.includes(c)) ||
    unique <= 3 ||
    /^(.)\1+$/.test(password);
  if (predictable) {
    return { level: 1, label: 'Weak', hint: 'Avoid common words, repeats and your name or email.' };
  }
  let score = 1;
  if (password.length >= 14) score += 1;
  if (password.length >= 20) score += 1;
  if (classes >= 3) score += 1;
  if (unique >= 8 && classes >= 2) score += 0.5;
  const level = Math.min(4, Math.max(1, Math.floor(score))) as StrengthLevel;
  const labels = { 1: 'Weak', 2: 'Fair', 3: 'Good', 4: 'Strong' } as const;
  const hints = {
    1: 'Add length or mix in numbers and symbols.',
    2: 'Longer is stronger: a few unrelated words work well.',
    // The label is said first ("Good." / "Strong."): the hint adds to it and never repeats it.
    3: 'A little longer makes it strong.',
    4: 'Hard to guess.',
  } as const;
  return { level, label: labels[level as 1 | 2 | 3 | 4], hint: hints[level as 1 | 2 | 3 | 4] };
}
