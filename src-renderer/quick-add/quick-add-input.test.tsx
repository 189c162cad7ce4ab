import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { taskInputFromParsed } from '../../src-shared/quick-add/parsed-task';
import type { TaskCreateInput } from '../../src-shared/task-schemas';
import { backspaceAt, unparseSpan } from './chip-edit';
import { QuickAddInput } from './quick-add-input';
import { useQuickAddParse } from './use-quick-add-parse';

afterEach(cleanup);

// Monday 2026-11-30 05:45 in the viewer's zone is not fixed here: dates are compared through the parser itself.
const NOW = () => Date.parse('2026-11-30T04:45:00Z');

function Harness({ onSave }: { onSave: (input: TaskCreateInput) => void }) {
  const [text, setText] = useState('');
  const parsed = useQuickAddParse(text, [{ id: 'l-home', name: 'Home' }], NOW);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(taskInputFromParsed(parsed));
        setText('');
      }}
    >
      <QuickAddInput value={text} parsed={parsed} onChange={setText} />
    </form>
  );
}

const input = () => screen.getByLabelText<HTMLInputElement>('New task title');
const chipNames = () =>
  screen.queryAllByRole('button').map((b) => b.getAttribute('aria-label')?.split(',')[0]);

describe('QuickAddInput', () => {
  it('shows what it understood as chips and highlights it in the text while typing', async () => {
    const user = userEvent.setup();
    render(<Harness onSave={() => {}} />);
    await user.type(input(), 'Pay rent tomorrow 9am !high #home @bills every mon');
    expect(chipNames().slice(1)).toEqual([
      'Priority: High',
      'List: Home',
      'Tag: @bills',
      'Repeats: Every week on Monday',
    ]);
    expect(chipNames()[0]).toMatch(/^Due: /);
    const marks = [...document.querySelectorAll('.qa-mirror mark')].map((m) => m.textContent);
    expect(marks).toEqual(['tomorrow 9am', '!high', '#home', '@bills', 'every mon']);
  });

  it('turns a chip back into text when clicked (quoted), and the field keeps focus', async () => {
    const user = userEvent.setup();
    render(<Harness onSave={() => {}} />);
    await user.type(input(), 'Read tomorrow');
    await user.click(screen.getByRole('button', { name: /^Due: .*from "tomorrow"/ }));
    expect(input().value).toBe('Read "tomorrow"');
    expect(chipNames()).toEqual([]);
    expect(document.activeElement).toBe(input());
  });

  it('Backspace right after a chip makes it text; the next Backspaces delete inside the quotes', async () => {
    const user = userEvent.setup();
    render(<Harness onSave={() => {}} />);
    await user.type(input(), 'Call mom !high');
    expect(chipNames()).toEqual(['Priority: High']);
    await user.keyboard('{Backspace}');
    expect(input().value).toBe('Call mom "!high"');
    expect(chipNames()).toEqual([]);
    await user.keyboard('{Backspace}');
    expect(input().value).toBe('Call mom "!hig"');
    expect(chipNames()).toEqual([]);
  });

  it('Enter saves what the chips say', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    await user.type(input(), 'Water plants every! 3 days !low{Enter}');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      title: 'Water plants',
      priority: 'low',
      recurrence: { rrule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
      dueAt: null,
    });
    expect(input().value).toBe('');
  });

  it('shows the end of a period and a fortnightly rule as what will be saved (issue 15 item 10)', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Harness onSave={onSave} />);
    await user.type(input(), 'finish report by end of the year');
    const labels = () => screen.queryAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(labels()).toEqual([expect.stringMatching(/^Due: Thu, Dec 31\b.*"by end of the year"/)]);
    const marks = () => [...document.querySelectorAll('.qa-mirror mark')].map((m) => m.textContent);
    expect(marks()).toEqual(['by end of the year']);
    await user.keyboard('{Enter}');
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      title: 'finish report',
      dueDate: '2026-12-31',
      dueAt: null,
    });

    await user.type(input(), '1:1 with manager every other thursday 3pm');
    expect(labels()).toEqual([
      expect.stringMatching(/^Repeats: Every 2 weeks on Thursday\b.*"every other thursday"/),
      expect.stringMatching(/^Due: Thu, Dec 3\b.*"3pm"/),
    ]);
    await user.keyboard('{Enter}');
    expect(onSave.mock.calls[1]![0]).toMatchObject({
      title: '1:1 with manager',
      recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', from: 'due' },
      dueDate: null,
    });
    expect((onSave.mock.calls[1]![0] as TaskCreateInput).dueAt).toMatch(/^2026-12-03T15:00:00/);
  });

  it('says when a #list is unknown', async () => {
    const user = userEvent.setup();
    render(<Harness onSave={() => {}} />);
    await user.type(input(), 'Plan #holiday');
    expect(screen.getByText('No list is called "holiday": left as text.')).toBeTruthy();
  });
});

describe('chip edits', () => {
  const span = (kind: 'date' | 'literal', start: number, end: number, text: string) =>
    kind === 'literal'
      ? ({ kind, start, end, text, value: { text: text.slice(1, -1) } } as const)
      : ({ kind, start, end, text, value: { dueDate: '2026-12-01', dueAt: null } } as const);

  it('quotes with curly quotes when the text holds a straight one', () => {
    expect(unparseSpan('a 5" b', { start: 2, end: 4 })).toEqual({ text: 'a \u201c5"\u201d b', caret: 6 });
  });

  it('removes both quotes with the last literal character', () => {
    expect(backspaceAt('x "a"', [span('literal', 2, 5, '"a"')], 5)).toEqual({ text: 'x ', caret: 2 });
    expect(backspaceAt('x tomorrow', [span('date', 2, 10, 'tomorrow')], 9)).toBeNull();
  });
});
