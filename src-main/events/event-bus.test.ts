import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from '../../src-shared/sse-parser.ts';
import { EventBus } from './event-bus.ts';
import { openEventStream } from './event-stream.ts';

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
