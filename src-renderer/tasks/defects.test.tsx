// The defects found when the app was used as a person would (issue 10): each test fails without its fix.
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

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

async function openDetails(user: ReturnType<typeof renderApp>['user'], title: string) {
  await user.click(within(rowOf(title)).getByRole('button', { name: `Details: ${title}` }));
  return screen.getByRole('complementary', { name: 'Task details' });
}

describe('defects', () => {
  it('2: a finished task has no red overdue badge', async () => {
    const { user } = renderApp({ signedInAs: ada, seed: ['Late but done'], seedExtra: { dueAt: yesterday(), completed: true, completedAt: yesterday() } });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.click(screen.getByRole('button', { name: 'View options' }));
    await user.click(screen.getByLabelText('Show completed'));
    const row = await waitFor(() => rowOf('Late but done'));
    expect(row.querySelector('.due-overdue')).toBeNull();
    expect(row.querySelector('.due-done')).not.toBeNull();
  });

  it('3: a task hidden by the search is announced with a Show action that reveals it', async () => {
    const app = renderApp({ signedInAs: ada, seed: ['Alpha'] });
    const { user } = app;
    await screen.findByText('Alpha', { selector: '.row-title' });
    const { server } = app;
    await user.type(screen.getByLabelText('Search tasks'), 'alp');
    await waitFor(() => expect(server.requests.some((r) => r.includes('q=alp'))).toBe(true));
    await user.type(screen.getByLabelText('New task title'), 'Buy milk{Enter}');
    await waitFor(() => expect(document.querySelector(".toast-message")?.textContent).toBe("Added “Buy milk” to Inbox. It is hidden by the current search."));
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(titles()).toContain('Buy milk'));
    expect(screen.getByLabelText<HTMLInputElement>('Search tasks').value).toBe('');
  });

  it('4: completing the selected task keeps the place: ↓ goes on from there, not from the top', async () => {
    const { user } = renderApp({ signedInAs: ada, seed: ['One', 'Two', 'Three', 'Four'] });
    await screen.findByText('Four', { selector: '.row-title' });
    grid().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(rowOf('Two').getAttribute('aria-selected')).toBe('true');
    await user.keyboard(' ');
    await waitFor(() => expect(titles()).toEqual(['One', 'Three', 'Four']));
    expect(rowOf('Three').getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(rowOf('Four').getAttribute('aria-selected')).toBe('true');
  });

  it('6: Esc closes the details panel from Priority, Due date and Close', async () => {
    const { user } = renderApp({ signedInAs: ada, seed: ['Task'] });
    await screen.findByText('Task', { selector: '.row-title' });
    for (const field of ['Priority', 'Due date', 'Close details']) {
      const details = await openDetails(user, 'Task');
      const control = field === 'Close details' ? within(details).getByRole('button', { name: field }) : within(details).getByLabelText(field);
      control.focus();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('complementary', { name: 'Task details' }), field).toBeNull();
    }
  });

  it('7: Esc in Description keeps the typed notes (saved), never throws them away', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Task'] });
    await screen.findByText('Task', { selector: '.row-title' });
    const details = await openDetails(user, 'Task');
    await user.type(within(details).getByLabelText(/^Description/), 'Important notes');
    await user.keyboard('{Escape}');
    await waitFor(() => expect([...server.tasks.values()][0]?.description).toBe('Important notes'));
  });

  it('8: focus returns to the list after Undo in the toast and after Delete task in details', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['A', 'B', 'C'] });
    await screen.findByText('C', { selector: '.row-title' });
    const details = await openDetails(user, 'B');
    await user.click(within(details).getByRole('button', { name: /Delete task/ }));
    await waitFor(() => expect(titles()).toEqual(['A', 'C']));
    expect(document.activeElement).toBe(grid());
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['A', 'B', 'C']));
    await waitFor(() => expect(document.activeElement).toBe(grid()));
    await user.keyboard(' ');
    await waitFor(() => expect([...server.tasks.values()].filter((t) => t.completed)).toHaveLength(1));
  });

  it('9: a failed add puts the title back, and the whole message is shown', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    server.failNext({ method: 'POST', path: /tasks$/, status: 0, code: 'NETWORK' });
    await user.type(screen.getByLabelText('New task title'), 'Do not lose me{Enter}');
    expect(await screen.findByText(/Could not add the task/)).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('New task title').value).toBe('Do not lose me'));
    expect(document.querySelector('.toast-message')).not.toBeNull();
  });

  it('10: Enter in the date field adds the task and puts focus back in the title', async () => {
    const { user } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.type(screen.getByLabelText('New task title'), 'Dated');
    const date = screen.getByLabelText<HTMLInputElement>('Due date for the new task');
    fireEvent.change(date, { target: { value: '2030-01-02' } });
    date.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Dated', { selector: '.row-title' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('New task title'));
  });

  it('11: pasting several lines offers one task per line', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    screen.getByLabelText('New task title').focus();
    await user.paste('- Eggs\n- Flour\n\n- Sugar');
    await user.click(await screen.findByRole('button', { name: 'Add 3 tasks' }));
    await waitFor(() => expect([...server.tasks.values()].map((t) => t.title).sort()).toEqual(['Eggs', 'Flour', 'Sugar']));
  });

  it('13: the row preview shows the notes without markdown marks', async () => {
    renderApp({ signedInAs: ada, seed: ['Plan'], seedExtra: { description: '## Options\n- one' } });
    const row = await waitFor(() => rowOf('Plan'));
    expect(row.querySelector('.row-description')?.textContent).toBe('Options');
  });

  it('16: sort has an ascending/descending switch, sent to the server', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['A'] });
    await screen.findByText('A', { selector: '.row-title' });
    await user.click(screen.getByRole('button', { name: 'View options' }));
    await user.selectOptions(screen.getByLabelText('Sort tasks'), 'priority');
    await user.click(screen.getByRole('button', { name: 'Sort order: descending' }));
    await waitFor(() => expect(server.requests.some((r) => r.includes('sort=priority') && r.includes('order=asc'))).toBe(true));
  });

  it('17: the theme is one setting (the app menu): no theme in the account menu, no copy in localStorage', async () => {
    window.localStorage.setItem('tasks.theme', 'dark');
    const { user } = renderApp({ signedInAs: ada });
    await user.click(await screen.findByRole('button', { name: 'Account: Ada Lovelace' }));
    expect(screen.queryByRole('menuitemradio')).toBeNull();
    expect(window.localStorage.getItem('tasks.theme')).toBeNull();
  });
});
