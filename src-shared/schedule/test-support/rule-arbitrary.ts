// Generated recurrence rules for the fuzz test and the bench: every BY* part, large lists (up to the 300
// characters the API accepts), negative and ordinal values, INTERVAL up to 1000, COUNT or UNTIL.
import fc from 'fast-check';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const signed = (max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 1, max }), fc.integer({ min: -max, max: -1 }));

const list = (item: fc.Arbitrary<string | number>, maxLength: number): fc.Arbitrary<string> =>
  fc.uniqueArray(item, { minLength: 1, maxLength }).map((values) => values.join(','));

const byDay = list(
  fc
    .tuple(fc.option(signed(53), { nil: undefined }), fc.constantFrom(...WEEKDAYS))
    .map(([n, day]) => `${n ?? ''}${day}`),
  30,
);

/** One rule part as NAME=VALUE, or null when the generated rule leaves it out. */
const part = <T extends string>(name: string, value: fc.Arbitrary<T>): fc.Arbitrary<string | null> =>
  fc.option(
    value.map((v) => `${name}=${v}`),
    { nil: null, freq: 2 },
  );

export const ruleArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    part(
      'INTERVAL',
      fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1000 })).map(String),
    ),
    fc.oneof(
      part('COUNT', fc.integer({ min: 1, max: 10_000 }).map(String)),
      part(
        'UNTIL',
        fc
          .date({
            min: new Date('2000-01-01T00:00:00Z'),
            max: new Date('2400-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
      ),
    ),
    part('BYMONTH', list(fc.integer({ min: 1, max: 12 }), 12)),
    part('BYMONTHDAY', list(signed(31), 62)),
    part('BYYEARDAY', list(signed(366), 80)),
    part('BYWEEKNO', list(signed(53), 60)),
    part('BYDAY', byDay),
    part('BYSETPOS', list(signed(366), 20)),
    part('WKST', fc.constantFrom(...WEEKDAYS)),
  )
  .map(([freq, ...rest]) => [`FREQ=${freq}`, ...rest.filter((p): p is string => p !== null)].join(';'));
