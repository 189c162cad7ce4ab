import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, grid, rowOf, titles } from '../test/screen-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('task screen', () => {
  it('explains the empty Inbox and adds a task from the keyboard (N, Enter) with a priority', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    expect(await screen.findByRole('heading', { name: 'Your Inbox is empty' })).toBeTruthy();
    await user.keyboard('n');
    expect(document.activeElement).toBe(screen.getByLabelText('New task title'));
    await user.selectOptions(screen.getByLabelText('Priority for the new task'), 'high');
    await user.type(screen.getByLabelText('New task title'), 'Buy milk{Enter}');
    expect(await screen.findByText('Buy milk', { selector: '.row-title' })).toBeTruthy();
    await waitFor(() => expect([...server.tasks.values()].map((t) => [t.title, t.priority, t.listId])).toEqual([['Buy milk', 'high', 'inbox-user-1']]));
    expect(screen.getByLabelText<HTMLInputElement>('New task title').value).toBe('');
  });

  it('focuses quick add with Ctrl+N even while typing in search', async () => {
    const { user } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.click(screen.getByLabelText('Search tasks'));
    await user.keyboard('{Control>}n{/Control}');
    expect(document.activeElement).toBe(screen.getByLabelText('New task title'));
  });

  it('rejects an empty quick add without calling the API', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.type(screen.getByLabelText('New task title'), '   {Enter}');
    expect(screen.getByText('Type a title, then press Enter.')).toBeTruthy();
    expect(server.requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('completes optimistically and rolls back with a message when the server refuses', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Pay rent', 'Other'] });
    await screen.findByText('Pay rent', { selector: '.row-title' });
    server.failNext({ method: 'PATCH', path: /complete$/, status: 500, code: 'INTERNAL', delayMs: 300 });
    await user.click(within(rowOf('Pay rent')).getByRole('checkbox'));
    await waitFor(() => expect(titles()).toEqual(['Other'])); // optimistic: open tasks only
    expect(await screen.findByText(/Could not update the task/)).toBeTruthy();
    await waitFor(() => expect(titles()).toEqual(['Pay rent', 'Other']));
    expect([...server.tasks.values()][0]?.completed).toBe(false);
  });

  it('moves with arrows, toggles with Space, renames with Enter', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['First', 'Second', 'Third'] });
    await screen.findByText('Third', { selector: '.row-title' });
    expect(titles()).toEqual(['First', 'Second', 'Third']);
    grid().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(rowOf('Second').getAttribute('aria-selected')).toBe('true');
    expect(grid().getAttribute('aria-activedescendant')).toBe(rowOf('Second').id);
    await user.keyboard('{Enter}');
    const input = screen.getByLabelText('Task title');
    await user.clear(input);
    await user.type(input, 'Second, renamed{Enter}');
    expect(await screen.findByText('Second, renamed', { selector: '.row-title' })).toBeTruthy();
    await waitFor(() => expect([...server.tasks.values()].map((t) => t.title)).toContain('Second, renamed'));
    expect(document.activeElement).toBe(grid());
    await user.keyboard(' ');
    await waitFor(() => expect([...server.tasks.values()].find((t) => t.title === 'Second, renamed')?.completed).toBe(true));
  });

  it('deletes with the Delete key and brings the same task back with Undo', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Keep me', 'Delete me'] });
    await screen.findByText('Delete me', { selector: '.row-title' });
    const id = rowOf('Delete me').id;
    grid().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Delete}');
    await waitFor(() => expect(titles()).toEqual(['Keep me']));
    await waitFor(() => expect(server.deleted.size).toBe(1));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Delete me', { selector: '.row-title' })).toBeTruthy();
    expect(rowOf('Delete me').id).toBe(id);
    expect(server.requests).toContain(`POST /api/user-1/tasks/${id.replace('task-row-', '')}/restore`);
  });

  it('searches on the server with / and clears with Esc', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Alpha report', 'Beta', 'Gamma report'] });
    await screen.findByText('Beta', { selector: '.row-title' });
    grid().focus();
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByLabelText('Search tasks'));
    await user.keyboard('report');
    await waitFor(() => expect(titles()).toEqual(['Gamma report', 'Alpha report']));
    expect(server.requests.some((r) => r.includes('q=report'))).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(titles()).toHaveLength(3));
  });

  it('shows an error state with a way to retry', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Only task'] });
    server.failNext({ method: 'GET', path: /tasks$/, status: 500, code: 'INTERNAL' });
    expect(await screen.findByRole('heading', { name: 'Could not load your tasks' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Only task', { selector: '.row-title' })).toBeTruthy();
  });

  it('opens the shortcuts sheet with ? and closes it with Esc', async () => {
    const { user } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('signs out from the account menu, which names the user', async () => {
    const { user, fake } = renderApp({ signedInAs: ada });
    await user.click(await screen.findByRole('button', { name: 'Account: Ada Lovelace' }));
    expect(screen.getByRole('menu').textContent).toContain('ada@example.test');
    await act(() => user.click(screen.getByRole('menuitem', { name: 'Sign out' })));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(fake.calls.signOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Your session ended/)).toBeNull();
  });
});
