import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './parse-quick-add.ts';
import { quickAddParsed } from './quick-add-schemas.ts';

const ctx = { now: '2026-11-30T04:45:00Z', timeZone: 'Europe/Paris', lists: ['Home', 'Side project'] };

describe('parseQuickAdd', () => {
  it('says where each part came from, with offsets into the text', () => {
    const text = 'Pay rent tomorrow 9am !high #home @bills "p1"';
    const parsed = parseQuickAdd(text, ctx);
    expect(parsed.spans.map((s) => [s.kind, s.start, s.end, s.text])).toEqual([
      ['date', 9, 21, 'tomorrow 9am'],
      ['priority', 22, 27, '!high'],
      ['list', 28, 33, '#home'],
      ['tag', 34, 40, '@bills'],
      ['literal', 41, 45, '"p1"'],
    ]);
    expect(parsed.spans[0]!.value).toEqual({ dueDate: null, dueAt: '2026-12-01T09:00:00+01:00' });
    expect(parsed.title).toBe('Pay rent p1');
    expect(quickAddParsed.parse(parsed)).toEqual(parsed);
  });

  it('reads "today" in the given zone, never the machine\'s', () => {
    const at = '2026-11-30T04:45:00Z';
    expect(parseQuickAdd('x today', { now: at, timeZone: 'America/Los_Angeles' }).dueDate).toBe('2026-11-29');
    expect(parseQuickAdd('x today', { now: at, timeZone: 'Asia/Tokyo' }).dueDate).toBe('2026-11-30');
  });

  it('reads day/month when asked', () => {
    expect(parseQuickAdd('Pay bill 5/12', { ...ctx, dateOrder: 'dmy' }).dueDate).toBe('2026-12-05');
    expect(parseQuickAdd('Pay bill 5/12', ctx).dueDate).toBe('2027-05-12');
  });

  it('rejects an invalid now', () => {
    expect(() => parseQuickAdd('x', { ...ctx, now: 'yesterday-ish' })).toThrow(RangeError);
  });

  it('keeps at most 10 reminders', () => {
    const text = `Call tomorrow 9am ${Array.from({ length: 11 }, (_, i) => `remind ${i + 1}m before`).join(' ')}`;
    const parsed = parseQuickAdd(text, ctx);
    expect(parsed.reminders).toHaveLength(10);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['TOO_MANY_REMINDERS']);
  });

  it('keeps at most 20 tags and returns the list id when lists come with ids', () => {
    const text = `Sort ${Array.from({ length: 21 }, (_, i) => `@t${i}`).join(' ')} #home`;
    const parsed = parseQuickAdd(text, { ...ctx, lists: [{ id: 'l1', name: 'Home' }] });
    expect(parsed.tags).toHaveLength(20);
    expect(parsed.title).toBe('Sort @t20');
    expect(parsed.warnings.map((w) => w.code)).toEqual(['TOO_MANY_TAGS']);
    expect(parsed.list).toEqual({ name: 'Home', id: 'l1' });
  });

  it('never throws on any text, and its spans are ordered, disjoint and inside the text', () => {
    const pieces = fc.constantFrom(
      'tomorrow',
      '9am',
      'every',
      '!',
      'mon',
      ',',
      '#home',
      '#',
      '@',
      '"',
      'remind',
      '5/12',
      ' ',
      'at',
      '5',
      'p1',
      'day',
      'x',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(pieces, { maxLength: 14 }).map((p) => p.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 4_102_444_800_000 }), (t, now) => {
        const parsed = parseQuickAdd(t, { ...ctx, now });
        let last = 0;
        for (const span of parsed.spans) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(t.length);
          last = span.end;
        }
        expect(parsed.dueDate !== null && parsed.dueAt !== null).toBe(false);
        quickAddParsed.parse(parsed);
      }),
      { numRuns: 400 },
    );
  });
});
