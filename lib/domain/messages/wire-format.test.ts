import { describe, expect, it } from 'vitest';
import { classifyBytes, readProtobufMessageIndexes, readRegistryFraming, utf8TextOf, writeProtobufMessageIndexes, type RegistrySchemaType } from './wire-format';

const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : [...p])));

describe('classifyBytes', () => {
  it.each<[string, Uint8Array | null, unknown]>([
    ['null', null, { kind: 'null' }],
    ['Avro with schema 7', bytes([0, 0, 0, 0, 7], [2, 6, 102, 111, 111]), { kind: 'schema-registry', schemaId: 7, payloadOffset: 5 }],
    ['large schema id', bytes([0, 0x7f, 0xff, 0xff, 0xff], [1]), { kind: 'schema-registry', schemaId: 2147483647, payloadOffset: 5 }],
    ['empty payload after framing', bytes([0, 0, 0, 1, 0]), { kind: 'schema-registry', schemaId: 256, payloadOffset: 5 }],
    ['schema id 0 is not framing', bytes([0, 0, 0, 0, 0, 65]), { kind: 'binary' }],
    ['too short for framing', bytes([0, 0, 0, 7]), { kind: 'binary' }],
    ['JSON object', bytes('{"status":"OVERDUE","retry":3}'), { kind: 'json', value: { status: 'OVERDUE', retry: 3 }, text: '{"status":"OVERDUE","retry":3}' }],
    ['JSON array with leading space', bytes(' [1,2]'), { kind: 'json', value: [1, 2], text: ' [1,2]' }],
    ['bare number stays text', bytes('42'), { kind: 'text', text: '42' }],
    ['bare string literal stays text', bytes('"hi"'), { kind: 'text', text: '"hi"' }],
    ['broken JSON is text', bytes('{"a":'), { kind: 'text', text: '{"a":' }],
    ['UTF-8 text', bytes('grüße, 世界 ✓\n\ttab'), { kind: 'text', text: 'grüße, 世界 ✓\n\ttab' }],
    ['empty value is empty text', bytes(), { kind: 'text', text: '' }],
    ['invalid UTF-8', bytes([0xc3, 0x28]), { kind: 'binary' }],
    ['control characters', bytes('abc', [1, 2], 'def'), { kind: 'binary' }],
    ['DEL', bytes('abc', [0x7f]), { kind: 'binary' }],
    // The JSON fast path must answer as the byte scan does.
    ['DEL inside a JSON string', bytes('{"a":"x', [0x7f], '"}'), { kind: 'binary' }],
    ['JSON with tabs, CR and LF around', bytes('\t\r\n{"a":\n1}\r\n'), { kind: 'json', value: { a: 1 }, text: '\t\r\n{"a":\n1}\r\n' }],
    ['form feed before JSON is still JSON-less text', bytes('\f{"a":1}'), { kind: 'text', text: '\f{"a":1}' }],
    ['BOM before JSON is text', bytes([0xef, 0xbb, 0xbf], '{"a":1}'), { kind: 'text', text: '\ufeff{"a":1}' }],
    ['JSON-looking with a raw control character', bytes('{"a":"', [1], '"}'), { kind: 'binary' }],
    ['JSON-looking, invalid UTF-8', bytes('{"a":"', [0xc3, 0x28], '"}'), { kind: 'binary' }],
  ])('%s', (_, input, expected) => expect(classifyBytes(input)).toEqual(expected));

  it('reads Protobuf message indexes when told the schema is Protobuf', () => {
    const schemaTypeOf = (id: number): RegistrySchemaType => (id === 9 ? 'PROTOBUF' : 'AVRO');
    expect(classifyBytes(bytes([0, 0, 0, 0, 9], [0], [8, 1]), { schemaTypeOf })).toEqual({ kind: 'schema-registry', schemaId: 9, payloadOffset: 6, messageIndexes: [0] });
    expect(classifyBytes(bytes([0, 0, 0, 0, 9], writeProtobufMessageIndexes([1, 0]), [8, 1]), { schemaTypeOf })).toEqual({
      kind: 'schema-registry',
      schemaId: 9,
      payloadOffset: 8,
      messageIndexes: [1, 0],
    });
    expect(classifyBytes(bytes([0, 0, 0, 0, 8], [0]), { schemaTypeOf })).toEqual({ kind: 'schema-registry', schemaId: 8, payloadOffset: 5 });
    expect(classifyBytes(bytes([0, 0, 0, 0, 9], [0x80]), { schemaTypeOf })).toEqual({ kind: 'binary' });
  });

  it('reads 8-byte Apicurio global ids when asked', () => {
    expect(classifyBytes(bytes([0, 0, 0, 0, 0, 0, 0, 1, 4], [1]), { schemaIdBytes: 8 })).toEqual({ kind: 'schema-registry', schemaId: 260, payloadOffset: 9 });
    expect(readRegistryFraming(bytes([0, 0x80, 0, 0, 0, 0, 0, 0, 1]), 8)).toBeNull(); // past 2^53
  });
});

describe('readProtobufMessageIndexes', () => {
  it.each<[number[], number[]]>([
    [[0], [0]],
    [[1], [2, 2]],
    [[2, 1], [4, 4, 2]],
    [[0, 0], [4, 0, 0]],
    [[300], [2, 0xd8, 0x04]],
  ])('%j ↔ %j', (indexes, encoded) => {
    expect([...writeProtobufMessageIndexes(indexes)]).toEqual(encoded);
    expect(readProtobufMessageIndexes(Uint8Array.from([99, ...encoded, 42]), 1)).toEqual({ indexes, payloadOffset: encoded.length + 1 });
  });

  it.each<[string, number[], string]>([
    ['truncated varint', [0x80], 'Protobuf message-index count: the record ends inside a varint'],
    ['missing index', [4, 2], 'Protobuf message index 2 of 2: the record ends inside a varint'],
    ['negative count', [1], 'Protobuf message-index count -1 is not plausible.'],
    ['absurd count', [0xe8, 0x07], 'Protobuf message-index count 500 is not plausible.'],
    ['negative index', [2, 3], 'Protobuf message index -2 is negative.'],
    ['overlong varint', [0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 'Protobuf message-index count: varint longer than 5 bytes'],
  ])('%s', (_, encoded, error) => expect(readProtobufMessageIndexes(Uint8Array.from(encoded), 0)).toEqual({ error }));
});

describe('utf8TextOf', () => {
  it('keeps a byte-order mark as text and rejects lone surrogates encoded as bytes', () => {
    expect(utf8TextOf(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa');
    expect(utf8TextOf(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull();
  });
});
