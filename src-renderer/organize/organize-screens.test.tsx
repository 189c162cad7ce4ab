// The organize screens against the fake API: sidebar lists, Today/Upcoming, subtasks, multi-select, undo
// history, trash and the command palette.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, grid, rowOf, sideButton, titles } from '../test/screen-helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const day = 86_400_000;
const endOfDay = (offset: number) => {
  const d = new Date(Date.now() + offset * day);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59).toISOString();
};

describe('organize screens', () => {
  it('creates a list in the sidebar, shows it with its open count, and adds tasks to it', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.click(screen.getByRole('button', { name: '+ New list' }));
    await user.type(screen.getByLabelText('New list name'), 'Groceries{Enter}');
    await user.click(await screen.findByRole('button', { name: /^Groceries/ }));
    expect(await screen.findByRole('heading', { name: 'Groceries', level: 1 })).toBeTruthy();
    await user.type(screen.getByLabelText('New task title'), 'Eggs{Enter}');
    await screen.findByText('Eggs', { selector: '.row-title' });
    const list = [...server.lists.values()].find((l) => l.name === 'Groceries');
    await waitFor(() => expect([...server.tasks.values()][0]?.listId).toBe(list?.id));
    await waitFor(() => expect(sideButton(/^Groceries/).textContent).toContain('1'));
    // The same name again (any case) is refused with a message.
    await user.click(screen.getByRole('button', { name: '+ New list' }));
    await user.type(screen.getByLabelText('New list name'), 'groceries{Enter}');
    expect(await screen.findByText('A list with that name exists.')).toBeTruthy();
  });

  it('reorders lists in the sidebar with Alt+↓ and takes it back with Ctrl+Z', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    server.addList(ada.id, 'Alpha');
    server.addList(ada.id, 'Beta');
    const names = () => Array.from(document.querySelectorAll('[aria-labelledby="side-lists"] .side-label')).map((e) => e.textContent);
    await waitFor(() => expect(names()).toEqual(['Alpha', 'Beta']));
    sideButton(/^Alpha/).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(names()).toEqual(['Beta', 'Alpha']));
    expect(document.body.textContent).toContain('Moved list “Alpha” below “Beta”.');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(names()).toEqual(['Alpha', 'Beta']));
  });

  it('Today shows overdue and due-today tasks from every list; Upcoming groups the next days', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    const work = server.addList(ada.id, 'Work');
    server.seed(ada.id, ['Overdue report'], { dueAt: endOfDay(-2), listId: work.id });
    server.seed(ada.id, ['Call mum'], { dueAt: endOfDay(0) });
    server.seed(ada.id, ['Dentist'], { dueAt: endOfDay(1) });
    server.seed(ada.id, ['Holiday'], { dueAt: endOfDay(40) });
    server.seed(ada.id, ['Done today'], { dueAt: endOfDay(0), completed: true });
    await user.click(await screen.findByRole('button', { name: /^Today/ }));
    await waitFor(() => expect(titles()).toEqual(['Overdue report', 'Call mum']));
    const headers = () => Array.from(document.querySelectorAll('.group-row')).map((h) => h.textContent);
    expect(headers()).toEqual(['Overdue', 'Today']);
    await user.click(screen.getByRole('button', { name: /^Upcoming/ }));
    await waitFor(() => expect(titles()).toEqual(['Dentist', 'Holiday']));
    expect(headers()[0]).toMatch(/^Tomorrow · /);
    // One group per day, however far (issue 15): the day in 40 days has its own heading.
    expect(headers()).toHaveLength(2);
    expect(headers()[1]).not.toMatch(/Later|No date/);
  });

  it('Upcoming shows a task on its start day and on its due day; a task added there is due tomorrow', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    const localDate = (offset: number) => {
      const d = new Date(Date.now() + offset * day);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    server.seed(ada.id, ['Essay'], { startDate: localDate(2), dueDate: localDate(5) });
    server.seed(ada.id, ['Course'], { startDate: localDate(3) });
    await user.click(await screen.findByRole('button', { name: /^Upcoming/ }));
    await waitFor(() => expect(titles()).toEqual(['Essay', 'Course', 'Essay']));
    const headers = () => Array.from(document.querySelectorAll('.group-row')).map((h) => h.textContent);
    expect(headers()).toHaveLength(3);
    // The start day's line says "starts" and opens the task; the row on the due day is the selectable one.
    const startLine = screen.getByRole('button', { name: 'starts Essay' });
    expect(startLine.textContent).toContain('starts');
    expect(document.querySelectorAll('[role="row"][aria-selected]')).toHaveLength(2);
    await user.click(startLine);
    const details = await screen.findByRole('complementary', { name: 'Task details' });
    expect(within(details).getByDisplayValue('Essay')).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: 'Close details' }));
    await user.type(screen.getByLabelText('New task title'), 'Buy stamps{Enter}');
    await waitFor(() => expect([...server.tasks.values()].find((t) => t.title === 'Buy stamps')?.dueDate).toBe(localDate(1)));
    await waitFor(() => expect(titles()).toContain('Buy stamps'));
  });

  it('nests with Alt+→ / Tab, shows progress, collapses, un-nests with Alt+← and reorders with Alt+↓', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Trip', 'Pack', 'Book hotel', 'Other'] });
    await screen.findByText('Other', { selector: '.row-title' });
    grid().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Alt>}{ArrowRight}{/Alt}');
    await waitFor(() => expect(server.tasks.get(rowOf('Pack').id.replace('task-row-', ''))?.parentId).toBe(rowOf('Trip').id.replace('task-row-', '')));
    expect(document.body.textContent).toContain('“Pack” is now a subtask of “Trip”.');
    await user.keyboard('{ArrowDown}{Tab}');
    await waitFor(() => expect(rowOf('Book hotel').getAttribute('aria-level')).toBe('2'));
    await waitFor(() => expect(within(rowOf('Trip')).getByText('0/2')).toBeTruthy());
    // Collapse and expand with ← / → on the parent.
    await user.click(rowOf('Trip'));
    grid().focus();
    await user.keyboard('{ArrowLeft}');
    expect(titles()).toEqual(['Trip', 'Other']);
    await user.keyboard('{ArrowRight}');
    expect(titles()).toEqual(['Trip', 'Pack', 'Book hotel', 'Other']);
    // Reorder the subtasks, then take one out.
    await user.click(rowOf('Pack'));
    grid().focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(titles()).toEqual(['Trip', 'Book hotel', 'Pack', 'Other']));
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(() => expect(rowOf('Pack').getAttribute('aria-level')).toBe('1'));
    await waitFor(() => expect(titles()).toEqual(['Trip', 'Book hotel', 'Pack', 'Other']));
    await waitFor(() => expect(server.tasks.get(rowOf('Pack').id.replace('task-row-', ''))?.parentId).toBeNull());
  });

  it('selects with Shift+click, Ctrl+click and Ctrl+A, then completes, tags and deletes in bulk', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['A', 'B', 'C', 'D'] });
    await screen.findByText('D', { selector: '.row-title' });
    await user.click(rowOf('A'));
    await user.keyboard('{Shift>}');
    await user.click(rowOf('C'));
    await user.keyboard('{/Shift}');
    expect(screen.getByRole('toolbar', { name: 'Actions for 3 selected tasks' })).toBeTruthy();
    await user.type(screen.getByLabelText('Tag for selected'), 'urgent');
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect([...server.tasks.values()].filter((t) => t.tags?.includes('urgent')).map((t) => t.title)).toEqual(['A', 'B', 'C']));
    await user.keyboard('{Control>}');
    await user.click(rowOf('B'));
    await user.keyboard('{/Control}');
    expect(screen.getByRole('toolbar', { name: 'Actions for 2 selected tasks' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Complete' }));
    await waitFor(() => expect(titles()).toEqual(['B', 'D']));
    grid().focus();
    await user.keyboard('{Control>}a{/Control}');
    await user.click(within(screen.getByRole('toolbar', { name: /selected tasks/ })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(server.tasks.size).toBe(2)); // A and C were completed, B and D deleted
    expect(server.deleted.size).toBe(2);
  });

  it('undoes a mixed sequence (add, rename, complete, move, delete, list) back to the start, then redoes it', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Keep'] });
    await screen.findByText('Keep', { selector: '.row-title' });
    const snapshot = () => JSON.stringify([...server.tasks.values()].map((t) => [t.id, t.title, t.completed, t.listId, t.parentId]).sort()) + [...server.lists.values()].filter((l) => !l.deleted).length;
    const start = snapshot();
    await user.type(screen.getByLabelText('New task title'), 'New one{Enter}');
    await waitFor(() => expect(server.tasks.size).toBe(2));
    await user.click(rowOf('New one'));
    grid().focus();
    await user.keyboard('{Enter}');
    await user.clear(screen.getByLabelText('Task title'));
    await user.type(screen.getByLabelText('Task title'), 'Renamed{Enter}');
    await waitFor(() => expect([...server.tasks.values()].map((t) => t.title)).toContain('Renamed'));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(titles()).toEqual(['Keep', 'Renamed']));
    await user.keyboard(' ');
    await waitFor(() => expect([...server.tasks.values()].find((t) => t.title === 'Renamed')?.completed).toBe(true));
    await user.click(rowOf('Keep'));
    grid().focus();
    await user.keyboard('{Delete}');
    await waitFor(() => expect(server.deleted.size).toBe(1));
    await user.click(screen.getByRole('button', { name: '+ New list' }));
    await user.type(screen.getByLabelText('New list name'), 'Side{Enter}');
    await waitFor(() => expect([...server.lists.values()].some((l) => l.name === 'Side')).toBe(true));
    const end = snapshot();
    (document.activeElement as HTMLElement | null)?.blur();
    const steps = ['Create list “Side”', 'Delete “Keep”', 'Complete “Renamed”', 'Move “Renamed”', 'Edit “New one”', 'Add “New one”'];
    for (const step of steps) {
      await user.keyboard('{Control>}z{/Control}');
      await waitFor(() => expect(document.querySelector(".toast")?.textContent).toContain(`Undone: ${step}`));
    }
    await waitFor(() => expect(snapshot()).toBe(start));
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Nothing to undo')).toBeTruthy();
    for (const step of [...steps].reverse()) {
      await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
      expect(await screen.findByText(`Redone: ${step}`)).toBeTruthy();
    }
    await waitFor(() => expect(snapshot()).toBe(end));
  });

  it('lists deleted tasks in the Trash and restores one', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Old', 'Keep'] });
    await screen.findByText('Old', { selector: '.row-title' });
    await user.click(within(rowOf('Old')).getByRole('button', { name: 'Delete: Old' }));
    await waitFor(() => expect(server.deleted.size).toBe(1));
    await user.click(screen.getByRole('button', { name: /^Trash/ }));
    await waitFor(() => expect(titles()).toEqual(['Old']));
    expect(screen.getByRole('button', { name: 'Empty trash' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restore: Old' }));
    await waitFor(() => expect(titles()).toEqual([]));
    expect(server.tasks.size).toBe(2);
    await user.click(screen.getByRole('button', { name: /^Inbox/ }));
    await waitFor(() => expect(titles()).toEqual(['Old', 'Keep']));
  });

  it('opens the command palette with Ctrl+K: goes to a list, runs a command, finds a task', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Write the quarterly report'] });
    server.addList(ada.id, 'Garden');
    await screen.findByText('Write the quarterly report', { selector: '.row-title' });
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog');
    await user.type(within(palette).getByRole('combobox'), 'Garden');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Garden', level: 1 })).toBeTruthy();
    await user.keyboard('{Control>}k{/Control}');
    await user.type(within(await screen.findByRole('dialog')).getByRole('combobox'), 'compact rows');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.querySelector('.tasks-main.density-compact')).not.toBeNull());
    await user.keyboard('{Control>}k{/Control}');
    await user.type(within(await screen.findByRole('dialog')).getByRole('combobox'), 'quarterly');
    await user.click(await screen.findByRole('option', { name: 'Write the quarterly report' }));
    expect(await screen.findByRole('complementary', { name: 'Task details' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Inbox', level: 1 })).toBeTruthy();
  });
});
