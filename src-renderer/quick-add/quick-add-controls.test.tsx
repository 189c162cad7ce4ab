// The priority and date controls beside quick add show what the chips say and change with them; setting a control
// takes that part out of the text (no "No priority" next to a "Priority: High" chip).
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../src-shared/schedule/zoned-time';
import { viewerTimeZone } from '../dates/viewer-zone';
import { renderApp } from '../test/render-app';
import { ada } from '../test/screen-helpers';
import { removeSpans } from './chip-edit';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const tomorrow = () => localDate(new Date(Date.now() + 86_400_000), viewerTimeZone());
const priority = () => screen.getByLabelText<HTMLSelectElement>('Priority for the new task');
const dueInput = () => screen.getByLabelText<HTMLInputElement>('Due date for the new task');
const title = () => screen.getByLabelText<HTMLInputElement>('New task title');

describe('quick-add controls follow the chips', () => {
  it('show the text’s priority and date, and return to their own values when the chip goes', async () => {
    const { user } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.type(title(), 'Pay rent tomorrow !high');
    await waitFor(() => expect(priority().value).toBe('high'));
    expect(dueInput().value).toBe(tomorrow());
    expect(priority().title).toBe('From the text: !high');
    await user.clear(title());
    await user.type(title(), 'Pay rent');
    await waitFor(() => expect(priority().value).toBe('none'));
    expect(dueInput().value).toBe('');
  });

  it('a control set to something else replaces what the text said, and that is what is saved', async () => {
    const { user, server } = renderApp({ signedInAs: ada });
    await screen.findByRole('heading', { name: 'Your Inbox is empty' });
    await user.type(title(), 'Pay rent !high tomorrow');
    await waitFor(() => expect(priority().value).toBe('high'));
    await user.selectOptions(priority(), 'low');
    expect(title().value).toBe('Pay rent tomorrow');
    expect(priority().value).toBe('low');
    expect(dueInput().value).toBe(tomorrow());
    await user.type(title(), '{Enter}');
    await waitFor(() => expect([...server.tasks.values()].map((t) => [t.title, t.priority])).toEqual([['Pay rent', 'low']]));
  });

  it('removes a kind of span from the text, joining the spaces around it', () => {
    const spans = [
      { kind: 'priority' as const, start: 9, end: 14, text: '!high', value: { priority: 'high' as const } },
      { kind: 'date' as const, start: 15, end: 23, text: 'tomorrow', value: { dueDate: '2030-01-08', dueAt: null } },
    ];
    expect(removeSpans('Pay rent !high tomorrow', spans, 'priority')).toBe('Pay rent tomorrow');
    expect(removeSpans('Pay rent !high tomorrow', spans, 'date')).toBe('Pay rent !high');
  });
});
