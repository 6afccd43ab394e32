import { describe, expect, it } from 'vitest';
import { cutText, headersOf, plainPart, recordSize, registryPart, toBase64, toHex, toMessageView, undecodedPart } from './decode-part';

const enc = (s: string) => new TextEncoder().encode(s);
const small = { maxChars: 10, maxBinaryBytes: 4, hexBytes: 3 };

describe('plainPart', () => {
  it.each<[string, Uint8Array | null, unknown]>([
    ['null', null, { format: 'null', size: 0, truncated: false }],
    ['json', enc('{"a":1}'), { format: 'json', size: 7, truncated: false, value: { a: 1 } }],
    ['json cut to a preview', enc('{"items":[1,2,3,4,5]}'), { format: 'json', size: 21, truncated: true, text: '{"items":[' }],
    ['text', enc('hello'), { format: 'text', size: 5, truncated: false, text: 'hello' }],
    ['text cut', enc('hello, world'), { format: 'text', size: 12, truncated: true, text: 'hello, wor' }],
    ['binary', Uint8Array.from([1, 2, 255]), { format: 'binary', size: 3, truncated: false, base64: 'AQL/', hex: '01 02 ff' }],
    ['binary cut', Uint8Array.from([1, 2, 3, 4, 5, 6]), { format: 'binary', size: 6, truncated: true, base64: 'AQIDBA==', hex: '01 02 03' }],
    [
      'registry framing is not shown as text',
      Uint8Array.from([0, 0, 0, 0, 7, 2]),
      { format: 'binary', size: 6, truncated: true, base64: 'AAAAAA==', hex: '00 00 00', schemaId: 7, error: 'Encoded with registry schema 7; not decoded.' },
    ],
  ])('%s', (_, bytes, expected) => expect(plainPart(bytes, small)).toEqual(expected));
});

describe('registryPart and undecodedPart', () => {
  it('keeps the schema id and cuts by JSON length, not payload size', () => {
    expect(registryPart({ format: 'avro', schemaId: 7, size: 4, value: { id: 1 } }, small)).toEqual({ format: 'avro', schemaId: 7, size: 4, truncated: false, value: { id: 1 } });
    expect(registryPart({ format: 'protobuf', schemaId: 9, size: 4, value: { name: 'a long name' } }, small)).toEqual({
      format: 'protobuf',
      schemaId: 9,
      size: 4,
      truncated: true,
      text: '{"name":"a',
    });
  });

  it('shows undecodable registry payloads as bytes with the reason', () => {
    expect(undecodedPart(Uint8Array.from([0, 0, 0, 0, 7]), { format: 'avro', schemaId: 7, error: 'Schema 7 not found in the registry.' }, small)).toEqual({
      format: 'avro',
      schemaId: 7,
      size: 5,
      truncated: true,
      base64: 'AAAAAA==',
      hex: '00 00 00',
      error: 'Schema 7 not found in the registry.',
    });
  });
});

describe('cutText', () => {
  it('never splits a surrogate pair', () => {
    expect(cutText('ab😀cd', 3)).toBe('ab');
    expect(cutText('ab😀cd', 4)).toBe('ab😀');
    expect(cutText('abc', 5)).toBe('abc');
  });
});

describe('toBase64 and toHex', () => {
  it.each([
    ['', '', ''],
    ['f', 'Zg==', '66'],
    ['fo', 'Zm8=', '66 6f'],
    ['foo', 'Zm9v', '66 6f 6f'],
    ['foobar', 'Zm9vYmFy', '66 6f 6f 62 61 72'],
  ])('%j', (text, base64, hex) => {
    expect(toBase64(enc(text))).toBe(base64);
    expect(toHex(enc(text))).toBe(hex);
  });

  it('matches Node for arbitrary bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(all)).toBe(btoa(String.fromCharCode(...all)));
  });
});

describe('headersOf and recordSize', () => {
  const raw = { 'trace-id': enc('abc'), retry: '3', tags: [enc('a'), 'b'], blob: Uint8Array.from([0xff, 0x00]), empty: undefined };
  it('keeps order and repeats, text when printable, base64 otherwise', () => {
    expect(headersOf(raw)).toEqual([
      { key: 'trace-id', value: 'abc' },
      { key: 'retry', value: '3' },
      { key: 'tags', value: 'a' },
      { key: 'tags', value: 'b' },
      { key: 'blob', value: '/wA=', binary: true },
      { key: 'empty', value: null },
    ]);
    expect(headersOf(undefined)).toEqual([]);
  });

  it('counts key, value and header bytes', () => {
    expect(recordSize(enc('k'), enc('üü'), raw)).toBe(1 + 4 + (8 + 3) + (5 + 1) + (4 + 1) + (4 + 1) + (4 + 2) + 5);
    expect(recordSize(null, null, undefined)).toBe(0);
  });
});

describe('toMessageView', () => {
  it('builds the browser view with the default decoder', () => {
    expect(
      toMessageView({ topic: 'orders', partition: 2, offset: '9007199254740993', timestamp: '1735732800000', key: enc('order-1'), value: enc('{"total":5}'), headers: { source: 'web' } }),
    ).toEqual({
      topic: 'orders',
      partition: 2,
      offset: '9007199254740993',
      timestamp: 1735732800000,
      key: { format: 'text', size: 7, truncated: false, text: 'order-1' },
      value: { format: 'json', size: 11, truncated: false, value: { total: 5 } },
      headers: [{ key: 'source', value: 'web' }],
      size: 7 + 11 + 9,
    });
  });

  it('uses the decoder it is given', () => {
    const view = toMessageView({ topic: 't', partition: 0, offset: '0', timestamp: 0, key: null, value: enc('x') }, (bytes, part) =>
      part === 'value' ? { format: 'avro', schemaId: 1, size: bytes!.length, truncated: false, value: 'decoded' } : plainPart(bytes),
    );
    expect(view.value).toEqual({ format: 'avro', schemaId: 1, size: 1, truncated: false, value: 'decoded' });
    expect(view.key.format).toBe('null');
  });
});
