// Defect 2 of issue 15: after a search in the command palette, adds, completions and edits kept failing until a
// reload (the palette's results were cached under the task lists' key prefix in another shape).
import { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, rowOf, titles } from '../test/screen-helpers';
import { applyToLists } from '../tasks/optimistic';
import { taskKeys } from '../tasks/query-keys';
import { mapTask, type ListData } from '../tasks/task-cache';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('the command palette and the task caches (defect 2)', () => {
  it('after a search in the palette, adding, completing and editing still work', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water the ferns'] });
    await screen.findByText('Water the ferns', { selector: '.row-title' });
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.type(within(palette).getByRole('combobox'), 'wa');
    await screen.findByRole('option', { name: 'Water the ferns' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.type(screen.getByLabelText('New task title'), 'Buy soil{Enter}');
    await waitFor(() =>
      expect([...server.tasks.values()].map((t) => t.title).sort()).toEqual(['Buy soil', 'Water the ferns']),
    );
    await waitFor(() => expect(titles()).toEqual(['Buy soil', 'Water the ferns']));
    await user.click(
      within(rowOf('Water the ferns')).getByRole('checkbox', { name: 'Completed: Water the ferns' }),
    );
    await waitFor(() =>
      expect([...server.tasks.values()].find((t) => t.title === 'Water the ferns')?.completed).toBe(true),
    );
    await user.dblClick(within(rowOf('Buy soil')).getByText('Buy soil'));
    const editor = screen.getByLabelText('Task title');
    await user.clear(editor);
    await user.type(editor, 'Buy potting soil{Enter}');
    await waitFor(() =>
      expect([...server.tasks.values()].some((t) => t.title === 'Buy potting soil')).toBe(true),
    );
    expect(screen.queryByText(/Could not/)).toBeNull();
  });

  it('optimistic edits leave alone cached data that is not a task list', async () => {
    const client = new QueryClient();
    const odd = ['tasks', 'u', 'list', 'palette', { q: 'x' }];
    const flat = { items: [{ id: 't1', title: 'x' }], nextCursor: null };
    client.setQueryData(odd, flat);
    client.setQueryData(['tasks', 'u', 'list', { status: 'active' }], 'not pages');
    const good: ListData = {
      pages: [{ items: [{ id: 't1', title: 'old' } as never], nextCursor: null }],
      pageParams: [undefined],
    };
    client.setQueryData(taskKeys.list('u', { status: 'all' }), good);
    await applyToLists(client, 'u', (data) => mapTask(data, 't1', (t) => ({ ...t, title: 'new' })));
    expect(client.getQueryData(odd)).toBe(flat);
    expect(client.getQueryData(['tasks', 'u', 'list', { status: 'active' }])).toBe('not pages');
    expect(
      client.getQueryData<ListData>(taskKeys.list('u', { status: 'all' }))?.pages[0]?.items[0]?.title,
    ).toBe('new');
  });
});
