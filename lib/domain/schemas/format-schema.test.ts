import { describe, expect, it } from 'vitest';
import { formatSchema } from './format-schema';

describe('formatSchema', () => {
  it('indents Avro and JSON Schema with two spaces, keeping key order', () => {
    expect(formatSchema('AVRO', '{"type":"record","name":"T","fields":[{"name":"a","type":"int"}]}')).toEqual({
      ok: true,
      text: ['{', '  "type": "record",', '  "name": "T",', '  "fields": [', '    {', '      "name": "a",', '      "type": "int"', '    }', '  ]', '}'].join('\n'),
    });
  });

  it('changes only whitespace: numbers, escapes and integer-like keys stay as written', () => {
    const text = '{"z":1.0,"default":12345678901234567890,"1":"\\u00e9","a":[ ]}';
    expect(formatSchema('JSON', text)).toEqual({ ok: true, text: ['{', '  "z": 1.0,', '  "default": 12345678901234567890,', '  "1": "\\u00e9",', '  "a": []', '}'].join('\n') });
  });

  it('is idempotent', () => {
    const once = formatSchema('JSON', '{ "type" : "object",\r\n\t"properties":{} }');
    expect(once.ok && formatSchema('JSON', once.text)).toEqual(once);
  });

  it('leaves Protobuf as written, once it parses', () => {
    const proto = 'syntax = "proto3";\n\n// Tasks.\nmessage T {   string id = 1; }\n';
    expect(formatSchema('PROTOBUF', proto)).toEqual({ ok: true, text: proto });
    expect(formatSchema('PROTOBUF', 'message {')).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });

  it('refuses to format what does not parse', () => {
    expect(formatSchema('JSON', '{"a": }')).toMatchObject({ ok: false, problems: [{ message: 'Expected a value.', line: 1, column: 7 }] });
  });
});
