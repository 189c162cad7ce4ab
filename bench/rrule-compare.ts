// Recurrence engines compared: `rrule` (dev dependency, for this comparison only) against `rrule-temporal` (what
// src-main/schedule/recurrence.ts uses). Correctness on DST and calendar edge cases, then speed of the operation
// the app performs on each completion: parse a rule with a start, find the first occurrence after an instant.
//   node bench/rrule-compare.ts            (BENCH_NO_SAVE=1 to print only; TZ=... to set the host's zone:
//   rrule's TZID handling depends on it, so run it as a user's desktop would, e.g. TZ=America/Los_Angeles)
// Appends the report to bench/results/schedule-YYYY-MM-DD.md.
import { appendFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import rrulePkg from 'rrule';
import { RRuleTemporal } from 'rrule-temporal';
import { nextOccurrence } from '../src-shared/schedule/recurrence.ts';
import { percentile } from './lib/stats.ts';

const { rrulestr } = rrulePkg;

interface Case {
  name: string;
  /** DTSTART line + RRULE line, as both libraries read them. */
  ics: string;
  /** The zone the wall times are meant in. */
  zone: string;
  /** The first occurrences, as local wall times "YYYY-MM-DD HH:MM" in `zone`. */
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'weekly 09:00 Europe/Paris across spring DST (2026-03-29)',
    ics: 'DTSTART;TZID=Europe/Paris:20260316T090000\nRRULE:FREQ=WEEKLY;COUNT=4',
    zone: 'Europe/Paris',
    expected: ['2026-03-16 09:00', '2026-03-23 09:00', '2026-03-30 09:00', '2026-04-06 09:00'],
  },
  {
    name: 'weekly 09:00 Europe/Paris across autumn DST (2026-10-25)',
    ics: 'DTSTART;TZID=Europe/Paris:20261012T090000\nRRULE:FREQ=WEEKLY;COUNT=4',
    zone: 'Europe/Paris',
    expected: ['2026-10-12 09:00', '2026-10-19 09:00', '2026-10-26 09:00', '2026-11-02 09:00'],
  },
  {
    name: 'daily 08:30 America/New_York across spring DST (2026-03-08)',
    ics: 'DTSTART;TZID=America/New_York:20260306T083000\nRRULE:FREQ=DAILY;COUNT=4',
    zone: 'America/New_York',
    expected: ['2026-03-06 08:30', '2026-03-07 08:30', '2026-03-08 08:30', '2026-03-09 08:30'],
  },
  {
    name: 'monthly on the 31st (UTC)',
    ics: 'DTSTART:20260131T120000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4',
    zone: 'UTC',
    expected: ['2026-01-31 12:00', '2026-03-31 12:00', '2026-05-31 12:00', '2026-07-31 12:00'],
  },
  {
    name: 'yearly Feb 29 (UTC)',
    ics: 'DTSTART:20240229T120000Z\nRRULE:FREQ=YEARLY;COUNT=3',
    zone: 'UTC',
    expected: ['2024-02-29 12:00', '2028-02-29 12:00', '2032-02-29 12:00'],
  },
  {
    name: 'every 2 weeks Mon+Wed 18:00 Australia/Sydney across DST end (2026-04-05)',
    ics: 'DTSTART;TZID=Australia/Sydney:20260330T180000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=4',
    zone: 'Australia/Sydney',
    expected: ['2026-03-30 18:00', '2026-04-01 18:00', '2026-04-13 18:00', '2026-04-15 18:00'],
  },
];

function wall(instant: Date, zone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return f.format(instant).replace(',', '');
}

/** rrule-temporal: ZonedDateTime -> instant. */
function temporalOccurrences(c: Case): string[] {
  const rule = new RRuleTemporal({ rruleString: c.ics });
  return rule.all().map((z) => wall(new Date(Number(z.epochMilliseconds)), c.zone));
}

/**
 * rrule: with TZID its Dates are documented as "UTC dates whose UTC fields are the local time" in the rule's zone.
 * We read them that documented way, and also as real instants; a correct engine passes one of the two.
 */
function rruleOccurrences(c: Case): { documented: string[]; asInstants: string[] } {
  const dates = rrulestr(c.ics).all();
  const pad = (n: number) => String(n).padStart(2, '0');
  const documented = dates.map(
    (d) =>
      `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  );
  return { documented, asInstants: dates.map((d) => wall(d, c.zone)) };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

out(
  `## Recurrence engines: rrule 2.8.1 vs rrule-temporal 2.2.8 (host zone TZ=${process.env.TZ ?? 'unset (UTC here)'})`,
);
out();
out(
  `Machine: ${process.env.HOSTNAME ?? 'shared box'}, load ${execFileSync('cat', ['/proc/loadavg']).toString().trim()}`,
);
out();
out("### Correctness (occurrences as wall times in the rule's zone)");
out();
out('| case | rrule-temporal | rrule (documented reading) | rrule (as instants) |');
out('|---|---|---|---|');
let temporalOk = 0;
let rruleOk = 0;
for (const c of CASES) {
  const t = temporalOccurrences(c);
  const r = rruleOccurrences(c);
  const tPass = same(t, c.expected);
  const rPass = same(r.documented, c.expected) || same(r.asInstants, c.expected);
  temporalOk += +tPass;
  rruleOk += +rPass;
  const show = (ok: boolean, got: string[]) => (ok ? 'ok' : `WRONG: ${got.join(', ')}`);
  out(
    `| ${c.name} | ${show(tPass, t)} | ${show(same(r.documented, c.expected), r.documented)} | ${show(same(r.asInstants, c.expected), r.asInstants)} |`,
  );
}
out();
out(
  `rrule-temporal ${temporalOk}/${CASES.length} correct, rrule ${rruleOk}/${CASES.length} (either reading).`,
);

// Speed: what a completion does (parse rule + start, first occurrence after the current due).
const N = Number(process.env.BENCH_RRULE_N ?? 2000);
const ics = 'DTSTART;TZID=Europe/Paris:20260316T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE';
const after = new Date('2026-06-01T00:00:00Z');
function sample(fn: () => unknown): number[] {
  for (let i = 0; i < 200; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}
const temporalTimes = sample(() => new RRuleTemporal({ rruleString: ics }).next(after));
const rruleTimes = sample(() => rrulestr(ics).after(after));
const appTimes = sample(() =>
  nextOccurrence({
    rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
    from: 'due',
    due: { dueDate: null, dueAt: '2026-06-01T07:00:00.000Z', timeZone: 'Europe/Paris' },
    completedAt: after,
    done: 0,
  }),
);
const fmt = (t: number[]) => `p50 ${percentile(t, 50).toFixed(3)} ms, p99 ${percentile(t, 99).toFixed(3)} ms`;
out();
out(
  `### Speed: parse + first occurrence after an instant (${N} runs each, interleaving not needed: one thread)`,
);
out();
out(`- rrule-temporal: ${fmt(temporalTimes)}`);
out(`- rrule: ${fmt(rruleTimes)}`);
out(`- the app's nextOccurrence() (rrule-temporal + zone handling): ${fmt(appTimes)}`);
out(
  `- rrule-temporal is ${(percentile(rruleTimes, 50) / percentile(temporalTimes, 50)).toFixed(0)}x faster at p50`,
);
out();

if (!process.env.BENCH_NO_SAVE) {
  const file = new URL(`./results/schedule-${new Date().toISOString().slice(0, 10)}.md`, import.meta.url);
  appendFileSync(file, lines.join('\n') + '\n');
}
