// S2's requests: every list filter and sort, cursor paging, and text searches, over one user's
// 100,000 tasks (see task-data.ts for what the words match). Pure.
import { RARE_WORD } from './task-data.ts';

/** 'floor': GET /api/health, no database and no auth: the latency the machine itself adds (scheduling, loopback). */
export type QueryKind = 'page' | 'search' | 'counts' | 'floor';

export interface S2Query {
  name: string;
  kind: QueryKind;
  /** Query string (without '?') of GET /api/{user}/tasks, or of /tasks/counts for kind 'counts'. */
  query: string;
  /** Follow the first page's nextCursor and time the second page instead. */
  secondPage?: boolean;
}

const DAY_MS = 86_400_000;

export function s2Queries(now: number): S2Query[] {
  const dayStart = new Date(Math.floor(now / DAY_MS) * DAY_MS).toISOString();
  const dayEnd = new Date(Math.floor(now / DAY_MS) * DAY_MS + DAY_MS).toISOString();
  const nowIso = new Date(now).toISOString();
  const page = (name: string, query: string, secondPage = false): S2Query => ({
    name,
    kind: 'page',
    query: `limit=50${query ? `&${query}` : ''}`,
    ...(secondPage ? { secondPage } : {}),
  });
  const search = (name: string, query: string): S2Query => ({
    name,
    kind: 'search',
    query: `limit=50&${query}`,
  });
  return [
    { name: 'noise floor: GET /api/health', kind: 'floor', query: '' },
    page('all, created desc (default)', ''),
    page('all, created asc', 'sort=created&order=asc'),
    page('active', 'status=active'),
    page('completed', 'status=completed'),
    page('trash (deleted)', 'status=deleted'),
    page('sort due', 'sort=due'),
    page('sort due desc', 'sort=due&order=desc'),
    page('sort priority', 'sort=priority'),
    page('sort priority asc', 'sort=priority&order=asc'),
    page('sort title', 'sort=title'),
    page('sort title desc', 'sort=title&order=desc'),
    page('sort start', 'sort=start'),
    page('active, sort start desc', 'status=active&sort=start&order=desc'),
    page('active, sort due', 'status=active&sort=due'),
    page('completed, sort priority', 'status=completed&sort=priority'),
    page('active, sort title', 'status=active&sort=title'),
    page('completed, sort completed (latest first)', 'status=completed&sort=completed'),
    page(
      'due today (active)',
      `status=active&dueFrom=${encodeURIComponent(dayStart)}&dueTo=${encodeURIComponent(dayEnd)}&sort=due`,
    ),
    page('overdue (active)', `status=active&dueTo=${encodeURIComponent(nowIso)}&sort=due`),
    page('page 2 by cursor, created', '', true),
    page('page 2 by cursor, title', 'sort=title', true),
    page('page 2 by cursor, active due', 'status=active&sort=due', true),
    search(`search rare word (${RARE_WORD})`, `q=${RARE_WORD}`),
    search('search common word (report)', 'q=report'),
    search('search prefix (rep)', 'q=rep'),
    search('search two words (kitchen office)', `q=${encodeURIComponent('kitchen office')}`),
    search('search word in every task (about)', 'q=about'),
    search('search active, sort due (report)', 'status=active&sort=due&q=report'),
    search('search sort title (invoice)', 'sort=title&q=invoice'),
    {
      name: 'counts (tabs)',
      kind: 'counts',
      query: `dayStart=${encodeURIComponent(dayStart)}&dayEnd=${encodeURIComponent(dayEnd)}`,
    },
  ];
}
