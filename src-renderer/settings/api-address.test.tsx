// Settings → Local API: a port that is not one is answered in words before anything is sent to main.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada } from '../test/screen-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Settings → port', () => {
  it('says in words that "abc" or 80 is not a port, and saves 48000', async () => {
    const { user, fake } = renderApp({ signedInAs: ada });
    const setApiPort = vi.spyOn(fake.bridge.app, 'setApiPort');
    await user.click(await screen.findByRole('button', { name: `Account: ${ada.name}` }));
    await user.click(screen.getByRole('menuitem', { name: /^API & tokens/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const port = await within(dialog).findByLabelText('Port');
    await user.clear(port);
    await user.type(port, 'abc');
    await user.click(within(dialog).getByRole('button', { name: 'Save port' }));
    expect(await within(dialog).findByText('“abc” is not a port: type a whole number from 1024 to 65535, such as 47821.')).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/NaN|expected number/);
    await user.clear(port);
    await user.type(port, '80');
    await user.click(within(dialog).getByRole('button', { name: 'Save port' }));
    expect(await within(dialog).findByText('Use a port from 1024 to 65535.')).toBeTruthy();
    expect(setApiPort).not.toHaveBeenCalled();
    await user.clear(port);
    await user.type(port, '48000');
    await user.click(within(dialog).getByRole('button', { name: 'Save port' }));
    await within(dialog).findByText(/Saved/);
    expect(setApiPort).toHaveBeenCalledWith({ port: 48000 });
  });
});
