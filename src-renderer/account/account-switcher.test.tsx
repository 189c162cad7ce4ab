import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, titles } from '../test/screen-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const bob = { id: 'user-2', name: 'Bob Bell', email: 'bob@example.test' };

describe('account switcher', () => {
  it('adds an account without signing the first one out, then switches back without a password', async () => {
    const { user, fake, server } = renderApp({ signedInAs: ada, seed: ['Ada task'] });
    expect(await screen.findByText('Ada task', { selector: '.row-title' })).toBeTruthy();
    fake.signedInAs(bob); // Bob signed in here before (main knows his session); Ada is shown again below
    server.seed(bob.id, ['Bob task']);
    await act(() => fake.bridge.accounts.switchTo({ userId: ada.id }).then(() => undefined));

    await user.click(screen.getByRole('button', { name: 'Account: Ada Lovelace' }));
    const switchToBob = await screen.findByRole('menuitem', { name: /Bob Bell bob@example.test/ });
    await act(() => user.click(switchToBob));
    expect(await screen.findByRole('button', { name: 'Account: Bob Bell' })).toBeTruthy();
    await waitFor(() => expect(titles()).toEqual(['Bob task']));
    expect(fake.calls.signIn).not.toHaveBeenCalled();
    // The access token used from now on is Bob's.
    await waitFor(() => expect(server.requests.at(-1)).toContain(`/api/${bob.id}/`));
  });

  it('"Add account…" opens sign-in over the current account, which stays one click away', async () => {
    const { user } = renderApp({ signedInAs: ada });
    await user.click(await screen.findByRole('button', { name: 'Account: Ada Lovelace' }));
    await user.click(screen.getByRole('menuitem', { name: 'Add account…' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to Ada Lovelace' }));
    expect(await screen.findByRole('button', { name: 'Account: Ada Lovelace' })).toBeTruthy();
  });

  it('signing out of the current account shows the other account still signed in', async () => {
    const { user, fake } = renderApp({ signedInAs: ada });
    fake.signedInAs(bob);
    await act(() => fake.bridge.accounts.switchTo({ userId: ada.id }).then(() => undefined));
    await user.click(await screen.findByRole('button', { name: 'Account: Ada Lovelace' }));
    await act(() => user.click(screen.getByRole('menuitem', { name: 'Sign out' })));
    expect(await screen.findByRole('button', { name: 'Account: Bob Bell' })).toBeTruthy();
    expect(fake.calls.signOut).toHaveBeenCalledTimes(1);
  });
});
