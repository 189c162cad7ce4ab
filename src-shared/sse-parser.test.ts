import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.ts';

describe('SseParser', () => {
  it('parses messages split anywhere, with ids, comments, multi-line data and CRLF', () => {
    const stream =
      'retry: 2000\n: connected\n\nid: a-1\nevent: task.created\ndata: {"ids":["x"]}\n\r\n: hb\n\ndata: one\r\ndata: two\r\n\r\n';
    for (const size of [1, 2, 5, stream.length]) {
      const parser = new SseParser();
      const messages = [];
      for (let i = 0; i < stream.length; i += size) messages.push(...parser.push(stream.slice(i, i + size)));
      expect(messages).toEqual([
        { event: 'task.created', data: '{"ids":["x"]}', lastEventId: 'a-1' },
        { event: 'message', data: 'one\ntwo', lastEventId: 'a-1' },
      ]);
      expect(parser.retryMs).toBe(2000);
    }
  });

  it('ignores an event name without data and unknown fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: x\n\nfoo: bar\ndata\n\n')).toEqual([
      { event: 'message', data: '', lastEventId: '' },
    ]);
  });
});
