// The quick-add corpus: phrases and what they must become. Read by quick-add-corpus.test.ts.
// Unless a case says otherwise: now = Monday 2026-11-30 05:45 in Europe/Paris (04:45Z, UTC+1), the account's
// lists are Home, Work, Side project and Groceries, and every field not named in `expect` must be empty
// (title = the text, no due, no rule, no list, no tags, no priority, no reminders, no warnings).
import type { Priority } from '../task-schemas.ts';
import type { RecurrenceValue, ReminderValue } from './quick-add-schemas.ts';

export interface CorpusExpectation {
  title: string;
  startDate: string | null;
  dueDate: string | null;
  dueAt: string | null;
  recurrence: RecurrenceValue | null;
  list: string | null;
  tags: string[];
  priority: Priority | null;
  reminders: ReminderValue[];
  /** Warning codes in text order. */
  warnings: string[];
}

export interface CorpusCase {
  text: string;
  expect: Partial<CorpusExpectation>;
  group:
    | 'plain'
    | 'date'
    | 'start'
    | 'time zone'
    | 'recurrence'
    | 'list'
    | 'tag'
    | 'priority'
    | 'reminder'
    | 'literal'
    | 'combined'
    | 'ambiguous';
  now?: string;
  timeZone?: string;
  note?: string;
}

export const CORPUS_NOW = '2026-11-30T04:45:00Z';
export const CORPUS_ZONE = 'Europe/Paris';
export const CORPUS_LISTS = ['Home', 'Work', 'Side project', 'Groceries'];

const rule = (rrule: string, from: 'due' | 'completion' = 'due'): RecurrenceValue => ({ rrule, from });
const plain = (text: string, note?: string): CorpusCase => ({ text, expect: {}, group: 'plain', note });

export const CORPUS: CorpusCase[] = [
  // Must stay plain text: numbers, names and words that chrono alone would read as dates.
  plain('Call May about the 3 reports', 'month name used as a name'),
  plain('Read 1984', 'a bare year is a title'),
  plain('Meet at 5 guys', 'a bare hour followed by more words'),
  plain('Buy 1/2 kg flour', 'a fraction, not January 2'),
  plain('Open 24/7', 'day/month order does not match the configured month/day'),
  plain('Sun cream', 'weekday abbreviation without a date word'),
  plain('Sat exam prep'),
  plain('Wed planning doc'),
  plain('Morning run', 'a part of day alone'),
  plain('Evening walk with the dog'),
  plain('March madness bracket', 'a month without a day'),
  plain('Email April about the budget'),
  plain('Call June'),
  plain('Plan the trip in June', 'a month without a day, even after "in"'),
  plain('Do it now', '"now" never counts'),
  plain('Daily standup notes', 'only "every ..." makes a rule'),
  plain('Weekly review'),
  plain('Monthly report draft'),
  plain('Every time counts', '"every" without a rule'),
  plain('Fix bug #123', 'an issue number: no list, no warning'),
  plain('Email bob@example.com', 'an address, not a tag'),
  plain('Learn C#'),
  plain("Watch Ocean's 11"),
  plain('Buy 2 apples'),
  plain('Read chapter 5'),
  plain('Second draft of the essay'),
  plain('Plan the 3rd quarter'),
  plain('Pay $5 to Sam'),
  plain('Book 3 tickets for 2'),
  plain('Version 1.2 release notes'),
  plain('Room 101 keys'),
  plain('Take 2 pills'),
  plain('Top 10 list'),
  plain('Buy milk!'),
  plain('Remind Bob about lunch', '"remind" without a time'),
  plain('Reply p4 ticket', 'p4 is not a priority'),
  plain('Fix !urgent bug', 'unknown priority word'),
  plain('He said "hi', 'an unmatched quote is an ordinary character'),
  plain('Meeting 3 days ago', 'past dates never count'),
  plain('Notes from last friday'),
  plain('Archive Nov 3 2020 photos', 'a date in the past'),
  plain('Every morning stretch', '"every morning" is not a rule; "morning" alone is not a time'),

  // Dates and times.
  { group: 'date', text: 'Pay rent today', expect: { title: 'Pay rent', dueDate: '2026-11-30' } },
  { group: 'date', text: 'Pay rent tomorrow', expect: { title: 'Pay rent', dueDate: '2026-12-01' } },
  {
    group: 'date',
    text: 'Call mom tonight',
    expect: { title: 'Call mom', dueAt: '2026-11-30T19:00:00+01:00' },
  },
  { group: 'date', text: 'Gym tomorrow 9am', expect: { title: 'Gym', dueAt: '2026-12-01T09:00:00+01:00' } },
  {
    group: 'date',
    text: 'Report next fri',
    expect: { title: 'Report', dueDate: '2026-12-11' },
    note: '"next <weekday>" is that day in the next week',
  },
  { group: 'date', text: 'Clean garage on sat', expect: { title: 'Clean garage', dueDate: '2026-12-05' } },
  { group: 'date', text: 'Brunch sat 10am', expect: { title: 'Brunch', dueAt: '2026-12-05T10:00:00+01:00' } },
  { group: 'date', text: 'Submit report friday', expect: { title: 'Submit report', dueDate: '2026-12-04' } },
  { group: 'date', text: 'Finish draft by friday', expect: { title: 'Finish draft', dueDate: '2026-12-04' } },
  { group: 'date', text: 'Report due tomorrow', expect: { title: 'Report', dueDate: '2026-12-01' } },
  { group: 'date', text: 'Water plants in 3 days', expect: { title: 'Water plants', dueDate: '2026-12-03' } },
  { group: 'date', text: 'Renew card in 2 weeks', expect: { title: 'Renew card', dueDate: '2026-12-14' } },
  {
    group: 'date',
    text: 'Dentist Dec 5 17:30',
    expect: { title: 'Dentist', dueAt: '2026-12-05T17:30:00+01:00' },
  },
  { group: 'date', text: 'Party Dec 5th', expect: { title: 'Party', dueDate: '2026-12-05' } },
  { group: 'date', text: 'Party 5 December', expect: { title: 'Party', dueDate: '2026-12-05' } },
  {
    group: 'date',
    text: 'Pay bill 5/12',
    expect: { title: 'Pay bill', dueDate: '2027-05-12' },
    note: 'month/day at the end of the text',
  },
  {
    group: 'date',
    text: 'Pay on 5/12 the phone bill',
    expect: { title: 'Pay the phone bill', dueDate: '2027-05-12' },
  },
  { group: 'date', text: 'Wrap gifts 12/24', expect: { title: 'Wrap gifts', dueDate: '2026-12-24' } },
  {
    group: 'date',
    text: 'Renew 5/12/2027 passport',
    expect: { title: 'Renew passport', dueDate: '2027-05-12' },
  },
  { group: 'date', text: 'Taxes March 3 2027', expect: { title: 'Taxes', dueDate: '2027-03-03' } },
  { group: 'date', text: 'Launch 2027-03-04', expect: { title: 'Launch', dueDate: '2027-03-04' } },
  { group: 'date', text: 'Plan menu next week', expect: { title: 'Plan menu', dueDate: '2026-12-07' } },
  { group: 'date', text: 'Hike this weekend', expect: { title: 'Hike', dueDate: '2026-12-05' } },
  { group: 'date', text: 'Invoice end of month', expect: { title: 'Invoice', dueDate: '2026-11-30' } },
  {
    group: 'date',
    text: 'Ship it the day after tomorrow',
    expect: { title: 'Ship it', dueDate: '2026-12-02' },
  },
  {
    group: 'date',
    text: 'Check oven in 3 hours',
    expect: { title: 'Check oven', dueAt: '2026-11-30T08:45:00+01:00' },
  },
  {
    group: 'date',
    text: 'Stretch in an hour',
    expect: { title: 'Stretch', dueAt: '2026-11-30T06:45:00+01:00' },
  },
  { group: 'date', text: 'Tea in 30 minutes', expect: { title: 'Tea', dueAt: '2026-11-30T06:15:00+01:00' } },
  {
    group: 'date',
    text: 'Lunch with Sam at noon',
    expect: { title: 'Lunch with Sam', dueAt: '2026-11-30T12:00:00+01:00' },
  },
  {
    group: 'date',
    text: 'Standup Monday at 10',
    expect: { title: 'Standup', dueAt: '2026-11-30T10:00:00+01:00' },
  },
  {
    group: 'date',
    text: 'Call bank at 9:30',
    expect: { title: 'Call bank', dueAt: '2026-11-30T09:30:00+01:00' },
  },
  { group: 'date', text: 'Gym 5pm', expect: { title: 'Gym', dueAt: '2026-11-30T17:00:00+01:00' } },
  {
    group: 'date',
    text: 'Call mom at 5',
    expect: { title: 'Call mom', dueAt: '2026-11-30T17:00:00+01:00' },
    note: 'a bare hour 1-7 is afternoon',
  },
  { group: 'date', text: 'Meet at 5', expect: { title: 'Meet', dueAt: '2026-11-30T17:00:00+01:00' } },
  {
    group: 'date',
    text: 'Call Ann at 3 tomorrow',
    expect: { title: 'Call Ann', dueAt: '2026-12-01T15:00:00+01:00' },
  },
  {
    group: 'date',
    text: 'Review friday at 2',
    expect: { title: 'Review', dueAt: '2026-12-04T14:00:00+01:00' },
  },
  {
    group: 'date',
    text: 'Run tomorrow morning',
    expect: { title: 'Run', dueAt: '2026-12-01T09:00:00+01:00' },
  },
  {
    group: 'date',
    text: 'Read tomorrow evening',
    expect: { title: 'Read', dueAt: '2026-12-01T19:00:00+01:00' },
  },
  {
    group: 'date',
    text: 'Alarm 5am',
    expect: { title: 'Alarm', dueAt: '2026-12-01T05:00:00+01:00' },
    note: '05:00 has passed today',
  },
  { group: 'date', text: 'Call at 17:45', expect: { title: 'Call', dueAt: '2026-11-30T17:45:00+01:00' } },
  {
    group: 'date',
    text: 'Pay rent tomorrow, then relax',
    expect: { title: 'Pay rent, then relax', dueDate: '2026-12-01' },
  },
  {
    group: 'date',
    text: 'Pack today and tomorrow',
    expect: { title: 'Pack and tomorrow', dueDate: '2026-11-30', warnings: ['DUPLICATE'] },
  },

  // The zone decides "today", and DST changes are kept.
  {
    group: 'time zone',
    text: 'Call today',
    timeZone: 'America/New_York',
    expect: { title: 'Call', dueDate: '2026-11-29' },
    note: 'still Sunday evening in New York',
  },
  {
    group: 'time zone',
    text: 'Call tomorrow 9am',
    timeZone: 'America/New_York',
    expect: { title: 'Call', dueAt: '2026-11-30T09:00:00-05:00' },
  },
  {
    group: 'time zone',
    text: 'Call tomorrow 9am',
    timeZone: 'Asia/Kolkata',
    expect: { title: 'Call', dueAt: '2026-12-01T09:00:00+05:30' },
  },
  {
    group: 'time zone',
    text: 'Dinner tonight',
    timeZone: 'Pacific/Auckland',
    expect: { title: 'Dinner', dueAt: '2026-11-30T19:00:00+13:00' },
  },
  {
    group: 'time zone',
    text: 'Call tomorrow 9am',
    timeZone: 'UTC',
    expect: { title: 'Call', dueAt: '2026-12-01T09:00:00+00:00' },
  },
  {
    group: 'time zone',
    text: 'Brunch tomorrow 9am',
    now: '2027-03-27T12:00:00Z',
    expect: { title: 'Brunch', dueAt: '2027-03-28T09:00:00+02:00' },
    note: 'the day summer time starts',
  },
  {
    group: 'time zone',
    text: 'Backup tomorrow 2:30am',
    now: '2027-03-27T12:00:00Z',
    expect: { title: 'Backup', dueAt: '2027-03-28T03:30:00+02:00' },
    note: '02:30 does not exist: moved forward by the gap',
  },
  {
    group: 'time zone',
    text: 'Backup tomorrow 2:30am',
    now: '2027-10-30T12:00:00Z',
    expect: { title: 'Backup', dueAt: '2027-10-31T02:30:00+02:00' },
    note: '02:30 happens twice: the earlier one',
  },
  {
    group: 'time zone',
    text: 'Brunch tomorrow 9am',
    now: '2027-10-30T12:00:00Z',
    expect: { title: 'Brunch', dueAt: '2027-10-31T09:00:00+01:00' },
  },
  {
    group: 'time zone',
    text: 'Check in 3 hours',
    now: '2027-03-28T00:30:00Z',
    expect: { title: 'Check', dueAt: '2027-03-28T05:30:00+02:00' },
    note: 'three real hours across the change',
  },
  {
    group: 'time zone',
    text: 'Meeting Apr 2 10am',
    timeZone: 'America/New_York',
    now: '2027-03-01T12:00:00Z',
    expect: { title: 'Meeting', dueAt: '2027-04-02T10:00:00-04:00' },
  },

  // Recurrence.
  {
    group: 'recurrence',
    text: 'Journal every day',
    expect: { title: 'Journal', dueDate: '2026-11-30', recurrence: rule('FREQ=DAILY') },
  },
  {
    group: 'recurrence',
    text: 'Journal every day at 9am',
    expect: { title: 'Journal', dueAt: '2026-11-30T09:00:00+01:00', recurrence: rule('FREQ=DAILY') },
  },
  {
    group: 'recurrence',
    text: 'Alarm every day at 5am',
    expect: { title: 'Alarm', dueAt: '2026-12-01T05:00:00+01:00', recurrence: rule('FREQ=DAILY') },
    note: 'today 05:00 has passed',
  },
  {
    group: 'recurrence',
    text: 'Standup every weekday',
    expect: { title: 'Standup', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR') },
  },
  {
    group: 'recurrence',
    text: 'Standup every weekday at 8:30',
    expect: {
      title: 'Standup',
      dueAt: '2026-11-30T08:30:00+01:00',
      recurrence: rule('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'),
    },
  },
  {
    group: 'recurrence',
    text: 'Long run every weekend',
    expect: { title: 'Long run', dueDate: '2026-12-05', recurrence: rule('FREQ=WEEKLY;BYDAY=SA,SU') },
  },
  {
    group: 'recurrence',
    text: 'Gym every mon, wed',
    expect: { title: 'Gym', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;BYDAY=MO,WE') },
  },
  {
    group: 'recurrence',
    text: 'Gym every monday and friday',
    expect: { title: 'Gym', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;BYDAY=MO,FR') },
  },
  {
    group: 'recurrence',
    text: 'Gym every fri, mon and wed',
    expect: { title: 'Gym', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;BYDAY=MO,WE,FR') },
  },
  {
    group: 'recurrence',
    text: 'Piano every tue',
    expect: { title: 'Piano', dueDate: '2026-12-01', recurrence: rule('FREQ=WEEKLY;BYDAY=TU') },
  },
  {
    group: 'recurrence',
    text: 'Team sync every mon 9am',
    expect: {
      title: 'Team sync',
      dueAt: '2026-11-30T09:00:00+01:00',
      recurrence: rule('FREQ=WEEKLY;BYDAY=MO'),
    },
  },
  {
    group: 'recurrence',
    text: 'Sprint review every 2 weeks',
    expect: { title: 'Sprint review', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;INTERVAL=2') },
  },
  {
    group: 'recurrence',
    text: 'Sprint review every two weeks',
    expect: { title: 'Sprint review', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;INTERVAL=2') },
  },
  {
    group: 'recurrence',
    text: 'Mow lawn every other week',
    expect: { title: 'Mow lawn', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;INTERVAL=2') },
  },
  {
    group: 'recurrence',
    text: 'Payroll every 2 weeks on fri',
    expect: { title: 'Payroll', dueDate: '2026-12-04', recurrence: rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR') },
  },
  {
    group: 'recurrence',
    text: 'Class every 2 weeks on mon, wed',
    expect: { title: 'Class', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE') },
  },
  {
    group: 'recurrence',
    text: 'Budget every month',
    expect: { title: 'Budget', dueDate: '2026-11-30', recurrence: rule('FREQ=MONTHLY') },
  },
  {
    group: 'recurrence',
    text: 'Pay rent every month on the 1st',
    expect: { title: 'Pay rent', dueDate: '2026-12-01', recurrence: rule('FREQ=MONTHLY;BYMONTHDAY=1') },
  },
  {
    group: 'recurrence',
    text: 'Pay card every month on the 15th',
    expect: { title: 'Pay card', dueDate: '2026-12-15', recurrence: rule('FREQ=MONTHLY;BYMONTHDAY=15') },
  },
  {
    group: 'recurrence',
    text: 'Close books every month on the last day',
    expect: { title: 'Close books', dueDate: '2026-11-30', recurrence: rule('FREQ=MONTHLY;BYMONTHDAY=-1') },
  },
  {
    group: 'recurrence',
    text: 'Water cactus every 15th',
    expect: { title: 'Water cactus', dueDate: '2026-12-15', recurrence: rule('FREQ=MONTHLY;BYMONTHDAY=15') },
  },
  {
    group: 'recurrence',
    text: 'Book club every first monday',
    expect: { title: 'Book club', dueDate: '2026-12-07', recurrence: rule('FREQ=MONTHLY;BYDAY=1MO') },
  },
  {
    group: 'recurrence',
    text: 'Drinks every last friday of the month',
    expect: { title: 'Drinks', dueDate: '2026-12-25', recurrence: rule('FREQ=MONTHLY;BYDAY=-1FR') },
  },
  {
    group: 'recurrence',
    text: 'Quarterly taxes every 3 months',
    expect: { title: 'Quarterly taxes', dueDate: '2026-11-30', recurrence: rule('FREQ=MONTHLY;INTERVAL=3') },
  },
  {
    group: 'recurrence',
    text: 'Renew domain every year',
    expect: { title: 'Renew domain', dueDate: '2026-11-30', recurrence: rule('FREQ=YEARLY') },
  },
  {
    group: 'recurrence',
    text: 'Gifts every year on dec 25',
    expect: {
      title: 'Gifts',
      dueDate: '2026-12-25',
      recurrence: rule('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25'),
    },
  },
  {
    group: 'recurrence',
    text: 'Leap party every feb 29',
    expect: {
      title: 'Leap party',
      dueDate: '2028-02-29',
      recurrence: rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'),
    },
  },
  {
    group: 'recurrence',
    text: 'Water plants every 3 days',
    expect: { title: 'Water plants', dueDate: '2026-11-30', recurrence: rule('FREQ=DAILY;INTERVAL=3') },
  },
  {
    group: 'recurrence',
    text: 'Water plants every! 3 days',
    expect: {
      title: 'Water plants',
      dueDate: '2026-11-30',
      recurrence: rule('FREQ=DAILY;INTERVAL=3', 'completion'),
    },
    note: '"every!" repeats from completion',
  },
  {
    group: 'recurrence',
    text: 'Haircut every! 4 weeks',
    expect: {
      title: 'Haircut',
      dueDate: '2026-11-30',
      recurrence: rule('FREQ=WEEKLY;INTERVAL=4', 'completion'),
    },
  },
  {
    group: 'recurrence',
    text: 'Review every mon',
    expect: { title: 'Review', dueDate: '2026-11-30', recurrence: rule('FREQ=WEEKLY;BYDAY=MO') },
  },
  {
    group: 'recurrence',
    text: 'Yoga every day starting dec 7',
    expect: { title: 'Yoga', dueDate: '2026-12-07', recurrence: rule('FREQ=DAILY') },
  },
  {
    group: 'recurrence',
    text: 'Swim every fri from jan 8 2027',
    expect: { title: 'Swim', dueDate: '2027-01-08', recurrence: rule('FREQ=WEEKLY;BYDAY=FR') },
  },
  {
    group: 'recurrence',
    text: 'Stand up every day at 9am every week',
    expect: {
      title: 'Stand up every week',
      dueAt: '2026-11-30T09:00:00+01:00',
      recurrence: rule('FREQ=DAILY'),
      warnings: ['DUPLICATE'],
    },
  },
  {
    group: 'recurrence',
    text: 'EVERY DAY floss',
    expect: { title: 'floss', dueDate: '2026-11-30', recurrence: rule('FREQ=DAILY') },
  },

  // Lists.
  { group: 'list', text: 'Fix sink #home', expect: { title: 'Fix sink', list: 'Home' } },
  { group: 'list', text: 'Fix sink #HOME', expect: { title: 'Fix sink', list: 'Home' } },
  { group: 'list', text: '#work Quarterly plan', expect: { title: 'Quarterly plan', list: 'Work' } },
  {
    group: 'list',
    text: 'Sketch logo #"Side project"',
    expect: { title: 'Sketch logo', list: 'Side project' },
  },
  {
    group: 'list',
    text: 'Sketch logo #"side PROJECT"',
    expect: { title: 'Sketch logo', list: 'Side project' },
  },
  {
    group: 'list',
    text: 'Sketch logo #side project',
    expect: { title: 'Sketch logo', list: 'Side project' },
    note: 'a multi-word list the account has also matches unquoted',
  },
  { group: 'list', text: 'Milk #groceries.', expect: { title: 'Milk.', list: 'Groceries' } },
  {
    group: 'list',
    text: 'Plan #holiday',
    expect: { title: 'Plan #holiday', warnings: ['UNKNOWN_LIST'] },
    note: 'unknown lists stay text with a warning',
  },
  {
    group: 'list',
    text: 'Plan #"Big trip"',
    expect: { title: 'Plan #Big trip', warnings: ['UNKNOWN_LIST'] },
  },
  {
    group: 'list',
    text: 'Fix sink #home #work',
    expect: { title: 'Fix sink #work', list: 'Home', warnings: ['DUPLICATE'] },
  },
  {
    group: 'list',
    text: 'Sink#home',
    expect: { title: 'Sink#home' },
    note: 'a sigil counts only after a space',
  },

  // Tags.
  { group: 'tag', text: 'Buy stamps @errands', expect: { title: 'Buy stamps', tags: ['errands'] } },
  {
    group: 'tag',
    text: '@phone Call plumber @urgent',
    expect: { title: 'Call plumber', tags: ['phone', 'urgent'] },
  },
  { group: 'tag', text: 'Buy stamps @Errands @errands', expect: { title: 'Buy stamps', tags: ['Errands'] } },
  { group: 'tag', text: 'Desk setup @home-office', expect: { title: 'Desk setup', tags: ['home-office'] } },
  { group: 'tag', text: 'Ask @sam.', expect: { title: 'Ask.', tags: ['sam'] } },
  { group: 'tag', text: 'Taxes @2026', expect: { title: 'Taxes', tags: ['2026'] } },

  // Priority.
  { group: 'priority', text: 'File taxes !high', expect: { title: 'File taxes', priority: 'high' } },
  { group: 'priority', text: 'File taxes !medium', expect: { title: 'File taxes', priority: 'medium' } },
  { group: 'priority', text: 'File taxes !med', expect: { title: 'File taxes', priority: 'medium' } },
  { group: 'priority', text: 'File taxes !low', expect: { title: 'File taxes', priority: 'low' } },
  { group: 'priority', text: 'File taxes !HIGH', expect: { title: 'File taxes', priority: 'high' } },
  { group: 'priority', text: 'p1 File taxes', expect: { title: 'File taxes', priority: 'high' } },
  { group: 'priority', text: 'File taxes p2', expect: { title: 'File taxes', priority: 'medium' } },
  { group: 'priority', text: 'File taxes P3', expect: { title: 'File taxes', priority: 'low' } },
  {
    group: 'priority',
    text: 'File taxes !high !low',
    expect: { title: 'File taxes !low', priority: 'high', warnings: ['DUPLICATE'] },
  },
  { group: 'priority', text: 'Wow!high', expect: { title: 'Wow!high' } },

  // Reminders.
  {
    group: 'reminder',
    text: 'Dentist tomorrow 3pm remind 30m before',
    expect: { title: 'Dentist', dueAt: '2026-12-01T15:00:00+01:00', reminders: [{ beforeMinutes: 30 }] },
  },
  {
    group: 'reminder',
    text: 'Dentist tomorrow 3pm remind me 2 hours before',
    expect: { title: 'Dentist', dueAt: '2026-12-01T15:00:00+01:00', reminders: [{ beforeMinutes: 120 }] },
  },
  {
    group: 'reminder',
    text: 'Flight fri 7am remind 1 day before',
    expect: { title: 'Flight', dueAt: '2026-12-04T07:00:00+01:00', reminders: [{ beforeMinutes: 1440 }] },
  },
  {
    group: 'reminder',
    text: 'Flight fri 7am remind an hour before',
    expect: { title: 'Flight', dueAt: '2026-12-04T07:00:00+01:00', reminders: [{ beforeMinutes: 60 }] },
  },
  {
    group: 'reminder',
    text: 'Call bank remind 30m before',
    expect: { title: 'Call bank', warnings: ['REMINDER_NEEDS_DUE_TIME'] },
    note: 'no due time: the reminder is left out',
  },
  {
    group: 'reminder',
    text: 'Send invoice remind 8am',
    expect: { title: 'Send invoice', reminders: [{ at: '2026-11-30T08:00:00+01:00' }] },
  },
  {
    group: 'reminder',
    text: 'Send invoice tomorrow remind 8am',
    expect: {
      title: 'Send invoice',
      dueDate: '2026-12-01',
      reminders: [{ at: '2026-12-01T08:00:00+01:00' }],
    },
    note: 'a time alone falls on the due day',
  },
  {
    group: 'reminder',
    text: 'Send invoice on fri remind at 8:15',
    expect: {
      title: 'Send invoice',
      dueDate: '2026-12-04',
      reminders: [{ at: '2026-12-04T08:15:00+01:00' }],
    },
  },
  {
    group: 'reminder',
    text: 'Send invoice fri remind at 8:15',
    expect: { title: 'Send invoice fri', reminders: [{ at: '2026-11-30T08:15:00+01:00' }] },
    note: '"fri" alone is text (rule 4)',
  },
  {
    group: 'reminder',
    text: 'Pay rent remind me tomorrow at 9',
    expect: { title: 'Pay rent', reminders: [{ at: '2026-12-01T09:00:00+01:00' }] },
  },
  {
    group: 'reminder',
    text: 'Pay rent remind thursday',
    expect: { title: 'Pay rent', reminders: [{ at: '2026-12-03T09:00:00+01:00' }] },
    note: 'a day alone: 09:00',
  },
  {
    group: 'reminder',
    text: 'Talk tomorrow 4pm remind 1h before remind 10m before',
    expect: {
      title: 'Talk',
      dueAt: '2026-12-01T16:00:00+01:00',
      reminders: [{ beforeMinutes: 60 }, { beforeMinutes: 10 }],
    },
  },
  {
    group: 'reminder',
    text: 'Oven in 2 hours remind 15 min before',
    expect: { title: 'Oven', dueAt: '2026-11-30T07:45:00+01:00', reminders: [{ beforeMinutes: 15 }] },
  },

  // Quoted text is literal.
  { group: 'literal', text: 'Read "tomorrow" book', expect: { title: 'Read tomorrow book' } },
  { group: 'literal', text: 'Organise "Sunday" school', expect: { title: 'Organise Sunday school' } },
  { group: 'literal', text: 'Buy "p1" cable', expect: { title: 'Buy p1 cable' } },
  {
    group: 'literal',
    text: 'Watch "Every day" film tomorrow',
    expect: { title: 'Watch Every day film', dueDate: '2026-12-01' },
  },
  { group: 'literal', text: 'Email "#home" owner', expect: { title: 'Email #home owner' } },
  { group: 'literal', text: 'Print \u201cMay 5\u201d flyer', expect: { title: 'Print May 5 flyer' } },

  // "on the 15th" (issue 15 item 10): the next day of the month with that number.
  {
    group: 'date',
    text: 'Pay electricity bill on the 15th',
    expect: { title: 'Pay electricity bill', dueDate: '2026-12-15' },
  },
  { group: 'date', text: 'Rent on the 1st', expect: { title: 'Rent', dueDate: '2026-12-01' } },
  {
    group: 'date',
    text: 'Invoice on the 30th',
    expect: { title: 'Invoice', dueDate: '2026-11-30' },
    note: 'today is the 30th',
  },
  {
    group: 'date',
    text: 'Close books on the 31st',
    expect: { title: 'Close books', dueDate: '2026-12-31' },
    note: 'November has no 31st',
  },
  plain('Third time on the 3rd floor', 'a number after "the" followed by more words'),
  // Issue 15 item 10: the end of a period (its last day, all day; a week ends on Friday), and long sentences whose
  // date is at the end: a length of time earlier in them ("the year", "a day") is not a date.
  {
    group: 'date',
    text: 'finish report by end of the year',
    expect: { title: 'finish report', dueDate: '2026-12-31' },
    note: 'the example of issue 15 item 10: no "by end of" left in the title, and not a year from today',
  },
  { group: 'date', text: 'Taxes by the end of the year', expect: { title: 'Taxes', dueDate: '2026-12-31' } },
  {
    group: 'date',
    text: 'Archive mail end of year',
    expect: { title: 'Archive mail', dueDate: '2026-12-31' },
  },
  {
    group: 'date',
    text: 'Plan budget by end of next year',
    expect: { title: 'Plan budget', dueDate: '2027-12-31' },
  },
  {
    group: 'date',
    text: 'Send invoices by end of the month',
    expect: { title: 'Send invoices', dueDate: '2026-11-30' },
    note: 'today is the last day of November',
  },
  {
    group: 'date',
    text: 'Book flights before the end of next month',
    expect: { title: 'Book flights', dueDate: '2026-12-31' },
  },
  {
    group: 'date',
    text: 'Send invoices by end of the month',
    now: '2027-02-10T12:00:00Z',
    expect: { title: 'Send invoices', dueDate: '2027-02-28' },
  },
  {
    group: 'date',
    text: 'Close the quarter end of next month',
    now: '2026-12-10T12:00:00Z',
    expect: { title: 'Close the quarter', dueDate: '2027-01-31' },
    note: 'next month across the year',
  },
  {
    group: 'date',
    text: 'Finish slides by end of the week',
    expect: { title: 'Finish slides', dueDate: '2026-12-04' },
    note: 'the working week ends on Friday',
  },
  { group: 'date', text: 'Pay by end of week', expect: { title: 'Pay', dueDate: '2026-12-04' } },
  {
    group: 'date',
    text: 'Ship v2 by end of this week',
    now: '2026-12-04T12:00:00Z',
    expect: { title: 'Ship v2', dueDate: '2026-12-04' },
    note: 'on a Friday it is today',
  },
  {
    group: 'date',
    text: 'Ship v2 by end of the week',
    now: '2026-12-05T12:00:00Z',
    expect: { title: 'Ship v2', dueDate: '2026-12-11' },
    note: 'on a Saturday the working week is over: the coming Friday',
  },
  {
    group: 'date',
    text: 'Review hires by the end of next week',
    expect: { title: 'Review hires', dueDate: '2026-12-11' },
  },
  {
    group: 'date',
    text: 'Reply to Ana by end of day',
    expect: { title: 'Reply to Ana', dueDate: '2026-11-30' },
  },
  {
    group: 'date',
    text: 'Review the year in numbers and send the summary to the board tomorrow',
    expect: { title: 'Review the year in numbers and send the summary to the board', dueDate: '2026-12-01' },
    note: 'the long sentence of issue 15 item 10: "the year" is not a date, the date at the end is',
  },
  {
    group: 'date',
    text: 'Think about the week we had and write the retro notes tomorrow at 10',
    expect: {
      title: 'Think about the week we had and write the retro notes',
      dueAt: '2026-12-01T10:00:00+01:00',
    },
  },
  {
    group: 'date',
    text: 'Read a few pages a day of the novel and finish it by sunday',
    expect: { title: 'Read a few pages a day of the novel and finish it', dueDate: '2026-12-06' },
  },
  {
    group: 'date',
    text: 'Plan the month ahead with Sam and book the room on friday',
    expect: { title: 'Plan the month ahead with Sam and book the room', dueDate: '2026-12-04' },
  },
  {
    group: 'date',
    text: 'Send the numbers for the year to the accountant by end of the month',
    expect: { title: 'Send the numbers for the year to the accountant', dueDate: '2026-11-30' },
  },
  {
    group: 'date',
    text: 'Make a 5 minute speech for the 2 year anniversary on the 15th',
    expect: { title: 'Make a 5 minute speech for the 2 year anniversary', dueDate: '2026-12-15' },
  },
  plain('Borrow the car for a week', 'a length of time is not a date'),
  plain('Pack for 3 days'),
  plain('The year in review'),
  {
    group: 'date',
    text: 'Check the dough within a week',
    expect: { title: 'Check the dough', dueDate: '2026-12-07' },
    note: '"within", "in", "next", "from now" and "later" make a length of time a date',
  },
  { group: 'date', text: 'Follow up a week from now', expect: { title: 'Follow up', dueDate: '2026-12-07' } },
  {
    group: 'recurrence',
    text: '1:1 with manager every other thursday 3pm',
    expect: {
      title: '1:1 with manager',
      dueAt: '2026-12-03T15:00:00+01:00',
      recurrence: rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'),
    },
    note: 'the example of issue 15 item 10; the first due (this Thursday) sets the fortnight',
  },
  {
    group: 'recurrence',
    text: 'Payroll every 2 fridays',
    expect: { title: 'Payroll', dueDate: '2026-12-04', recurrence: rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR') },
  },
  {
    group: 'recurrence',
    text: 'Swim every other mon and wed 7am',
    expect: {
      title: 'Swim',
      dueAt: '2026-11-30T07:00:00+01:00',
      recurrence: rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE'),
    },
    note: "it is 05:45 on a Monday: today's 07:00 is the first",
  },
  {
    group: 'recurrence',
    text: 'Water orchids every other day',
    expect: { title: 'Water orchids', dueDate: '2026-11-30', recurrence: rule('FREQ=DAILY;INTERVAL=2') },
  },
  {
    group: 'recurrence',
    text: 'Board pack every other month',
    expect: { title: 'Board pack', dueDate: '2026-11-30', recurrence: rule('FREQ=MONTHLY;INTERVAL=2') },
  },
  {
    group: 'recurrence',
    text: 'Council meeting every 2nd tuesday',
    expect: { title: 'Council meeting', dueDate: '2026-12-08', recurrence: rule('FREQ=MONTHLY;BYDAY=2TU') },
    note: 'as "every second tuesday": the second Tuesday of each month ("every other tuesday" is fortnightly)',
  },
  // Start dates (issue 15 §3): "start"/"starts" [on] and a day; the due stays its own phrase.
  { group: 'start', text: 'Plan trip start fri', expect: { title: 'Plan trip', startDate: '2026-12-04' } },
  {
    group: 'start',
    text: 'Write report starts monday',
    expect: { title: 'Write report', startDate: '2026-11-30' },
    note: 'today is a Monday: the start is today',
  },
  {
    group: 'start',
    text: 'Paint fence start tomorrow',
    expect: { title: 'Paint fence', startDate: '2026-12-01' },
  },
  {
    group: 'start',
    text: 'Essay start dec 3 due dec 10',
    expect: { title: 'Essay', startDate: '2026-12-03', dueDate: '2026-12-10' },
  },
  {
    group: 'start',
    text: 'Taxes starts on jan 5 2027 !high',
    expect: { title: 'Taxes', startDate: '2027-01-05', priority: 'high' },
  },
  { group: 'start', text: 'Course starts in 2 weeks', expect: { title: 'Course', startDate: '2026-12-14' } },
  {
    group: 'start',
    text: 'start thursday: draft slides',
    expect: { title: 'draft slides', startDate: '2026-12-03' },
  },
  {
    group: 'start',
    text: 'Knit scarf start fri 9am',
    expect: { title: 'Knit scarf', startDate: '2026-12-04' },
    note: 'a start date has no time: the time is part of the start phrase',
  },
  {
    group: 'start',
    text: 'Gym start mon start tue',
    expect: { title: 'Gym start tue', startDate: '2026-11-30', warnings: ['DUPLICATE'] },
    note: 'the first start counts; the second stays text and is not read as a due either',
  },
  {
    group: 'start',
    text: 'Start the car tomorrow',
    expect: { title: 'Start the car', dueDate: '2026-12-01' },
    note: '"start" not followed by a day is a word of the title',
  },
  plain('Restart server fri', '"start" inside a word, and a weekday abbreviation without a date word'),
  plain('Start up meeting'),
  plain('Starts last friday', 'a start in the past is not a start date'),

  // Everything together.
  {
    group: 'combined',
    text: 'Pay rent tomorrow 9am !high #home',
    expect: { title: 'Pay rent', dueAt: '2026-12-01T09:00:00+01:00', priority: 'high', list: 'Home' },
    note: 'the example of issue 11',
  },
  {
    group: 'combined',
    text: 'Plan #"Side project" every mon, wed at 9am remind 30m before @deep p2',
    expect: {
      title: 'Plan',
      dueAt: '2026-11-30T09:00:00+01:00',
      recurrence: rule('FREQ=WEEKLY;BYDAY=MO,WE'),
      list: 'Side project',
      reminders: [{ beforeMinutes: 30 }],
      tags: ['deep'],
      priority: 'medium',
    },
  },
  {
    group: 'combined',
    text: 'every! 2 weeks water ferns @garden #home !low',
    expect: {
      title: 'water ferns',
      dueDate: '2026-11-30',
      recurrence: rule('FREQ=WEEKLY;INTERVAL=2', 'completion'),
      tags: ['garden'],
      list: 'Home',
      priority: 'low',
    },
  },
  {
    group: 'combined',
    text: 'Call May about the 3 reports tomorrow',
    expect: { title: 'Call May about the 3 reports', dueDate: '2026-12-01' },
  },
  {
    group: 'combined',
    text: 'Read 1984 by friday #home',
    expect: { title: 'Read 1984', dueDate: '2026-12-04', list: 'Home' },
  },
  {
    group: 'combined',
    text: 'Meet at 5 guys tomorrow at 7pm',
    expect: { title: 'Meet at 5 guys', dueAt: '2026-12-01T19:00:00+01:00' },
  },
  {
    group: 'combined',
    text: 'Pay bill 5/12 #work',
    expect: { title: 'Pay bill', dueDate: '2027-05-12', list: 'Work' },
    note: 'end of text ignores the understood #list',
  },
  {
    group: 'combined',
    text: 'Dentist Dec 5 17:30 remind 1h before !high @health',
    expect: {
      title: 'Dentist',
      dueAt: '2026-12-05T17:30:00+01:00',
      reminders: [{ beforeMinutes: 60 }],
      priority: 'high',
      tags: ['health'],
    },
  },
  {
    group: 'combined',
    text: 'Budget review every month on the 1st at 10am #work',
    expect: {
      title: 'Budget review',
      dueAt: '2026-12-01T10:00:00+01:00',
      recurrence: rule('FREQ=MONTHLY;BYMONTHDAY=1'),
      list: 'Work',
    },
  },
  {
    group: 'combined',
    text: 'Buy "Friday" tickets on fri @fun',
    expect: { title: 'Buy Friday tickets', dueDate: '2026-12-04', tags: ['fun'] },
  },

  // Ambiguous: the reading chosen (quote the words to keep them as text).
  {
    group: 'ambiguous',
    text: 'Ask May 3 questions',
    expect: { title: 'Ask questions', dueDate: '2027-05-03' },
    note: 'month + day reads as a date',
  },
  {
    group: 'ambiguous',
    text: 'Sunday school plan',
    expect: { title: 'school plan', dueDate: '2026-12-06' },
    note: 'full weekday names count',
  },
  {
    group: 'ambiguous',
    text: 'Call at 8',
    expect: { title: 'Call', dueAt: '2026-11-30T08:00:00+01:00' },
    note: 'bare hours 8-12 are as written',
  },
  {
    group: 'ambiguous',
    text: 'Call at 7',
    expect: { title: 'Call', dueAt: '2026-11-30T19:00:00+01:00' },
    note: 'bare hours 1-7 are afternoon',
  },
  {
    group: 'ambiguous',
    text: 'Wake up at 7:30',
    expect: { title: 'Wake up', dueAt: '2026-11-30T07:30:00+01:00' },
    note: 'with minutes: as written',
  },
  {
    group: 'ambiguous',
    text: 'Call mom on mon',
    expect: { title: 'Call mom', dueDate: '2026-11-30' },
    note: 'on a Monday, "mon" is today',
  },
  {
    group: 'ambiguous',
    text: 'Pay 1/2 of the rent',
    expect: { title: 'Pay 1/2 of the rent' },
    note: 'numeric date mid-text without a date word',
  },
  {
    group: 'ambiguous',
    text: 'Pay 1/2',
    expect: { title: 'Pay', dueDate: '2027-01-02' },
    note: 'numeric date at the end of the text',
  },
  { group: 'ambiguous', text: 'Bake 2 pies 12/24', expect: { title: 'Bake 2 pies', dueDate: '2026-12-24' } },
  {
    group: 'ambiguous',
    text: 'Release v2 today at 3',
    expect: { title: 'Release v2', dueAt: '2026-11-30T15:00:00+01:00' },
  },
];
