// Data-driven: every phrase of quick-add-corpus.ts through the parser, compared field by field with its
// expectation (fields the case does not name must be empty). Also checks that spans match the text.
import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './parse-quick-add.ts';
import { recurrenceValue, reminderValue } from './quick-add-schemas.ts';
import {
  CORPUS,
  CORPUS_LISTS,
  CORPUS_NOW,
  CORPUS_ZONE,
  type CorpusCase,
  type CorpusExpectation,
} from './quick-add-corpus.ts';

function expected(c: CorpusCase): CorpusExpectation {
  return {
    title: c.text,
    startDate: null,
    dueDate: null,
    dueAt: null,
    recurrence: null,
    list: null,
    tags: [],
    priority: null,
    reminders: [],
    warnings: [],
    ...c.expect,
  };
}

function actual(c: CorpusCase): CorpusExpectation {
  const parsed = parseQuickAdd(c.text, {
    now: c.now ?? CORPUS_NOW,
    timeZone: c.timeZone ?? CORPUS_ZONE,
    lists: CORPUS_LISTS,
  });
  for (const span of parsed.spans) expect(c.text.slice(span.start, span.end)).toBe(span.text);
  // What the parser produces passes the task API's own checks unchanged (RRULE rules, reminder shapes).
  if (parsed.recurrence) expect(recurrenceValue.parse(parsed.recurrence)).toEqual(parsed.recurrence);
  for (const r of parsed.reminders) reminderValue.parse(r);
  return {
    title: parsed.title,
    startDate: parsed.startDate,
    dueDate: parsed.dueDate,
    dueAt: parsed.dueAt,
    recurrence: parsed.recurrence,
    list: parsed.list?.name ?? null,
    tags: parsed.tags,
    priority: parsed.priority,
    reminders: parsed.reminders,
    warnings: parsed.warnings.map((w) => w.code),
  };
}

describe('quick-add corpus', () => {
  it('has at least 150 phrases, each once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((c) => `${c.text}|${c.now ?? ''}|${c.timeZone ?? ''}`)).size).toBe(
      CORPUS.length,
    );
  });

  it.each(
    CORPUS.map(
      (c) =>
        [
          `${c.group}: ${c.text}${c.timeZone ? ` (${c.timeZone})` : ''}${c.now ? ` @${c.now}` : ''}`,
          c,
        ] as const,
    ),
  )('%s', (_name, c) => {
    expect(actual(c)).toEqual(expected(c));
  });
});
