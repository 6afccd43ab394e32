import { describe, expect, it, vi } from 'vitest';
import { plainPart, toMessageView, type PreviewLimits, type RawRecord } from '@/lib/domain/messages/decode-part';
import type { MessageCodec } from '@/lib/registry/message-codec';
import { jsonContainer, messageJsonOf, messageJsonPieces, piecesByteLength, piecesText, writePieces } from './tail-encode';

const LIMITS: PreviewLimits = { maxChars: 64, maxBinaryBytes: 16, hexBytes: 8 };
const plainCodec: MessageCodec = { prepare: async () => undefined, decode: (bytes, limits) => plainPart(bytes, limits) };
const bytes = (s: string) => Buffer.from(s, 'utf8');
const record = (value: Uint8Array | null, more: Partial<RawRecord> = {}): RawRecord => ({ topic: 'orders "eu"', partition: 2, offset: '41', timestamp: '1700000000000', key: bytes('k1'), value, ...more });
const reference = (raw: RawRecord, codec = plainCodec) => JSON.parse(JSON.stringify(toMessageView(raw, (b) => codec.decode(b, LIMITS))));

describe('messageJsonOf', () => {
  it.each<[string, Uint8Array | null]>([
    ['a JSON object', bytes('{"id":1,"status":"PAID","tags":["a","b"],"n":null}')],
    ['a JSON array', bytes('[1,2,{"x":true}]')],
    ['JSON with spaces, tabs and line breaks between tokens', bytes('{\n  "a": 1,\r\n\t"b": [2, 3]\r}')],
    ['leading blanks', bytes(' \n\t{"a":1}')],
    ['a form feed before the brace (text, not JSON)', bytes('\f{"a":1}')],
    ['a byte-order mark (text, not JSON)', bytes('\ufeff{"a":1}')],
    ['JSON that does not parse', bytes('{"a":1,}')],
    ['DEL inside a string (JSON, but not text to the classifier)', bytes('{"a":"x\u007fy"}')],
    ['a control byte inside a string', bytes('{"a":"x\u0001y"}')],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])],
    ['a bare number (text by design)', bytes('42')],
    ['a JSON string (text by design)', bytes('"hello"')],
    ['plain text', bytes('hello world')],
    ['text with quotes and backslashes', bytes('say "hi" \\ bye')],
    ['text with a tab', bytes('a\tb')],
    ['text beginning with a brace that is not JSON', bytes('{not json')],
    ['text beginning with blanks and a bracket', bytes('  [x')],
    ['non-ASCII text', bytes('crème brûlée')],
    ['text longer than the preview', bytes('t'.repeat(100))],
    ['empty bytes', bytes('')],
    ['a tombstone', null],
    ['JSON longer than the preview', bytes(JSON.stringify({ note: 'x'.repeat(100) }))],
    ['multi-byte JSON longer in bytes than the preview, shorter in characters', bytes(JSON.stringify({ n: 'é'.repeat(30) }))],
    ['line separators and escapes inside strings', bytes('{"a":"\u2028\u2029","b":"\\n\\u0000\\"","c":"😀"}')],
    ['a number past 2^53 and duplicate keys', bytes('{"big":12345678901234567890,"k":1,"k":2,"f":1.50}')],
    ['a __proto__ key', bytes('{"__proto__":{"polluted":true}}')],
    ['binary bytes', Buffer.from([1, 2, 3, 250, 251])],
    ['registry framing', Buffer.from([0, 0, 0, 0, 7, 2, 4, 6])],
  ])('writes the same message as the decoder for %s', (_, value) => {
    const raw = record(value);
    const json = messageJsonOf(raw, plainCodec, LIMITS);
    expect(json).not.toMatch(/[\r\n]/);
    expect(JSON.parse(json)).toEqual(reference(raw));
  });

  it('keeps keys, headers, timestamps and sizes as the decoder has them', () => {
    const raw = record(bytes('{"a":1}'), { key: bytes('{"tenant":"t1"}'), timestamp: 1700000000123, headers: { trace: bytes('abc'), bin: Buffer.from([0, 1, 2]), many: [bytes('x'), 'y'], none: undefined } });
    expect(JSON.parse(messageJsonOf(raw, plainCodec, LIMITS))).toEqual(reference(raw));
    const keyless = record(bytes('[]'), { key: null, headers: {} });
    expect(JSON.parse(messageJsonOf(keyless, plainCodec, LIMITS))).toEqual(reference(keyless));
  });

  it('leaves everything that is not a plain JSON container to the codec (registry payloads among them)', () => {
    const decode = vi.fn((b: Uint8Array | null, limits?: PreviewLimits) => (b && b[0] === 0 ? { format: 'avro' as const, schemaId: 7, size: b.length, truncated: false, value: { decoded: true } } : plainPart(b, limits)));
    const codec: MessageCodec = { prepare: async () => undefined, decode };
    const raw = record(Buffer.from([0, 0, 0, 0, 7, 2, 4]), { key: bytes('{"k":1}') });
    const json = messageJsonOf(raw, codec, LIMITS);
    expect(decode.mock.calls.map(([b]) => b?.[0])).toEqual([0]);
    expect(JSON.parse(json)).toEqual(reference(raw, codec));
  });
});

describe('jsonContainer', () => {
  it('gives the bytes themselves, or their text on one line', () => {
    const b = bytes('{"a": [1, 2]}');
    expect(jsonContainer(b)).toBe(b);
    expect(jsonContainer(bytes('{\r\n"a":1\n}'))).toBe('{  "a":1 }');
  });

  it.each(['', '   ', 'x', '{', '{"a":', 'null', '{"a":"\u007f"}'])('refuses %j', (text) => expect(jsonContainer(bytes(text))).toBeNull());
});

describe('pieces', () => {
  it('write the same UTF-8 as the text they stand for', () => {
    const raw = record(bytes('{"a":"é"}'), { topic: 'tópico', key: bytes('k1'), headers: { h: bytes('ü') } });
    const pieces = messageJsonPieces(raw, plainCodec, LIMITS);
    expect(pieces.some((p) => typeof p !== 'string')).toBe(true);
    const target = Buffer.alloc(piecesByteLength(pieces) + 2, '#');
    expect(writePieces(target, 1, pieces)).toBe(target.length - 1);
    expect(target.toString('utf8')).toBe(`#${piecesText(pieces)}#`);
    expect(piecesText(pieces)).toBe(messageJsonOf(raw, plainCodec, LIMITS));
  });
});
