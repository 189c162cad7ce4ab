// The date + time picker on its own: presets, the calendar, time / all day, the typed date language, keyboard.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateTimePicker } from './date-time-picker';
import { NO_DUE, type Due } from './due-edit';
import { createDueFormat } from './due-format';

afterEach(cleanup);

// Friday 4 Dec 2026, 12:30 in Berlin.
const NOW = new Date('2026-12-04T11:30:00Z');
const format = createDueFormat('Europe/Berlin', 'en-GB');

function Harness({
  initial,
  onClose = () => undefined,
  allowTime,
}: {
  initial: Due;
  onClose?: () => void;
  allowTime?: boolean;
}) {
  const [due, setDue] = useState(initial);
  return (
    <>
      <output data-testid="due">{JSON.stringify(due)}</output>
      <DateTimePicker
        label="Due date for Dentist"
        value={due}
        onChange={setDue}
        onClose={onClose}
        format={format}
        now={NOW}
        allowTime={allowTime}
      />
    </>
  );
}

const due = (): Due => JSON.parse(screen.getByTestId('due').textContent ?? '{}') as Due;

describe('DateTimePicker', () => {
  it('one-click dates on the viewer calendar, and No date', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness initial={NO_DUE} onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Due date for Dentist' });
    const quick = within(dialog).getByRole('group', { name: 'Quick dates' });
    await user.click(within(quick).getByRole('button', { name: /^Tomorrow/ }));
    expect(due()).toEqual({ dueDate: '2026-12-05', dueAt: null, timeZone: null });
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(within(quick).getByRole('button', { name: /^This weekend/ }));
    expect(due().dueDate).toBe('2026-12-05');
    await user.click(within(quick).getByRole('button', { name: /^Next week/ }));
    expect(due().dueDate).toBe('2026-12-07');
    await user.click(within(quick).getByRole('button', { name: 'No date' }));
    expect(due()).toEqual(NO_DUE);
  });

  it('a calendar day keeps the time; a new time keeps the day; all day and back', async () => {
    const user = userEvent.setup();
    render(
      <Harness initial={{ dueDate: null, dueAt: '2026-12-11T13:30:00.000Z', timeZone: 'Europe/Berlin' }} />,
    );
    expect(screen.getByLabelText('Chosen').textContent).toBe('Fri 11 Dec, 14:30');
    await user.click(screen.getByRole('button', { name: /December 15th, 2026/ }));
    expect(due()).toEqual({ dueDate: null, dueAt: '2026-12-15T13:30:00.000Z', timeZone: 'Europe/Berlin' });
    const time = screen.getByLabelText('Time');
    // (happy-dom types into time inputs unlike a browser: set the value as the browser's picker does.)
    fireEvent.change(time, { target: { value: '09:05' } });
    expect(due()).toEqual({ dueDate: null, dueAt: '2026-12-15T08:05:00.000Z', timeZone: 'Europe/Berlin' });
    await user.click(screen.getByLabelText('All day'));
    expect(due()).toEqual({ dueDate: '2026-12-15', dueAt: null, timeZone: null });
    await user.click(screen.getByLabelText('All day'));
    expect(due()).toEqual({ dueDate: null, dueAt: '2026-12-15T08:05:00.000Z', timeZone: 'Europe/Berlin' });
  });

  it('reads the quick-add date language: "fri 3pm" and Enter', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness initial={NO_DUE} onClose={onClose} />);
    // The text field has focus when the picker opens.
    expect(document.activeElement).toBe(screen.getByLabelText('Type a date'));
    await user.keyboard('fri 3pm');
    // It is Friday 12:30: "fri 3pm" is this afternoon, as in quick add.
    expect(screen.getByText('Enter: Fri 4 Dec, 15:00')).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(due()).toEqual({ dueDate: null, dueAt: '2026-12-04T14:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(onClose).toHaveBeenCalled();
    await user.clear(screen.getByLabelText('Type a date'));
    await user.keyboard('blorp');
    expect(screen.getByText('Not a date I know yet.')).toBeTruthy();
  });

  it('date only: no time controls, a typed time is dropped', async () => {
    const user = userEvent.setup();
    render(<Harness initial={NO_DUE} allowTime={false} />);
    expect(screen.queryByLabelText('Time')).toBeNull();
    await user.keyboard('tomorrow 3pm{Enter}');
    expect(due()).toEqual({ dueDate: '2026-12-05', dueAt: null, timeZone: null });
  });

  it('Esc closes; Tab stays in the dialog', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness initial={NO_DUE} onClose={onClose} />);
    for (let i = 0; i < 60; i++) await user.tab();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});
