// Field-level checks run before submit, so most mistakes never reach main.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-strength';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(email: string): string | undefined {
  const value = email.trim();
  if (!value) return 'Enter your email address.';
  if (value.length > 254 || !EMAIL.test(value)) return 'Enter an email address like name@example.com.';
  return undefined;
}

export function validateNewPassword(password: string): string | undefined {
  if (!password) return 'Choose a password.';
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return undefined;
}

export function validateName(name: string): string | undefined {
  const value = name.trim();
  if (!value) return 'Enter your name.';
  if (value.length > 100) return 'Use at most 100 characters.';
  return undefined;
}

export function validateSignIn(values: { email: string; password: string }): FieldErrors<'email' | 'password'> {
  return {
    email: validateEmail(values.email),
    password: values.password ? undefined : 'Enter your password.',
  };
}

export function validateSignUp(values: {
  name: string;
  email: string;
  password: string;
}): FieldErrors<'name' | 'email' | 'password'> {
  return {
    name: validateName(values.name),
    email: validateEmail(values.email),
    password: validateNewPassword(values.password),
  };
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}
