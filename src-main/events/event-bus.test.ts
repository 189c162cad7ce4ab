import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from '../../src-shared/sse-parser.ts';
import { MAX_STREAMS_PER_USER } from '../../src-shared/event-schemas.ts';
import { EventBus } from './event-bus.ts';
import { MAX_QUEUED_BYTES, openEventStream } from './event-stream.ts';

async function startedBus(ringSize?: number): Promise<EventBus> {
  const bus = new EventBus(ringSize === undefined ? {} : { ringSize });
  await bus.start();
  return bus;
}

function reader(response: Response) {
  const body = (response.body as ReadableStream<Uint8Array>).getReader();
  const parser = new SseParser();
  const decoder = new TextDecoder();
  let raw = '';
  return {
    get raw() {
      return raw;
    },
    async read(): Promise<SseMessage[] | null> {
      const { done, value } = await body.read();
      if (done) return null;
      const text = decoder.decode(value, { stream: true });
      raw += text;
      return parser.push(text);
    },
    cancel: () => body.cancel(),
  };
}

const never = () => () => {};

describe('EventBus', () => {
  it('replays what a user missed, and says resync once the ring no longer holds it', async () => {
    const bus = await startedBus(3);
    bus.publish('u1', 'task.created', ['a']);
    const { missed: none, unsubscribe } = bus.subscribe('u1', () => {});
    unsubscribe();
    expect(none).toEqual([]);
    const firstId = `${bus.epoch}-1`;
    bus.publish('u2', 'task.created', ['other user']);
    bus.publish('u1', 'task.updated', ['a']);
    bus.publish('u1', 'task.deleted', ['a']);
    const replay = bus.subscribe('u1', () => {}, firstId).missed;
    expect(replay !== 'resync' && replay.map((e) => e.event.type)).toEqual(['task.updated', 'task.deleted']);
    bus.publish('u1', 'task.restored', ['a']);
    bus.publish('u1', 'task.updated', ['a']); // the ring (3) drops seq 1 now
    expect(bus.subscribe('u1', () => {}, firstId).missed).toBe('resync');
    expect(bus.subscribe('u1', () => {}, `${bus.epoch}-0`).missed).toBe('resync');
    expect(bus.subscribe('u1', () => {}, 'otherrun-3').missed).toBe('resync');
  });

  it('caps the ids of one event and marks it truncated', async () => {
    const bus = await startedBus();
    const got: unknown[] = [];
    bus.subscribe('u', (stored) => got.push(stored.event));
    bus.publish('u', 'tasks.imported', Array.from({ length: 1_500 }, (_, i) => `t${i}`));
    expect(got).toMatchObject([{ type: 'tasks.imported', truncated: true }]);
    expect((got[0] as { ids: string[] }).ids).toHaveLength(1_000);
  });

  it('publishes nothing once stopped, and stop ends the open streams', async () => {
    const bus = await startedBus();
    const stream = reader(openEventStream({ bus, userId: 'u', watchEnd: never }));
    await stream.read();
    expect(bus.openStreams).toBe(1);
    await bus.stop();
    bus.publish('u', 'task.created', ['late']);
    const rest: SseMessage[] = [];
    for (let batch = await stream.read(); batch; batch = await stream.read()) rest.push(...batch);
    expect(rest).toEqual([{ event: 'end', data: '{"reason":"shutdown"}', lastEventId: '' }]);
    expect(bus.openStreams).toBe(0);
  });
});

describe('openEventStream', () => {
  it('sends a heartbeat comment on its interval', async () => {
    const bus = await startedBus();
    const stream = reader(openEventStream({ bus, userId: 'u', watchEnd: never, heartbeatMs: 20 }));
    while (!stream.raw.includes(': heartbeat')) await stream.read();
    await stream.cancel();
  });

  it('unsubscribes when the client goes away', async () => {
    const bus = await startedBus();
    let unwatched = false;
    const stream = reader(
      openEventStream({
        bus,
        userId: 'u',
        watchEnd: () => () => {
          unwatched = true;
        },
      }),
    );
    await stream.read();
    expect(bus.openStreams).toBe(1);
    await stream.cancel();
    expect(bus.openStreams).toBe(0);
    expect(unwatched).toBe(true);
  });

  it('drops a client that stops reading instead of queueing without bound', async () => {
    const bus = await startedBus();
    const response = openEventStream({ bus, userId: 'u', watchEnd: never });
    for (let i = 0; i < 2_100; i += 1) bus.publish('u', 'task.updated', ['x']);
    expect(bus.openStreams).toBe(0);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('bounds and isolation (issue 16 item 8)', () => {
  it('numbers events per user: another account’s activity cannot be probed through Last-Event-ID', async () => {
    const bus = await startedBus();
    for (let i = 0; i < 5; i += 1) bus.publish('alice', 'task.updated', ['a']);
    // Bob has had no events: every id is unknown to him, however many Alice had.
    const probes = [1, 2, 3, 4, 5, 6].map((n) => bus.subscribe('bob', () => {}, `${bus.epoch}-${n}`).missed);
    expect(probes).toEqual(['resync', 'resync', 'resync', 'resync', 'resync', 'resync']);
    const got: string[] = [];
    bus.subscribe('bob', (stored) => got.push(stored.id));
    bus.publish('bob', 'task.created', ['b']);
    bus.publish('alice', 'task.updated', ['a']);
    bus.publish('bob', 'task.created', ['b']);
    expect(got).toEqual([`${bus.epoch}-1`, `${bus.epoch}-2`]);
    const replay = bus.subscribe('alice', () => {}, `${bus.epoch}-5`).missed;
    expect(replay !== 'resync' && replay.map((stored) => stored.id)).toEqual([`${bus.epoch}-6`]);
  });

  it(`keeps at most ${MAX_STREAMS_PER_USER} streams per user: the oldest ends with too-many-streams`, async () => {
    const bus = await startedBus();
    const streams = Array.from({ length: MAX_STREAMS_PER_USER }, () =>
      reader(openEventStream({ bus, userId: 'u', watchEnd: never })),
    );
    const otherUser = reader(openEventStream({ bus, userId: 'other', watchEnd: never }));
    expect(bus.streamsOf('u')).toBe(MAX_STREAMS_PER_USER);
    const newest = reader(openEventStream({ bus, userId: 'u', watchEnd: never }));
    expect(bus.streamsOf('u')).toBe(MAX_STREAMS_PER_USER);
    expect(bus.streamsOf('other')).toBe(1);
    const oldest: SseMessage[] = [];
    for (let batch = await streams[0]!.read(); batch; batch = await streams[0]!.read()) oldest.push(...batch);
    expect(oldest.at(-1)).toEqual({ event: 'end', data: '{"reason":"too-many-streams"}', lastEventId: '' });
    // The others still get events.
    bus.publish('u', 'task.created', ['x']);
    const nextEvent = async (stream: ReturnType<typeof reader>) => {
      for (let batch = await stream.read(); batch; batch = await stream.read()) if (batch[0]) return batch[0];
      return null;
    };
    expect(await nextEvent(newest)).toMatchObject({ event: 'task.created' });
    expect(await nextEvent(streams[1]!)).toMatchObject({ event: 'task.created' });
    for (const stream of [...streams.slice(1), otherUser, newest]) await stream.cancel();
    expect(bus.openStreams).toBe(0);
  });

  it('drops a reader that stops reading once its queue passes the byte bound, well before the frame bound', async () => {
    const bus = await startedBus();
    const response = openEventStream({ bus, userId: 'u', watchEnd: never });
    // 100 events of 1,000 ids (~40 KB each): 4 MB in all, far fewer frames than the frame bound.
    const ids = Array.from({ length: 1_000 }, (_, i) => `0193a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`);
    let frameBytes = 0;
    bus.subscribe('u', (stored) => (frameBytes = stored.frame.byteLength));
    let published = 0;
    while (published < 100 && bus.streamsOf('u') > 0) {
      bus.publish('u', 'tasks.imported', ids);
      published += 1;
    }
    expect(bus.streamsOf('u')).toBe(0);
    // Dropped at the first frame that would take the queue past the bound: at most the bound was ever queued.
    expect(frameBytes).toBeGreaterThan(30_000);
    expect(published).toBe(Math.floor(MAX_QUEUED_BYTES / frameBytes) + 1);
    // Its queue goes with it (the client resumes with Last-Event-ID).
    await expect(response.text()).rejects.toThrow();
  });
});
