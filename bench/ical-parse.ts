// iCalendar parsers compared on what the VTODO mapping needs (src-main/ical/): ical.js (what the app uses) against
// node-ical (dev dependency, for this comparison only), on one 20,000-VTODO file written by the app's own writer
// (timed dues with VTIMEZONEs, alarms, categories, subtasks, sort orders, escaped and folded text).
//   node bench/ical-parse.ts          (BENCH_NO_SAVE=1 to print only; BENCH_ICAL_TASKS=N for another size)
// Rounds alternate which parser goes first; the report gives medians and the ratio, measured in one run, plus what
// each parser got right on the fixtures other apps wrote. Appends to bench/results/ical-YYYY-MM-DD.md.
import { appendFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { readCalendars } from '../src-main/ical/read-calendar.ts';
import { writeCalendar } from '../src-main/ical/write-calendar.ts';
import { NO_FIELDS, type TaskForVtodo } from '../src-main/ical/vtodo-fields.ts';
import { median } from './lib/stats.ts';

const TASKS = Number(process.env.BENCH_ICAL_TASKS ?? 20_000);
const ROUNDS = 5;
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland', null];

function tasks(n: number): TaskForVtodo[] {
  const out: TaskForVtodo[] = [];
  const base = Date.parse('2026-01-05T09:00:00Z');
  for (let i = 0; i < n; i++) {
    const zone = ZONES[i % ZONES.length]!;
    const timed = i % 3 !== 0;
    const dueAt = timed ? new Date(base + i * 3_600_000).toISOString() : null;
    out.push({
      ...NO_FIELDS,
      uid: `bench-${i}`,
      title: `Task ${i}: call, write; review the notes for project ${i % 97}`,
      description:
        i % 4 === 0
          ? `Line one of ${i}\nLine two, with a comma; and a semicolon. ${'x'.repeat(i % 120)}`
          : '',
      priority: (['none', 'low', 'medium', 'high'] as const)[i % 4]!,
      completed: i % 10 === 0,
      completedAt: i % 10 === 0 ? new Date(base - i * 60_000).toISOString() : null,
      dueDate: timed ? null : new Date(base + i * 86_400_000).toISOString().slice(0, 10),
      dueAt,
      timeZone: timed ? zone : null,
      recurrence: i % 7 === 0 ? { rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', from: 'due' } : null,
      reminders:
        timed && i % 2 === 0
          ? [{ beforeMinutes: 15 }, { at: new Date(base + i * 3_600_000 - 86_400_000).toISOString() }]
          : [],
      tags: i % 5 === 0 ? ['work', `p${i % 13}`] : [],
      parentUid: i % 10 >= 7 ? `bench-${i - (i % 10) + 0}` : null,
      sortOrder: i,
      listName: null,
      createdAt: new Date(base - 86_400_000 * 30 + i * 1000).toISOString(),
      updatedAt: new Date(base - 86_400_000 + i * 1000).toISOString(),
    });
  }
  return out;
}

/** What the mapping needs from a parse: every VTODO's SUMMARY, DUE (+TZID), alarms, categories, RELATED-TO. */
function withIcalJs(text: string): number {
  let fields = 0;
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const todo of root.getAllSubcomponents('vtodo')) {
    if (typeof todo.getFirstPropertyValue('summary') === 'string') fields++;
    if (todo.getFirstProperty('due')?.getParameter('tzid') !== undefined) fields++;
    fields += todo.getAllSubcomponents('valarm').length + todo.getAllProperties('categories').length;
    if (todo.getFirstPropertyValue('related-to') !== null) fields++;
  }
  return fields;
}

function withNodeIcal(text: string): number {
  let fields = 0;
  for (const item of Object.values(nodeIcal.sync.parseICS(text))) {
    if (item?.type !== 'VTODO') continue;
    const todo = item as unknown as Record<string, unknown>;
    if (typeof todo.summary === 'string') fields++;
    const due = todo.due as { tz?: string } | undefined;
    if (due?.tz !== undefined) fields++;
    fields += Array.isArray(todo.alarms) ? todo.alarms.length : 0;
    if (Array.isArray(todo.categories)) fields++;
    if (todo['related-to'] !== undefined) fields++;
  }
  return fields;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function heapAfter(fn: () => unknown): number {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  const used = process.memoryUsage().heapUsed - before;
  void kept;
  return used / 2 ** 20;
}

/** What each parser makes of the fixtures other apps wrote (src-main/ical/fixtures/). */
function fixtureChecks(): string[] {
  const fixture = (name: string) =>
    readFileSync(new URL(`../src-main/ical/fixtures/${name}.ics`, import.meta.url), 'utf8');
  const nodeTodos = (text: string) =>
    Object.values(nodeIcal.sync.parseICS(text)).filter((i) => i?.type === 'VTODO') as unknown as Array<
      Record<string, unknown>
    >;
  const evolution = fixture('evolution');
  const report = '20261129T203011Z-12176-1000-1065-6@workstation';
  const jsReport = readCalendars(evolution).tasks.find((t) => t.uid === report);
  const nodeReport = nodeTodos(evolution).find((t) => t.uid === report);
  const thunderbird = nodeTodos(fixture('thunderbird')).find(
    (t) => t.uid === '3f1c9a20-7d41-c84b-9e0f-5a2b8c6d1e77',
  );
  return [
    `| Evolution: the VTODO of the first of two VCALENDARs in one file | ${jsReport ? 'read' : 'lost'} | ${nodeReport ? 'read' : 'lost (the second VCALENDAR replaces the first)'} |`,
    `| Evolution: folded SUMMARY, TZID behind /freeassociation.sourceforge.net/ | ${jsReport?.title.endsWith('hiring plan') && jsReport.timeZone === 'Europe/Berlin' ? 'yes' : 'no'} | ${nodeReport ? 'read' : 'n/a (lost)'} |`,
    `| Thunderbird: completed RECURRENCE-ID occurrence of a series | a second component (the mapping folds it into a completion) | ${thunderbird?.recurrences ? 'folded under the series (recurrences)' : 'not kept apart'} |`,
    '| X- properties kept as written (round trip of unknown properties) | yes (names and parameters) | renamed (X-APPLE-SORT-ORDER becomes APPLE-SORT-ORDER) |',
    '| writes iCalendar (export, CalDAV PUT) and edits a parsed component in place | yes | no (a parser only) |',
  ];
}

if (process.env.BENCH_ICAL_DUMP)
  (await import('node:fs')).writeFileSync(process.env.BENCH_ICAL_DUMP, writeCalendar('Bench', tasks(TASKS)));
const text = writeCalendar('Bench', tasks(TASKS));
const bytes = Buffer.byteLength(text);
// The two parsers must see the same file: count the fields each found.
const found = { icaljs: withIcalJs(text), nodeIcal: withNodeIcal(text) };
const samples = { icaljs: [] as number[], mapping: [] as number[], nodeIcal: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? (['icaljs', 'nodeIcal'] as const) : (['nodeIcal', 'icaljs'] as const);
  for (const which of order)
    samples[which].push(time(() => (which === 'icaljs' ? withIcalJs(text) : withNodeIcal(text))));
  samples.mapping.push(time(() => readCalendars(text)));
}
const heap = {
  icaljs: heapAfter(() => ICAL.parse(text)),
  nodeIcal: heapAfter(() => nodeIcal.sync.parseICS(text)),
};
const med = {
  icaljs: median(samples.icaljs),
  nodeIcal: median(samples.nodeIcal),
  mapping: median(samples.mapping),
};
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();

const report = [
  `## iCalendar parse (${new Date().toISOString()}, commit ${commit})`,
  '',
  `One file of ${TASKS.toLocaleString('en')} VTODOs (${(bytes / 2 ** 20).toFixed(1)} MiB, written by the app's writer), ${ROUNDS} rounds alternating order, medians:`,
  '',
  '| what | ms | ratio to ical.js parse | heap after parse (MiB, gc first) | fields found |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| ical.js: parse + component walk | ${med.icaljs.toFixed(0)} | 1.00 | ${heap.icaljs.toFixed(0)} | ${found.icaljs} |`,
  `| node-ical 0.27.2: parseICS + object walk | ${med.nodeIcal.toFixed(0)} | ${(med.nodeIcal / med.icaljs).toFixed(2)} | ${heap.nodeIcal.toFixed(0)} | ${found.nodeIcal} |`,
  `| the whole mapping (readCalendars: ical.js + every field, parents, order) | ${med.mapping.toFixed(0)} | ${(med.mapping / med.icaljs).toFixed(2)} | | |`,
  '',
  '| on the fixtures other apps wrote | ical.js (the mapping) | node-ical |',
  '| --- | --- | --- |',
  ...fixtureChecks(),
  '',
].join('\n');
console.log(report);
if (process.env.BENCH_NO_SAVE !== '1') {
  appendFileSync(
    new URL(`./results/ical-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url),
    `${report}\n`,
  );
}
