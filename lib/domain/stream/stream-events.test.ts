import { describe, expect, it } from 'vitest';
import { eventStreamComment, toEventStreamText, type EventFrame } from './stream-events';

describe('toEventStreamText', () => {
  it.each<[string, EventFrame, string]>([
    ['heartbeat without id', { event: { type: 'heartbeat', at: 5 } }, 'event: heartbeat\ndata: {"type":"heartbeat","at":5}\n\n'],
    [
      'progress with id and retry',
      { id: 'v1.abc.2s', retryMs: 3000, event: { type: 'progress', scanned: 10, matched: 2, dropped: 0, partitions: [{ partition: 0, position: '100', end: '120' }], done: false } },
      'id: v1.abc.2s\nretry: 3000\nevent: progress\ndata: {"type":"progress","scanned":10,"matched":2,"dropped":0,"partitions":[{"partition":0,"position":"100","end":"120"}],"done":false}\n\n',
    ],
    [
      'error',
      { event: { type: 'error', error: { category: 'unavailable', message: 'Cluster "local" cannot be reached.', retryable: true } } },
      'event: error\ndata: {"type":"error","error":{"category":"unavailable","message":"Cluster \\"local\\" cannot be reached.","retryable":true}}\n\n',
    ],
  ])('%s', (_, frame, wire) => expect(toEventStreamText(frame)).toBe(wire));

  it('keeps line breaks inside values on one data line (escaped by JSON)', () => {
    const text = toEventStreamText({
      event: { type: 'batch', messages: [{ topic: 't', partition: 0, offset: '1', timestamp: 0, key: { format: 'null', size: 0, truncated: false }, value: { format: 'text', size: 5, truncated: false, text: 'a\nb\r\nc\u2028' }, headers: [], size: 5 }] },
    });
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('data: '))).toHaveLength(1);
    expect(text.endsWith('\n\n')).toBe(true);
    expect(JSON.parse(lines[1]!.slice(6)).messages[0].value.text).toBe('a\nb\r\nc\u2028');
  });

  it.each([
    [{ id: 'a\nb', event: { type: 'heartbeat', at: 0 } } as EventFrame, 'line break or NUL'],
    [{ id: 'a\0b', event: { type: 'heartbeat', at: 0 } } as EventFrame, 'line break or NUL'],
    [{ retryMs: 1.5, event: { type: 'heartbeat', at: 0 } } as EventFrame, 'whole number of ms'],
  ])('refuses a frame the browser would misread: %j', (frame, message) => expect(() => toEventStreamText(frame)).toThrow(message));
});

describe('eventStreamComment', () => {
  it('prefixes each line with a colon', () => {
    expect(eventStreamComment('open')).toBe(': open\n\n');
    expect(eventStreamComment('a\nb')).toBe(': a\n: b\n\n');
  });
});

describe('batchEventStreamText', () => {
  it('writes the same frame as toEventStreamText from pre-serialised messages', async () => {
    const { batchEventStreamText, toEventStreamText } = await import('./stream-events');
    const messages = [
      { topic: 't', partition: 0, offset: '1', timestamp: 1, key: { format: 'null', size: 0, truncated: false }, value: { format: 'text', size: 2, truncated: false, text: 'a\nb' }, headers: [], size: 2 },
      { topic: 't', partition: 1, offset: '7', timestamp: 2, key: { format: 'null', size: 0, truncated: false }, value: { format: 'json', size: 2, truncated: false, value: {} }, headers: [], size: 2 },
    ] as const;
    const expected = toEventStreamText({ id: 'v1.x.1', event: { type: 'batch', messages: messages as never } });
    expect(batchEventStreamText(messages.map((m) => JSON.stringify(m)), 'v1.x.1')).toBe(expected);
    expect(batchEventStreamText([])).toBe(toEventStreamText({ event: { type: 'batch', messages: [] } }));
  });
});
