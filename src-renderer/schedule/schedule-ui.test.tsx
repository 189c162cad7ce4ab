// The schedule pickers on the real task screen (fake API): R opens the repeat picker on the selected task, the
// rule shows in words with its next dates and is saved as { rrule, from }; Shift+R edits reminders; a fired
// reminder offers snoozes; completing a recurring task keeps it, moved, with "Next: …" and Undo.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, grid, rowOf } from '../test/screen-helpers';
import { formatDay } from './format-due';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

// 2030-01-07 is a Monday.
const MONDAY = '2030-01-07';

async function selectRow(user: ReturnType<typeof renderApp>['user'], title: string) {
  await screen.findByText(title, { selector: '.row-title' });
  grid().focus();
  await user.keyboard('{ArrowDown}');
  await waitFor(() => expect(rowOf(title).getAttribute('aria-selected')).toBe('true'));
}

const writesTo = (server: ReturnType<typeof renderApp>['server'], path: RegExp) => server.writes.filter((w) => path.test(w.path));

describe('repeat picker', () => {
  it('R opens it on the selected task; a preset shows its words and next dates and is saved', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water plants'], seedExtra: { dueDate: MONDAY } });
    await selectRow(user, 'Water plants');
    await user.keyboard('r');
    const dialog = await screen.findByRole('dialog', { name: 'Repeat “Water plants”' });
    await user.click(within(dialog).getByRole('radio', { name: 'Weekly on Monday' }));
    expect(within(dialog).getByTestId('repeat-words').textContent).toBe('Every week on Monday');
    const next = within(within(dialog).getByRole('list', { name: 'Next' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(next).toEqual(['2030-01-14', '2030-01-21', '2030-01-28'].map(formatDay));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writesTo(server, /\/tasks\/task-\d+$/).at(-1)?.body).toEqual({ recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO', from: 'due' } }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The details show the rule in words.
    await user.keyboard('e');
    expect((await screen.findByTestId('details-repeat')).textContent).toBe('Every week on Monday');
  });

  it('builds a custom rule: every 2 weeks on Mon and Wed, 5 times, from completion', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Gym'], seedExtra: { dueDate: MONDAY } });
    await selectRow(user, 'Gym');
    await user.keyboard('r');
    const dialog = await screen.findByRole('dialog', { name: 'Repeat “Gym”' });
    await user.click(within(dialog).getByRole('radio', { name: 'Custom…' }));
    const interval = within(dialog).getByRole('spinbutton', { name: 'Interval' });
    await user.clear(interval);
    await user.type(interval, '2');
    await user.click(within(dialog).getByRole('button', { name: 'Wednesday' }));
    expect(within(dialog).getByRole('button', { name: 'Monday' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(dialog).getByRole('radio', { name: 'After' }));
    const times = within(dialog).getByRole('spinbutton', { name: 'Number of times' });
    await user.clear(times);
    await user.type(times, '5');
    await user.click(within(dialog).getByRole('radio', { name: 'The day it is completed' }));
    expect(within(dialog).getByTestId('repeat-words').textContent).toBe('Every 2 weeks on Monday and Wednesday, 5 times after completion');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(writesTo(server, /\/tasks\/task-\d+$/).at(-1)?.body).toEqual({ recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5', from: 'completion' } }),
    );
  });

  it('monthly on the first Monday, and an invalid interval cannot be saved', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Review'], seedExtra: { dueDate: MONDAY } });
    await selectRow(user, 'Review');
    await user.keyboard('r');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Custom…' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'MONTHLY');
    await user.click(within(dialog).getByRole('radio', { name: 'On a weekday of the month' }));
    expect(within(dialog).getByTestId('repeat-words').textContent).toBe('Every month on the first Monday');
    const next = within(within(dialog).getByRole('list', { name: 'Next' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(next).toEqual(['2030-02-04', '2030-03-04', '2030-04-01'].map(formatDay));
    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Interval' }));
    expect(within(dialog).getByText('Repeat every 1 to 1000.')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(writesTo(server, /\/tasks\//)).toEqual([]);
  });

  it('a task without a due gets the rule’s first day', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Stretch'] });
    await selectRow(user, 'Stretch');
    await user.keyboard('r');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Daily' }));
    expect(within(dialog).getByText(/The task has no due date: it will be due/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writesTo(server, /\/tasks\/task-\d+$/).at(-1)?.body).toMatchObject({ recurrence: { rrule: 'FREQ=DAILY', from: 'due' } }));
    expect(writesTo(server, /\/tasks\/task-\d+$/).at(-1)?.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('completing a recurring task', () => {
  it('keeps the row, moves it to the next occurrence, says so, and Undo moves it back', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water plants'], seedExtra: { dueDate: MONDAY, recurrence: { rrule: 'FREQ=WEEKLY', from: 'due' } } });
    await selectRow(user, 'Water plants');
    await user.keyboard(' ');
    expect(await screen.findByText(`Completed “Water plants”. Next: ${formatDay('2030-01-14')}`)).toBeTruthy();
    expect(rowOf('Water plants').getAttribute('aria-selected')).toBe('true'); // the row and the cursor stay
    const task = () => [...server.tasks.values()][0];
    expect(task()).toMatchObject({ completed: false, dueDate: '2030-01-14' });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(task()).toMatchObject({ completed: false, dueDate: MONDAY }));
  });

  it('Undo in the toast gives the keyboard back to the list at once, before the undo has landed', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water plants'], seedExtra: { dueDate: MONDAY, recurrence: { rrule: 'FREQ=WEEKLY', from: 'due' } } });
    await selectRow(user, 'Water plants');
    await user.keyboard(' ');
    await screen.findByText(`Completed “Water plants”. Next: ${formatDay('2030-01-14')}`);
    server.delayNext({ path: /\/tasks\//, delayMs: 400 });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(document.activeElement).toBe(grid());
    await user.keyboard('e');
    expect(await screen.findByRole('complementary', { name: 'Task details' })).toBeTruthy();
    expect([...server.tasks.values()][0]).toMatchObject({ dueDate: '2030-01-14' }); // the undo is still on its way
    await waitFor(() => expect([...server.tasks.values()][0]).toMatchObject({ completed: false, dueDate: MONDAY }));
  });
});

describe('reminders editor and snooze', () => {
  it('Shift+R edits reminders: adds before-the-due and at-the-due-time, removes one, saves', async () => {
    const dueAt = '2030-01-07T09:00:00.000Z';
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Dentist'], seedExtra: { dueAt, timeZone: 'UTC', reminders: [{ beforeMinutes: 1440 }] } });
    await selectRow(user, 'Dentist');
    await user.keyboard('{Shift>}R{/Shift}');
    const dialog = await screen.findByRole('dialog', { name: 'Reminders for “Dentist”' });
    expect(within(within(dialog).getByRole('list', { name: 'Reminders' })).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['1 day before']);
    const amount = within(dialog).getByRole('spinbutton', { name: 'How long before' });
    await user.clear(amount);
    await user.type(amount, '2');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Unit' }), 'hours');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Remind' }), 'due');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    // The same reminder twice is refused.
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Add' }).disabled).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Remove reminder: 1 day before' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writesTo(server, /\/tasks\/task-\d+$/).at(-1)?.body).toEqual({ reminders: [{ beforeMinutes: 120 }, { beforeMinutes: 0 }] }));
  });

  it('offers only a date-and-time reminder on a task without a due time', async () => {
    const { user } = renderApp({ signedInAs: ada, seed: ['Call'], seedExtra: { dueDate: MONDAY } });
    await selectRow(user, 'Call');
    await user.keyboard('{Shift>}R{/Shift}');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole<HTMLSelectElement>('combobox', { name: 'Remind' }).value).toBe('at');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Remind' }), 'before');
    expect(within(dialog).getByText(/need a due time/)).toBeTruthy();
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Add' }).disabled).toBe(true);
  });

  it('a fired reminder can be snoozed from the details; a snooze can be cancelled', async () => {
    const past = new Date(Date.now() - 5 * 60_000).toISOString();
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Take pills'], seedExtra: { dueAt: past, timeZone: 'UTC', reminders: [{ beforeMinutes: 0 }] } });
    await selectRow(user, 'Take pills');
    await user.keyboard('e');
    const snooze = await screen.findByRole('group', { name: 'Snooze' });
    expect(within(snooze).getAllByRole('button').map((b) => b.textContent)).toEqual(['Snooze 10 min', 'Snooze 1 hour', 'Tomorrow 09:00']);
    await user.click(within(snooze).getByRole('button', { name: 'Snooze 10 min' }));
    await waitFor(() => expect(writesTo(server, /\/snooze$/).at(-1)).toMatchObject({ method: 'POST', body: { minutes: 10 } }));
    expect(await screen.findByText(/^Snoozed until /, { selector: '.snooze-bar span' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel snooze' }));
    await waitFor(() => expect(writesTo(server, /\/snooze$/).at(-1)).toMatchObject({ method: 'DELETE' }));
  });

  it('lists repeat, reminders and snooze in the command palette and the shortcuts sheet', async () => {
    const { user, server } = renderApp({ signedInAs: ada, seed: ['Water plants'], seedExtra: { dueDate: MONDAY } });
    await selectRow(user, 'Water plants');
    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog');
    await user.type(within(palette).getByRole('combobox'), 'snooze 1 hour');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(writesTo(server, /\/snooze$/).at(-1)).toMatchObject({ method: 'POST', body: { minutes: 60 } }));
    await user.keyboard('{Control>}k{/Control}');
    await user.type(within(await screen.findByRole('dialog')).getByRole('combobox'), 'repeat');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Repeat “Water plants”' })).toBeTruthy();
    await user.keyboard('{Escape}');
    grid().focus();
    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByText('R')).toBeTruthy();
    expect(within(sheet).getByText('Shift + R')).toBeTruthy();
  });
});

describe('a reminder notification’s click (reminder:open-task)', () => {
  it('opens the task in the details panel, switching to its list', async () => {
    const { fake, server } = renderApp({ signedInAs: ada, seed: ['In the Inbox'] });
    const garden = server.addList(ada.id, 'Garden');
    const [task] = server.seed(ada.id, ['Water the roses'], { listId: garden.id });
    await screen.findByText('In the Inbox', { selector: '.row-title' });
    act(() => fake.openTask({ taskId: task!.id }));
    expect(await screen.findByRole('heading', { name: 'Garden', level: 1 })).toBeTruthy();
    const details = await screen.findByRole('complementary', { name: 'Task details' });
    expect(within(details).getByDisplayValue('Water the roses')).toBeTruthy();
    expect(rowOf('Water the roses').getAttribute('aria-selected')).toBe('true');
  });

  it('says so when the task is gone', async () => {
    const { fake } = renderApp({ signedInAs: ada, seed: ['Something'] });
    await screen.findByText('Something', { selector: '.row-title' });
    act(() => fake.openTask({ taskId: 'task-deleted-meanwhile' }));
    expect(await screen.findByText(/no longer there/)).toBeTruthy();
    expect(screen.queryByRole('complementary', { name: 'Task details' })).toBeNull();
  });
});
