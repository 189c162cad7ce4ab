// The viewer's IANA time zone: the one place the window reads it. Every request that depends on "today" (the
// Today and Upcoming windows, the sidebar counts, completing a recurring task) sends it as `timeZone`, so the
// server places all-day tasks on the viewer's calendar, not UTC's.

/** The zone the system (or Chromium's `timezoneId` in e2e) is set to; UTC when the runtime does not say. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
