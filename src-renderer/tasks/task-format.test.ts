import { describe, expect, it } from 'vitest';
import { dueLabel, previewText } from './task-format';

describe('dueLabel', () => {
  const now = new Date(2026, 4, 10, 12, 0);
  it('marks an open task overdue or due today', () => {
    expect(dueLabel(new Date(2026, 4, 9, 23, 59).toISOString(), now).tone).toBe('overdue');
    expect(dueLabel(new Date(2026, 4, 10, 23, 59).toISOString(), now).tone).toBe('today');
  });
  it('gives a finished task a neutral badge, never overdue or today (defect 2)', () => {
    const overdue = dueLabel(new Date(2026, 4, 9, 23, 59).toISOString(), now, true);
    const today = dueLabel(new Date(2026, 4, 10, 23, 59).toISOString(), now, true);
    expect([overdue.tone, today.tone]).toEqual(['done', 'done']);
    expect(overdue.full).toMatch(/^Was due /);
  });
});

describe('previewText (defect 13)', () => {
  it('shows the first line without markdown marks', () => {
    expect(previewText('## Options\nmore')).toBe('Options');
    expect(previewText('\n\n- [ ] **Buy** the _oat_ milk')).toBe('Buy the oat milk');
    expect(previewText('> see [the doc](https://x.test) and `npm ci`')).toBe('see the doc and npm ci');
    expect(previewText('1. First step')).toBe('First step');
    expect(previewText('---\n```\ncode')).toBe('code');
  });
  it('keeps plain text as it is', () => {
    expect(previewText('Oat milk, two litres.\nAsk for the receipt.')).toBe('Oat milk, two litres.');
    expect(previewText('5 * 3 = 15')).toBe('5 * 3 = 15');
  });
});
