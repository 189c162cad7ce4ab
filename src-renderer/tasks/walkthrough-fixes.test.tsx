// Fixes from the walk-through (#15 items 11, 12) on the task screen against the fake API. Each test fails on the
// code before its fix.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, rowOf } from '../test/screen-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

async function openDetails(user: ReturnType<typeof renderApp>['user'], title: string) {
  await user.click(within(rowOf(title)).getByRole('button', { name: `Details: ${title}` }));
  return screen.getByRole('complementary', { name: 'Task details' });
}

describe('walk-through fixes', () => {
  it('gives user text its own direction, a cut title its tooltip, and shows tags as "@tag" (quick add uses @ for tags)', async () => {
    const { user } = renderApp({ signedInAs: ada, seed: ['שלום עולם'], seedExtra: { tags: ['bills'], description: 'مرحبا' } });
    const title = await screen.findByText('שלום עולם', { selector: '.row-title' });
    expect(title.getAttribute('dir')).toBe('auto');
    expect(title.getAttribute('title')).toBe('שלום עולם');
    const row = rowOf('שלום עולם');
    expect(row.querySelector('.row-description')?.getAttribute('dir')).toBe('auto');
    const tag = within(row).getByText('@bills');
    expect(tag.getAttribute('dir')).toBe('auto');
    expect(screen.getByLabelText('New task title').getAttribute('dir')).toBe('auto');

    const details = await openDetails(user, 'שלום עולם');
    expect(within(details).getByLabelText('Title').getAttribute('dir')).toBe('auto');
    expect(within(details).getByLabelText(/^Description/).getAttribute('dir')).toBe('auto');
    expect(within(within(details).getByRole('group', { name: 'Tags' })).getByText('@bills')).toBeTruthy();
  });

  it('edits the title in a field of several lines: Enter saves, a pasted line break becomes a space', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Short'] });
    await screen.findByText('Short', { selector: '.row-title' });
    const details = await openDetails(user, 'Short');
    const field = within(details).getByLabelText<HTMLTextAreaElement>('Title');
    expect(field.tagName).toBe('TEXTAREA');
    fireEvent.change(field, { target: { value: 'Renew the passport\nbefore the trip in March' } });
    expect(field.value).toBe('Renew the passport before the trip in March');
    await user.type(field, '{Enter}');
    await waitFor(() => expect([...server.tasks.values()][0]?.title).toBe('Renew the passport before the trip in March'));
    expect(field.value).not.toContain('\n');
  });

  it('adds a tag typed as "@home" in the details (as quick add writes it) without the @', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Tidy up'] });
    await screen.findByText('Tidy up', { selector: '.row-title' });
    const details = await openDetails(user, 'Tidy up');
    await user.type(within(details).getByLabelText('Add a tag'), '@home{Enter}');
    await waitFor(() => expect([...server.tasks.values()][0]?.tags).toEqual(['home']));
  });
});
