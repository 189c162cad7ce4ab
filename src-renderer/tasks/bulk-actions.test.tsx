// Select all and bulk actions on the task screen (fake API): Ctrl+A selects the whole view by the server's count,
// not the loaded rows; a bulk action is one request (by filter, or by ids), undone in one step, with an Undo
// toast; Esc clears a multi-selection.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE } from './task-view';
import { renderApp } from '../test/render-app';
import { ada, grid, rowOf } from '../test/screen-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const bulkWrites = (server: ReturnType<typeof renderApp>['server']) => server.writes.filter((w) => w.path.endsWith('/tasks/bulk'));

describe('bulk actions', () => {
  it('Ctrl+A selects every task of the view (the server counts them); Complete is one request by filter, undone in one step', async () => {
    const many = Array.from({ length: PAGE_SIZE + 50 }, (_, i) => `Task ${String(i).padStart(3, '0')}`);
    const { user, server } = renderApp({ signedInAs: ada, seed: many });
    await screen.findByText('Task 000', { selector: '.row-title' });
    // Only the first page is loaded.
    expect(server.requests.filter((r) => r.startsWith('GET') && r.includes('/tasks?')).length).toBe(1);
    grid().focus();
    await user.keyboard('{Control>}a{/Control}');
    const bar = await screen.findByRole('toolbar', { name: `Actions for ${many.length} selected tasks` });
    expect(within(bar).getByText(`All ${many.length} selected`)).toBeTruthy();

    await user.click(within(bar).getByRole('button', { name: 'Complete' }));
    await waitFor(() => expect([...server.tasks.values()].every((t) => t.completed)).toBe(true));
    expect(bulkWrites(server)).toHaveLength(1);
    expect(bulkWrites(server)[0]?.body).toMatchObject({ filter: { status: 'active', listId: server.inboxOf(ada.id) }, action: { type: 'complete' } });
    // Said, with Undo; the list never claims to be empty while it runs (it says what is happening instead).
    const toast = await screen.findByText(`Completed ${many.length} tasks`, { selector: '.toast-message' });
    await user.click(within(toast.closest('.toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect([...server.tasks.values()].some((t) => t.completed)).toBe(false));
    expect(bulkWrites(server)).toHaveLength(2);
    expect(bulkWrites(server)[1]?.body).toMatchObject({ action: { type: 'uncomplete' } });
    expect((bulkWrites(server)[1]?.body.ids as string[]).length).toBe(many.length);
  });

  it('acts on a Shift-selection by ids in one request; Space on it completes them all; Esc clears the selection', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['A', 'B', 'C', 'D'] });
    await screen.findByText('D', { selector: '.row-title' });
    await user.click(rowOf('A'));
    await user.keyboard('{Shift>}');
    await user.click(rowOf('B'));
    await user.keyboard('{/Shift}');
    await screen.findByRole('toolbar', { name: 'Actions for 2 selected tasks' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: /selected tasks/ })).toBeNull());
    expect(rowOf('B').getAttribute('aria-selected')).toBe('true');
    expect(rowOf('A').getAttribute('aria-selected')).toBe('false');

    await user.keyboard('{Shift>}');
    await user.click(rowOf('C'));
    await user.keyboard('{/Shift}');
    await screen.findByRole('toolbar', { name: 'Actions for 2 selected tasks' });
    grid().focus();
    await user.keyboard(' ');
    await waitFor(() => expect([...server.tasks.values()].filter((t) => t.completed).map((t) => t.title).sort()).toEqual(['B', 'C']));
    expect(bulkWrites(server).map((w) => w.body)).toEqual([{ ids: expect.arrayContaining([expect.any(String), expect.any(String)]) as unknown, action: { type: 'complete', timeZone: expect.any(String) as unknown } }]);
    await screen.findByText('Completed 2 tasks', { selector: '.toast-message' });
  });

  it('completing selected recurring tasks sends the occurrence each one showed', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water', 'Feed'], seedExtra: { dueDate: '2030-01-07', recurrence: { rrule: 'FREQ=WEEKLY', from: 'due' } } });
    await screen.findByText('Feed', { selector: '.row-title' });
    await user.click(rowOf('Water'));
    await user.keyboard('{Shift>}');
    await user.click(rowOf('Feed'));
    await user.keyboard('{/Shift}');
    await screen.findByRole('toolbar', { name: 'Actions for 2 selected tasks' });
    grid().focus();
    await user.keyboard(' ');
    await waitFor(() => expect(bulkWrites(server)).toHaveLength(1));
    const ids = [...server.tasks.values()].map((t) => t.id);
    expect(bulkWrites(server)[0]?.body).toMatchObject({ action: { type: 'complete', occurrences: Object.fromEntries(ids.map((id) => [id, '2030-01-07'])) } });
  });

  it('completing one task with Space shows an Undo toast, as Delete does', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water plants'] });
    await screen.findByText('Water plants', { selector: '.row-title' });
    await user.click(rowOf('Water plants'));
    grid().focus();
    await user.keyboard(' ');
    const toast = await screen.findByText('Completed “Water plants”');
    await user.click(within(toast.closest('.toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect([...server.tasks.values()][0]?.completed).toBe(false));
  });
});
