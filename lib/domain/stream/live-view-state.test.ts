import { describe, expect, it } from 'vitest';
import type { MessageView } from '../messages/message-model';
import { initialLiveViewState, liveViewReducer } from './live-view-state';
import type { StreamEvent } from './stream-events';

const msg = (offset: number): MessageView => ({
  topic: 't',
  partition: 0,
  offset: String(offset),
  timestamp: offset,
  key: { format: 'null', size: 0, truncated: false },
  value: { format: 'text', size: 1, truncated: false, text: 'x' },
  headers: [],
  size: 1,
});
const batch = (from: number, n: number): StreamEvent => ({ type: 'batch', messages: Array.from({ length: n }, (_, i) => msg(from + i)) });
const progress = (dropped: number, scanned = 0, done = false): StreamEvent => ({ type: 'progress', scanned, matched: scanned, dropped, partitions: [], rate: 5, done });

describe('liveViewReducer', () => {
  it('keeps a bounded sample of the newest messages and counts all of them', () => {
    let s = liveViewReducer(initialLiveViewState(100), { type: 'connect' });
    s = liveViewReducer(s, { type: 'events', events: [batch(0, 80), batch(80, 80), batch(160, 500)], lastId: 'v1.a.1' });
    expect(s.received).toBe(660);
    expect(s.messages).toHaveLength(100);
    expect(s.messages[0]!.offset).toBe('560');
    expect(s.messages.at(-1)!.offset).toBe('659');
    expect(s.status).toBe('live');
    expect(s.lastId).toBe('v1.a.1');
  });

  it('adds up per-connection counters across reconnects and pauses', () => {
    let s = liveViewReducer(initialLiveViewState(), { type: 'connect' });
    s = liveViewReducer(s, { type: 'events', events: [progress(3, 10), progress(7, 20)] });
    expect(s.dropped).toBe(7);
    s = liveViewReducer(s, { type: 'pause' });
    expect(s.status).toBe('paused');
    s = liveViewReducer(s, { type: 'connect' });
    s = liveViewReducer(s, { type: 'events', events: [progress(2, 5)] });
    expect(s.dropped).toBe(9);
    expect(s.scanned).toBe(25);
  });

  it('ends on a done progress and fails on an error event', () => {
    let s = liveViewReducer(initialLiveViewState(), { type: 'connect' });
    s = liveViewReducer(s, { type: 'events', events: [progress(0, 100, true)] });
    expect(s.status).toBe('done');
    s = liveViewReducer(s, { type: 'events', events: [{ type: 'error', error: { category: 'invalid-input', message: 'bad filter', retryable: false, field: 'filter' } }] });
    expect(s.status).toBe('failed');
    expect(s.error?.field).toBe('filter');
    expect(liveViewReducer(s, { type: 'reconnecting' }).status).toBe('failed');
  });
});
