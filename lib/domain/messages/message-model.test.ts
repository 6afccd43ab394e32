import { describe, expect, it } from 'vitest';
import { filterInputOf, plainValueOf, type DecodedPart, type JsonValue, type MessageView } from './message-model';

const view: MessageView = {
  topic: 'orders',
  partition: 1,
  offset: '42',
  timestamp: 1000,
  key: { format: 'text', size: 3, truncated: false, text: 'k-1' },
  value: { format: 'json', size: 20, truncated: false, value: { status: 'OVERDUE' } },
  headers: [
    { key: 'retry', value: '1' },
    { key: 'retry', value: '3' },
    { key: 'empty', value: null },
  ],
  size: 30,
};

describe('filterInputOf', () => {
  it('exposes decoded values and last-wins headers', () => {
    expect(filterInputOf(view)).toEqual({ key: 'k-1', value: { status: 'OVERDUE' }, headers: { retry: '3', empty: '' }, partition: 1, offset: '42', timestamp: 1000 });
  });
});

describe('plainValueOf', () => {
  it.each<[DecodedPart, JsonValue]>([
    [{ format: 'null', size: 0, truncated: false }, null],
    [{ format: 'json', size: 2, truncated: false, value: [] }, []],
    [{ format: 'json', size: 99, truncated: true, text: '{"a":' }, '{"a":'],
    [{ format: 'binary', size: 1, truncated: false, base64: 'AQ==', hex: '01' }, 'AQ=='],
  ])('%j', (part, expected) => expect(plainValueOf(part)).toEqual(expected));
});
