import { describe, expect, it } from 'vitest';
import { DESIGN_TEMPLATES } from '../design/templates';
import { validateSchema } from './validate-schema';

const lines = (...l: string[]) => l.join('\n');

describe('validateSchema: every template schema is valid', () => {
  const schemas = DESIGN_TEMPLATES.flatMap((t) => (t.document.schemas ?? []).map((s) => ({ template: t.id, ...s })));
  it.each(schemas)('$template / $subject', ({ format, definition }) => {
    expect(validateSchema(format, definition)).toEqual({ ok: true, normalized: definition, warnings: [] });
  });
});

describe('validateSchema: JSON syntax errors carry line and column (Avro and JSON Schema)', () => {
  it.each([
    ['AVRO', lines('{', '  "type": "record",', '  "name": "T",', '  "fields": [],', '}'), 'Trailing commas are not allowed in JSON; remove the comma.', 5, 1],
    ['JSON', lines('{', '  "type": "object"', '  "properties": {}', '}'), 'Expected "," or a closing bracket.', 3, 3],
    ['JSON', lines('{', "  'type': 'object'", '}'), 'Unexpected character.', 2, 3],
    ['AVRO', lines('{', '  // a comment', '  "type": "string"', '}'), 'Comments are not allowed in JSON.', 2, 3],
    ['AVRO', '', 'Expected a value.', 1, 1],
    ['JSON', '{"type": "string"', 'Expected "}".', 1, 18],
  ] as const)('%s %j', (format, text, message, line, column) => {
    expect(validateSchema(format, text)).toMatchObject({ ok: false, problems: [{ message, severity: 'error', line, column }] });
  });
});

describe('validateSchema: Avro semantic errors point at the offending element', () => {
  const record = lines(
    '{',
    '  "type": "record",',
    '  "name": "TaskEvent",',
    '  "fields": [',
    '    { "name": "task_id", "type": "string" },',
    '    { "name": "status", "type": "TaskStatus" },',
    '    { "name": "priority", "type": "int", "default": "high" }',
    '  ]',
    '}',
  );

  it('an unknown type name', () => {
    expect(validateSchema('AVRO', record)).toMatchObject({
      ok: false,
      problems: [{ message: 'Unknown type "TaskStatus": define it before its first use (with its namespace), or use a primitive type.', line: 6, column: 25, path: '/fields/1/type' }],
    });
  });

  it('a default of the wrong type', () => {
    const text = record.replace('"TaskStatus"', '"string"');
    expect(validateSchema('AVRO', text)).toMatchObject({ ok: false, problems: [{ message: 'Default "high" is not a valid int.', line: 7, path: '/fields/2/default' }] });
  });

  it('a union default that is not of the first branch', () => {
    const text = JSON.stringify({ type: 'record', name: 'T', fields: [{ name: 'due', type: ['null', 'long'], default: 5 }] });
    expect(validateSchema('AVRO', text)).toMatchObject({ ok: false, problems: [{ message: 'Default 5 does not match the union\'s first branch "null": a union\'s default must be of its first type.', path: '/fields/0/default' }] });
  });

  it.each([
    [{ type: 'enum', name: 'S', symbols: ['A', 'A'] }, /duplicate/i, '/symbols/0'],
    [{ type: 'enum', name: 'S', symbols: ['A'], default: 'B' }, /default/i, '/default'],
    [{ type: 'recrod', name: 'S', fields: [] }, /^Unknown type "recrod"/, '/type'],
    [{ type: 'record', name: 'S', fields: [{ name: '2fast', type: 'int' }] }, /invalid field name/i, '/fields/0/name'],
  ])('%j', (schema, message, path) => {
    const result = validateSchema('AVRO', JSON.stringify(schema, null, 2));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.message).toMatch(message);
      expect(result.problems[0]?.path).toBe(path);
      expect(result.problems[0]?.line).toBeGreaterThan(0);
    }
  });

  it('accepts logical types, recursive records and named references', () => {
    const text = JSON.stringify({
      type: 'record',
      name: 'Node',
      namespace: 'com.example',
      fields: [
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
        { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'], default: 'A' } },
        { name: 'previous_kind', type: ['null', 'Kind'], default: null },
        { name: 'children', type: { type: 'array', items: 'Node' }, default: [] },
      ],
    });
    expect(validateSchema('AVRO', text)).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('validateSchema: JSON Schema', () => {
  it('reports meta-schema violations once per location, with the allowed values', () => {
    const text = lines('{', '  "type": "object",', '  "properties": {', '    "title": { "type": "strng" },', '    "size": { "type": "integer", "minimum": "1" }', '  }', '}');
    expect(validateSchema('JSON', text)).toEqual({
      ok: false,
      problems: [
        { message: '"type" must be equal to one of the allowed values: use one of "array", "boolean", "integer", "null", "number", "object", "string".', severity: 'error', path: '/properties/title/type', line: 4, column: 16 },
        { message: '"minimum" must be number.', severity: 'error', path: '/properties/size/minimum', line: 5, column: 34 },
      ],
    });
  });

  it('warns about misspelt keywords, unknown formats and undeclared required properties, where they are', () => {
    const text = lines('{', '  "type": "object",', '  "properties": {', '    "at": { "type": "string", "format": "date-tme" }', '  },', '  "requried": ["at"],', '  "required": ["id"]', '}');
    const result = validateSchema('JSON', text);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Unknown format "date-tme"/), severity: 'warning', line: 4, column: 31 }),
      expect.objectContaining({ message: 'Unknown keyword "requried": validators ignore it. Did you mean "required"?', line: 6, column: 3 }),
      expect.objectContaining({ message: 'Required property "id" is not defined.', line: 7, column: 3 }),
    ]);
  });

  it('rejects a local $ref to nothing and leaves other documents to the registry', () => {
    const dangling = JSON.stringify({ type: 'object', properties: { user: { $ref: '#/definitions/User' } } }, null, 2);
    expect(validateSchema('JSON', dangling)).toMatchObject({ ok: false, problems: [{ message: '$ref "#/definitions/User" points at nothing in this schema.', path: '/properties/user/$ref', line: 5 }] });
    const remote = JSON.stringify({ type: 'object', properties: { user: { $ref: 'user.json' } } });
    expect(validateSchema('JSON', remote)).toMatchObject({ ok: true, warnings: [{ severity: 'warning', message: expect.stringContaining('schema references') }] });
  });

  it.each([
    ['draft-07 (default)', {}],
    ['draft-06', { $schema: 'http://json-schema.org/draft-06/schema#' }],
    ['2019-09', { $schema: 'https://json-schema.org/draft/2019-09/schema' }],
    ['2020-12', { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'string' }] }],
  ])('understands %s', (_, extra) => {
    expect(validateSchema('JSON', JSON.stringify({ type: 'array', ...extra }))).toMatchObject({ ok: true, warnings: [] });
  });

  it('catches keyword misuse per draft: prefixItems must be an array in 2020-12', () => {
    expect(validateSchema('JSON', JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: { type: 'string' } }))).toMatchObject({ ok: false, problems: [{ path: '/prefixItems' }] });
  });

  it('skips draft-04 with a warning and rejects an unknown $schema', () => {
    expect(validateSchema('JSON', JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }))).toMatchObject({ ok: true, warnings: [{ severity: 'warning' }] });
    expect(validateSchema('JSON', JSON.stringify({ $schema: 'https://example.com/my-dialect', type: 'object' }))).toMatchObject({ ok: false, problems: [{ path: '/$schema' }] });
  });

  it('accepts the boolean schemas and rejects other non-objects', () => {
    expect(validateSchema('JSON', 'true')).toMatchObject({ ok: true });
    expect(validateSchema('JSON', '"object"')).toMatchObject({ ok: false, problems: [{ message: 'A JSON Schema is an object (or true/false).' }] });
  });
});

describe('validateSchema: Protobuf', () => {
  const proto = (...body: string[]) => lines('syntax = "proto3";', 'package acme.tasks;', '', ...body);

  it('reports parse errors on their line, at the token', () => {
    expect(validateSchema('PROTOBUF', proto('message TaskEvent {', '  string task_id = 1', '  string title = 2;', '}'))).toEqual({
      ok: false,
      problems: [{ message: 'Expected ";" before "string".', severity: 'error', line: 6, column: 3 }],
    });
  });

  it('reports an unknown type at its use', () => {
    expect(validateSchema('PROTOBUF', proto('message TaskEvent {', '  string task_id = 1;', '  TaskStatus status = 2;', '}'))).toMatchObject({
      ok: false,
      problems: [{ message: 'Unknown type "TaskStatus" in message acme.tasks.TaskEvent: define or import it.', line: 6, column: 3 }],
    });
  });

  it('resolves well-known imports and leaves other imports to the registry', () => {
    const withTimestamp = proto('import "google/protobuf/timestamp.proto";', 'message TaskEvent {', '  google.protobuf.Timestamp occurred_at = 1;', '}');
    expect(validateSchema('PROTOBUF', withTimestamp)).toEqual({ ok: true, normalized: withTimestamp, warnings: [] });
    const withReference = proto('import "acme/user.proto";', 'message TaskEvent {', '  acme.User assignee = 1;', '}');
    expect(validateSchema('PROTOBUF', withReference)).toMatchObject({ ok: true, warnings: [{ severity: 'warning', line: 4, column: 9 }] });
  });

  it('rejects duplicate field numbers', () => {
    expect(validateSchema('PROTOBUF', proto('message TaskEvent {', '  string a = 1;', '  string b = 1;', '}'))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/duplicate id 1/i) }] });
  });
});
