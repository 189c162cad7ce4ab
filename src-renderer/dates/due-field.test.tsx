// The details panel's Due field in the whole app (fake API): all-day dates and times shown (defects 3 and 6), the
// picker opened with D, a new date keeps the time (defect 5), no date removes reminders that need a time, saying so.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';
import { ada, grid, rowOf } from '../test/screen-helpers';
import { createDueFormat } from './due-format';
import { viewerTimeZone } from './viewer-zone';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const zone = viewerTimeZone();
const fmt = createDueFormat(zone);

describe('the Due field in the details panel', () => {
  it('shows an all-day date; D opens the picker; a time keeps the date; Tomorrow keeps the time', async () => {
    const { user, server } = renderApp({
      signedInAs: ada,
      seed: ['Call plumber'],
      seedExtra: { dueDate: '2030-01-10' },
    });
    await screen.findByText('Call plumber', { selector: '.row-title' });
    grid().focus();
    await user.keyboard('{ArrowDown}');
    expect(rowOf('Call plumber').getAttribute('aria-selected')).toBe('true');
    await user.keyboard('d');
    const picker = await screen.findByRole('dialog', { name: 'Due date for Call plumber' });
    const details = screen.getByRole('complementary', { name: 'Task details' });
    expect(within(details).getByRole('button', { name: /^Due date / }).textContent).toBe(
      `${fmt.day('2030-01-10')}, all day`,
    );
    await user.click(within(picker).getByLabelText('All day'));
    const time = within(picker).getByLabelText<HTMLInputElement>('Time');
    await waitFor(() => expect(time.disabled).toBe(false));
    fireEvent.change(time, { target: { value: '14:30' } });
    await waitFor(() =>
      expect(server.tasks.get([...server.tasks.keys()][0]!)).toMatchObject({ dueDate: null, timeZone: zone }),
    );
    const task = () => [...server.tasks.values()][0]!;
    await waitFor(() => expect(fmt.time(task().dueAt!)).toMatch(/14:30|02:30/));
    expect(fmt.display(task(), new Date())?.date).toBe('2030-01-10');
    await user.click(within(picker).getByRole('button', { name: /^Next week/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(fmt.display(task(), new Date())?.date).not.toBe('2030-01-10'));
    expect(fmt.time(task().dueAt!)).toMatch(/14:30|02:30/);
  });

  it('No date removes reminders that need a time, with a warning', async () => {
    const { user, server } = renderApp({
      signedInAs: ada,
      seed: ['Dentist'],
      seedExtra: {
        dueAt: '2030-01-11T13:30:00.000Z',
        timeZone: 'Europe/Berlin',
        reminders: [{ beforeMinutes: 30 }],
      },
    });
    await screen.findByText('Dentist', { selector: '.row-title' });
    await user.click(within(rowOf('Dentist')).getByRole('button', { name: 'Details: Dentist' }));
    const details = screen.getByRole('complementary', { name: 'Task details' });
    await user.click(within(details).getByRole('button', { name: /^Due date / }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'No date' }));
    await waitFor(() =>
      expect([...server.tasks.values()][0]).toMatchObject({
        dueDate: null,
        dueAt: null,
        timeZone: null,
        reminders: [],
      }),
    );
    expect(within(details).getByRole('alert').textContent).toBe('Removed 1 reminder that needs a time.');
  });
});
