// Fixes from the walk-through (#15 items 11, 12) on the task screen against the fake API. Each test fails on the
// code before its fix.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, grid, rowOf, titles } from '../test/screen-helpers';

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

  it('asks in its own dialog before "Delete for good": it starts on Cancel, Cancel and Esc keep the task, the button deletes it', async () => {
    const browserConfirm = vi.fn(() => true);
    vi.stubGlobal('confirm', browserConfirm);
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Old note'] });
    await screen.findByText('Old note', { selector: '.row-title' });
    await user.click(rowOf('Old note'));
    grid().focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(server.deleted.size).toBe(1));
    await user.click(screen.getByRole('button', { name: /^Trash/ }));
    await screen.findByText('Old note', { selector: '.row-title' });

    await user.click(screen.getByRole('button', { name: 'Delete for good: Old note' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete for good?' });
    expect(dialog.textContent).toContain('“Old note” will be deleted for good. This cannot be undone.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete for good: Old note' }));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(server.deleted.size).toBe(1);
    expect(titles()).toEqual(['Old note']);

    await user.click(screen.getByRole('button', { name: 'Delete for good: Old note' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(server.deleted.size).toBe(0));
    expect(browserConfirm).not.toHaveBeenCalled();
  });

  it('asks in its own dialog before "Empty trash", and only the dialog\'s button empties it', async () => {
    const browserConfirm = vi.fn(() => true);
    vi.stubGlobal('confirm', browserConfirm);
    const { user, server } = renderApp({ signedInAs: ada, seed: ['One', 'Two'] });
    await screen.findByText('Two', { selector: '.row-title' });
    grid().focus();
    await user.keyboard('{Control>}a{/Control}{Delete}');
    await waitFor(() => expect(server.deleted.size).toBe(2));
    await user.click(screen.getByRole('button', { name: /^Trash/ }));
    await waitFor(() => expect([...titles()].sort()).toEqual(['One', 'Two']));
    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Empty the trash?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(server.deleted.size).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Empty trash' }));
    await waitFor(() => expect(server.deleted.size).toBe(0));
    expect(browserConfirm).not.toHaveBeenCalled();
  });

  it('says where the details List menu moved a task, with a Show that follows it', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Call Ana'] });
    const work = server.addList(ada.id, 'Work');
    await screen.findByText('Call Ana', { selector: '.row-title' });
    const details = await openDetails(user, 'Call Ana');
    await user.selectOptions(within(details).getByRole('combobox', { name: 'List' }), work.id);
    const toast = await screen.findByText('Moved “Call Ana” to Work', { selector: '.toast-message' });
    await user.click(within(toast.closest('.toast') as HTMLElement).getByRole('button', { name: 'Show' }));
    await screen.findByRole('heading', { name: 'Work', level: 1 });
    await waitFor(() => expect(titles()).toEqual(['Call Ana']));
  });

  it('drops a toast when the view changes (it belongs to the view it was said in)', async () => {
    const { user } = renderApp({ signedInAs: ada, seed: ['Old note'] });
    await screen.findByText('Old note', { selector: '.row-title' });
    await user.click(rowOf('Old note'));
    grid().focus();
    await user.keyboard('{Delete}');
    await screen.findByText(/Deleted “Old note”/);
    await user.click(screen.getByRole('button', { name: /^Today/ }));
    await screen.findByRole('heading', { name: 'Today', level: 1 });
    expect(screen.queryByText(/Deleted “Old note”/)).toBeNull();
  });

  it('brings the lists back by itself when the host answers again (no navigation needed)', async () => {
    const { server } = renderApp({ signedInAs: ada, seed: ['Task'] });
    server.failNext({ method: 'GET', path: /\/lists$/, status: 503, code: 'UNAVAILABLE' });
    server.addList(ada.id, 'Work');
    await screen.findByText('Lists are not available.', {}, { timeout: 5_000 });
    await screen.findByText('Work', { selector: '.side-label' }, { timeout: 8_000 });
  }, 15_000);
});
