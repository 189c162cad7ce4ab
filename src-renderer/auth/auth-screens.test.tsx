import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function openSignUp() {
  const app = renderApp();
  await app.user.click(await screen.findByRole('button', { name: 'Create an account' }));
  return app;
}

describe('sign up', () => {
  it('checks fields before sending anything', async () => {
    const { user, fake } = await openSignUp();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter your name.')).toBeTruthy();
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.signUp).not.toHaveBeenCalled();
  });

  it('says "too short" once, not in the hint and the error both (defect 12)', async () => {
    const { user } = await openSignUp();
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const form = screen.getByRole('form', { name: 'Create your account' });
    expect(form.textContent?.match(/at least 10 characters/gi)).toHaveLength(1);
    expect(form.textContent).not.toMatch(/Too short/);
    await user.type(screen.getByLabelText('Password'), '-now-long-enough');
    expect(form.textContent).not.toMatch(/Use at least 10 characters\./);
  });

  it('shows a strength hint that follows the password', async () => {
    const { user } = await openSignUp();
    const password = screen.getByLabelText('Password');
    await user.type(password, 'abc');
    expect(screen.getByText('Too short.')).toBeTruthy();
    await user.clear(password);
    await user.type(password, 'password123');
    expect(screen.getByText('Weak.')).toBeTruthy();
    await user.clear(password);
    await user.type(password, 'Orbit-Lantern-Fjord-42');
    expect(screen.getByText('Strong.')).toBeTruthy();
    // The words after the label add to it, never repeat it ("Strong. Strong password.", #15 item 12).
    const hint = screen.getByText('Strong.').parentElement?.textContent ?? '';
    expect(hint).toBe('Strong. Hard to guess.');
    await user.clear(password);
    await user.type(password, 'Orbit-Lantern-42');
    expect(screen.getByText('Good.').parentElement?.textContent).toBe('Good. A little longer makes it strong.');
  });

  it('puts the focus in the quick add of the new account (it was on nothing)', async () => {
    const { user } = await openSignUp();
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.test');
    await user.type(screen.getByLabelText('Password'), 'Orbit-Lantern-Fjord-42');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const quickAdd = await screen.findByLabelText('New task title');
    await waitFor(() => expect(document.activeElement).toBe(quickAdd));
  });

  it('says in words that the email is taken, next to the field', async () => {
    const { user, fake } = await openSignUp();
    fake.failNext('signUp', { code: 'EMAIL_TAKEN', message: 'x' });
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.test');
    await user.type(screen.getByLabelText('Password'), 'Orbit-Lantern-Fjord-42');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('An account with this email already exists. Sign in instead.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go to sign in' }));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });
});

describe('sign in', () => {
  it('shows a busy state, then wrong credentials in words, and keeps the email', async () => {
    const { user, fake } = renderApp();
    await user.type(await screen.findByLabelText('Email'), 'ada@example.test');
    await user.type(screen.getByLabelText('Password'), 'wrong-password-1');
    const gate = fake.hold();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const busy = screen.getByRole('button', { name: 'Signing in…' });
    expect(busy.hasAttribute('disabled')).toBe(true);
    gate.release();
    expect(await screen.findByText('That email and password do not match an account on this computer.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe('ada@example.test');
    expect(fake.calls.signIn).toHaveBeenCalledWith({ email: 'ada@example.test', password: 'wrong-password-1', remember: true });
  });

  it('counts down a rate limit and blocks the button until it is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { user, fake } = renderApp();
      fake.failNext('signIn', { code: 'RATE_LIMITED', message: 'Slow down', retryAfterMs: 3_000 });
      await user.type(await screen.findByLabelText('Email'), 'ada@example.test');
      await user.type(screen.getByLabelText('Password'), 'whatever-it-is');
      await user.click(screen.getByLabelText('Keep me signed in'));
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
      expect(await screen.findByText(/Try again in 3 s\./)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(true);
      await act(() => vi.advanceTimersByTimeAsync(1_100));
      expect(screen.getByText(/Try again in 2 s\./)).toBeTruthy();
      await act(() => vi.advanceTimersByTimeAsync(2_200));
      expect(screen.getByText(/You can try again now\./)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false);
      expect(fake.calls.signIn).toHaveBeenCalledWith(expect.objectContaining({ remember: false }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('lands on sign-in with a one-line notice when main reports the session expired', async () => {
    const app = renderApp();
    // Signed in elsewhere (main tells the page), then main says the session expired.
    app.fake.signedInAs({ id: 'user-9', name: 'Grace Hopper', email: 'grace@example.test' });
    act(() => app.fake.emit({ session: { user: { id: 'user-9', name: 'Grace Hopper', email: 'grace@example.test' }, persisted: true }, reason: 'signed-in' }));
    expect(await screen.findByRole('button', { name: 'Account: Grace Hopper' })).toBeTruthy();
    app.fake.endSession();
    act(() => app.fake.emit({ session: null, reason: 'expired' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('Your session ended. Sign in to continue.');
  });
});
