// Event fan-out: N open event streams (GET /api/{user}/events), spread over as many accounts as the per-user cap
// (MAX_STREAMS_PER_USER, 20) needs; each round creates one task in every account, so every stream gets each
// round's event of its account, and the bench records, at every stream, how long each task.created took to arrive: from the event's commit time (`at`,
// the server's clock, truncated to ms, so it overstates by < 1 ms) and from the moment the POST was sent (an upper
// bound that also holds the create's fsync and HTTP round trip).
import { SseParser } from '../../src-shared/sse-parser.ts';
import type { HttpClient } from './http-client.ts';

export interface FanoutResult {
  streams: number;
  events: number;
  /** ms from the event's commit time to its arrival at a stream; one sample per (stream, event). */
  fromCommitMs: number[];
  /** ms from sending the POST to the arrival at a stream. */
  fromSendMs: number[];
  missing: number;
}

const now = () => performance.timeOrigin + performance.now();

export interface FanoutAccount {
  userId: string;
  token: string;
}

export async function measureFanout(options: {
  baseUrl: string;
  client: HttpClient;
  /** Streams are opened round-robin over these (at most 20 each: the server's per-user cap). */
  accounts: readonly FanoutAccount[];
  streams: number;
  events: number;
  gapMs: number;
}): Promise<FanoutResult> {
  const { baseUrl, client, accounts } = options;
  const streamsOf = new Map<string, number>();
  const sentAt = new Map<string, number>();
  const fromCommitMs: number[] = [];
  const fromSendMs: number[] = [];
  const arrivals: { id: string; at: number }[] = [];
  const aborts: AbortController[] = [];
  const readers: Promise<void>[] = [];
  let opened = 0;
  for (let i = 0; i < options.streams; i++) {
    const { userId, token } = accounts[i % accounts.length]!;
    streamsOf.set(userId, (streamsOf.get(userId) ?? 0) + 1);
    const abort = new AbortController();
    aborts.push(abort);
    const response = await fetch(`${baseUrl}/api/${userId}/events`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`event stream ${i}: status ${response.status}`);
    opened++;
    const body = response.body;
    readers.push(
      (async () => {
        const parser = new SseParser();
        const decoder = new TextDecoder();
        try {
          for await (const chunk of body) {
            const at = now();
            for (const message of parser.push(decoder.decode(chunk as Uint8Array, { stream: true }))) {
              if (message.event !== 'task.created') continue;
              const data = JSON.parse(message.data) as { ids: string[]; at: string };
              fromCommitMs.push(at - Date.parse(data.at));
              arrivals.push({ id: data.ids[0]!, at });
            }
          }
        } catch {
          // aborted at the end
        }
      })(),
    );
  }
  const ownerOf = new Map<string, string>();
  for (let i = 0; i < options.events; i++) {
    for (const { userId, token } of accounts) {
      const before = now();
      const res = await client.request('POST', `/api/${userId}/tasks`, {
        bearer: token,
        json: { title: `fan-out ${i}` },
      });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${res.body.slice(0, 200)}`);
      const id = (JSON.parse(res.body) as { id: string }).id;
      sentAt.set(id, before);
      ownerOf.set(id, userId);
    }
    await new Promise((resolve) => setTimeout(resolve, options.gapMs));
  }
  // Let the last events arrive, then close every stream.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const abort of aborts) abort.abort();
  await Promise.all(readers);
  const counts = new Map<string, number>();
  for (const { id, at } of arrivals) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const sent = sentAt.get(id);
    if (sent !== undefined) fromSendMs.push(at - sent);
  }
  let missing = 0;
  for (const id of sentAt.keys()) missing += (streamsOf.get(ownerOf.get(id)!) ?? 0) - (counts.get(id) ?? 0);
  return { streams: opened, events: options.events, fromCommitMs, fromSendMs, missing };
}
