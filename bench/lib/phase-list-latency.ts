// S2: one user's list pages and searches over 100,000 tasks, timed request by request.
// Latency is taken on the client side of a keep-alive loopback connection, one request at a time
// (no queueing), so it is the server's time to answer plus a loopback round trip: an upper bound
// on the server-side latency.
import { performance } from 'node:perf_hooks';
import type { HttpClient } from './http-client.ts';
import type { S2Query } from './s2-queries.ts';
import { summarize, type LatencySummary } from './stats.ts';

export interface QueryLatency {
  query: S2Query;
  summary: LatencySummary;
  /** Items on the timed page (0 for counts). */
  items: number;
}

export async function measureQueries(
  client: HttpClient,
  userId: string,
  token: () => Promise<string>,
  queries: readonly S2Query[],
  samples: number,
  warmup: number,
  /** Stop sampling a query after this long (a query this slow misses its target anyway). */
  budgetMs = 5000,
  log: (line: string) => void = () => {},
): Promise<QueryLatency[]> {
  const out: QueryLatency[] = [];
  for (const q of queries) {
    const jwt = await token();
    const base = `/api/${userId}/tasks${q.kind === 'counts' ? '/counts' : ''}`;
    let path = q.kind === 'floor' ? '/api/health' : `${base}?${q.query}`;
    if (q.secondPage) {
      const first = await client.json<{ nextCursor: string | null }>('GET', path, 200, { bearer: jwt });
      if (!first.nextCursor) throw new Error(`S2 ${q.name}: the first page has no nextCursor`);
      path = `${path}&cursor=${encodeURIComponent(first.nextCursor)}`;
    }
    const check = await client.json<{ items?: unknown[] }>('GET', path, 200, { bearer: jwt });
    const items = check.items?.length ?? 0;
    const started = performance.now();
    for (let i = 0; i < warmup && performance.now() - started < budgetMs / 5; i++) {
      await client.request('GET', path, { bearer: jwt });
    }
    const times: number[] = [];
    const sampling = performance.now();
    for (let i = 0; i < samples && (i < 10 || performance.now() - sampling < budgetMs); i++) {
      const res = await client.request('GET', path, { bearer: jwt });
      if (res.status !== 200)
        throw new Error(`S2 ${q.name}: status ${res.status}: ${res.body.slice(0, 200)}`);
      times.push(res.ms);
    }
    const summary = summarize(times);
    log(
      `  ${q.name}: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms (${summary.n} requests)`,
    );
    out.push({ query: q, summary, items });
  }
  return out;
}
