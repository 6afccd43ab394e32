import { describe, expect, it } from 'vitest';
import { plainPart, toMessageView, type RawRecord } from '@/lib/domain/messages/decode-part';
import { filterInputOf } from '@/lib/domain/messages/message-model';
import type { MessageCodec } from '@/lib/registry/message-codec';
import { filterInputOfRecord } from './messages-filter';

const plain: MessageCodec = { prepare: async () => undefined, decode: (bytes, limits) => plainPart(bytes, limits) };
const limits = { maxChars: 64, maxBinaryBytes: 16, hexBytes: 0 };
const bytes = (text: string) => new TextEncoder().encode(text);
const record = (overrides: Partial<RawRecord>): RawRecord => ({ topic: 't', partition: 1, offset: '42', timestamp: '1700000000000', key: bytes('k-1'), value: bytes('{"a":1}'), ...overrides });

describe('filterInputOfRecord', () => {
  it.each<[string, RawRecord]>([
    ['JSON value, text key', record({})],
    ['null key and value', record({ key: null, value: null })],
    ['text value', record({ value: bytes('plain text') })],
    ['binary value', record({ value: new Uint8Array([0xff, 0xfe, 1, 2]) })],
    ['a value longer than the limits (cut to a text prefix)', record({ value: bytes(JSON.stringify({ long: 'x'.repeat(200) })) })],
    ['repeated and binary headers (last wins)', record({ headers: { retry: [bytes('1'), bytes('2')], bin: new Uint8Array([0xff]), none: undefined, text: 'plain' } })],
  ])('%s: the same as filterInputOf(toMessageView(...))', (_, r) => {
    expect(filterInputOfRecord(r, plain, limits)).toEqual(filterInputOf(toMessageView(r, (b) => plain.decode(b, limits))));
  });

  it('decodes only what the filter can read: null key and value, no headers otherwise', () => {
    const r = record({ headers: { retry: bytes('2') } });
    const whole = filterInputOfRecord(r, plain, limits);
    let decoded = 0;
    const counting: MessageCodec = { prepare: plain.prepare, decode: (b, l) => (decoded++, plain.decode(b, l)) };
    expect(filterInputOfRecord(r, counting, limits, new Set(['value']))).toEqual({ ...whole, key: null, headers: {} });
    expect(decoded).toBe(1);
    expect(filterInputOfRecord(r, counting, limits, new Set(['key', 'headers']))).toEqual({ ...whole, value: null });
    expect(decoded).toBe(2);
    expect(filterInputOfRecord(r, counting, limits, new Set(['key', 'value', 'headers', 'partition', 'offset', 'timestamp']))).toEqual(whole);
  });
});
