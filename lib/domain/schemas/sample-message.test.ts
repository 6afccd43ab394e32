import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { DESIGN_TEMPLATES } from '../design/templates';
import { parseAvroSchema } from './avro-model';
import { createAjv } from './json-schema-dialect';
import { EXAMPLE_EPOCH_MILLIS, EXAMPLE_INSTANT, EXAMPLE_UUID, exampleString, sampleMessage } from './sample-message';
import { taskEvent, V3 } from './task-event.fixtures';

const sample = (format: 'AVRO' | 'JSON' | 'PROTOBUF', schema: unknown, messageType?: string) => {
  const result = sampleMessage(format, typeof schema === 'string' ? schema : JSON.stringify(schema), messageType ? { messageType } : {});
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.value;
};

describe('sampleMessage: Avro', () => {
  it('gives the TaskEvent a readable, fixed example in Avro JSON encoding', () => {
    expect(sample('AVRO', taskEvent(V3))).toEqual({
      task_id: EXAMPLE_UUID,
      title: 'example title',
      status: 'TODO',
      occurred_at: EXAMPLE_EPOCH_MILLIS,
      description: { string: 'example description' },
      due_date: { long: EXAMPLE_EPOCH_MILLIS },
      priority: 0,
    });
  });

  it('is deterministic', () => {
    expect(sampleMessage('AVRO', taskEvent(V3))).toEqual(sampleMessage('AVRO', taskEvent(V3)));
  });

  it('covers every Avro type, and the result is decodable by avsc', () => {
    const schema = {
      type: 'record',
      name: 'Everything',
      namespace: 'com.example',
      fields: [
        { name: 'flag', type: 'boolean' },
        { name: 'count', type: 'int' },
        { name: 'updatedAt', type: 'long' },
        { name: 'ratio', type: 'double' },
        { name: 'payload', type: 'bytes' },
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 } },
        { name: 'day', type: { type: 'int', logicalType: 'date' } },
        { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 4 } },
        { name: 'labels', type: { type: 'map', values: 'string' } },
        { name: 'owner_email', type: 'string' },
        { name: 'either', type: [{ type: 'record', name: 'A', fields: [{ name: 'a', type: 'int' }] }, { type: 'record', name: 'B', fields: [] }] },
        { name: 'retries', type: 'int', default: 3 },
        { name: 'children', type: { type: 'array', items: 'Everything' } },
        { name: 'parent', type: ['null', 'Everything'], default: null },
      ],
    };
    const value = sample('AVRO', schema);
    expect(value).toEqual({
      flag: false,
      count: 1,
      updatedAt: EXAMPLE_EPOCH_MILLIS,
      ratio: 1.5,
      payload: '\u00de\u00ad\u00be\u00ef',
      amount: '\u0004\u00d2',
      day: 19737,
      hash: '\u0000\u0000\u0000\u0000',
      labels: { key: 'example labels' },
      owner_email: 'jane.doe@example.com',
      either: { 'com.example.A': { a: 1 } },
      retries: 3,
      children: [],
      parent: null,
    });
    const parsed = parseAvroSchema(schema);
    if (!parsed.ok) throw new Error(parsed.message);
    const text = JSON.stringify(value);
    expect(parsed.avro.type.toString(parsed.avro.type.fromString(text))).toBe(text);
  });
});

describe('sampleMessage: JSON Schema', () => {
  it.each([
    ['examples first', { type: 'string', examples: ['Buy milk'], default: 'x' }, 'Buy milk'],
    ['then const', { const: 'created' }, 'created'],
    ['then default', { type: 'integer', default: 3 }, 3],
    ['then the first enum value', { type: 'string', enum: ['push', 'email'] }, 'push'],
    ['date-time', { type: 'string', format: 'date-time' }, EXAMPLE_INSTANT],
    ['date', { type: 'string', format: 'date' }, '2024-01-15'],
    ['email', { type: 'string', format: 'email' }, 'jane.doe@example.com'],
    ['uuid', { type: 'string', format: 'uuid' }, EXAMPLE_UUID],
    ['minLength pads', { type: 'string', minLength: 12, format: 'hostname' }, 'example.comx'],
    ['maxLength cuts', { type: 'string', maxLength: 3 }, 'exa'],
    ['minimum', { type: 'integer', minimum: 10 }, 10],
    ['exclusiveMinimum and multipleOf', { type: 'number', exclusiveMinimum: 2, multipleOf: 0.25 }, 2.25],
    ['maximum below the usual example', { type: 'integer', maximum: 0 }, 0],
    ['nullable picks the non-null type', { type: ['null', 'boolean'] }, false],
    ['anyOf picks the first non-null option', { anyOf: [{ type: 'null' }, { type: 'string', format: 'uri' }] }, 'https://example.com/tasks/42'],
    ['tuples', { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string', format: 'date' }, { type: 'integer' }], items: false }, ['2024-01-15', 1]],
    ['minItems', { type: 'array', items: { type: 'boolean' }, minItems: 2 }, [false, false]],
  ])('%s', (_, schema, expected) => {
    expect(sample('JSON', schema)).toEqual(expected);
  });

  it('fills declared properties by name, required ones even when undeclared, through $ref and allOf', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: {
        Audit: { type: 'object', properties: { createdAt: { type: 'integer' }, createdBy: { type: 'string', format: 'email' } } },
        Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } } },
      },
      allOf: [{ $ref: '#/definitions/Audit' }, { type: 'object', properties: { taskId: { type: 'string' }, tree: { $ref: '#/definitions/Node' } }, required: ['taskId', 'tenant'] }],
    };
    const value = sample('JSON', schema);
    expect(value).toEqual({
      createdAt: EXAMPLE_EPOCH_MILLIS,
      createdBy: 'jane.doe@example.com',
      taskId: EXAMPLE_UUID,
      tree: { name: 'example name', children: [] },
      tenant: 'example tenant',
    });
  });

  it('every template JSON Schema accepts its own sample', () => {
    for (const template of DESIGN_TEMPLATES) {
      for (const schema of (template.document.schemas ?? []).filter((s) => s.format === 'JSON')) {
        const ajv = createAjv('draft-07');
        const valid = ajv.validate(JSON.parse(schema.definition), sample('JSON', schema.definition));
        expect(valid, `${schema.subject}: ${ajv.errorsText()}`).toBe(true);
      }
    }
  });

  it('every template Avro schema decodes its own sample', () => {
    for (const template of DESIGN_TEMPLATES) {
      for (const schema of (template.document.schemas ?? []).filter((s) => s.format === 'AVRO')) {
        const parsed = parseAvroSchema(JSON.parse(schema.definition));
        if (!parsed.ok) throw new Error(parsed.message);
        const text = JSON.stringify(sample('AVRO', schema.definition));
        expect(parsed.avro.type.toString(parsed.avro.type.fromString(text)), schema.subject).toBe(text);
      }
    }
  });
});

describe('sampleMessage: Protobuf', () => {
  const proto = [
    'syntax = "proto3";',
    'package acme.tasks;',
    'import "google/protobuf/timestamp.proto";',
    'message TaskEvent {',
    '  string task_id = 1;',
    '  int64 sequence = 2;',
    '  enum Status { STATUS_UNSPECIFIED = 0; TODO = 1; DONE = 2; }',
    '  Status status = 3;',
    '  repeated string tags = 4;',
    '  map<string, int32> counters = 5;',
    '  oneof change { string title = 6; bool completed = 7; }',
    '  optional double estimate = 8;',
    '  google.protobuf.Timestamp occurred_at = 9;',
    '  Assignee assignee = 10;',
    '  TaskEvent previous = 11;',
    '}',
    'message Assignee { bytes avatar = 1; uint64 user_id = 2; }',
  ].join('\n');

  it('gives each field its type’s default in the proto3 JSON mapping, for the first message', () => {
    expect(sample('PROTOBUF', proto)).toEqual({
      task_id: '',
      sequence: '0',
      status: 'STATUS_UNSPECIFIED',
      tags: [''],
      counters: { key: 0 },
      title: '',
      estimate: 0,
      occurred_at: '1970-01-01T00:00:00Z',
      assignee: { avatar: '', user_id: '0' },
    });
  });

  it('samples a chosen message type, and protobufjs accepts the result', () => {
    const value = sample('PROTOBUF', proto, 'acme.tasks.Assignee');
    expect(value).toEqual({ avatar: '', user_id: '0' });
    const root = protobuf.parse(proto, { keepCase: true }).root;
    const type = root.lookupType('acme.tasks.Assignee');
    expect(type.verify(type.fromObject(value as Record<string, unknown>))).toBeNull();
  });

  it('names the message types when the requested one does not exist', () => {
    expect(sampleMessage('PROTOBUF', proto, { messageType: 'acme.tasks.Nope' })).toMatchObject({
      ok: false,
      problems: [{ message: 'No message type "acme.tasks.Nope"; the schema declares acme.tasks.TaskEvent, acme.tasks.Assignee.' }],
    });
  });
});

describe('sampleMessage: inputs', () => {
  it('returns the validation problems of an invalid schema', () => {
    expect(sampleMessage('AVRO', '{"type": "recrod"}')).toMatchObject({ ok: false, problems: [{ severity: 'error' }] });
  });

  it.each([
    ['task_id', EXAMPLE_UUID],
    ['userId', EXAMPLE_UUID],
    ['contactEmail', 'jane.doe@example.com'],
    ['callback_url', 'https://example.com/tasks/42'],
    ['created_at', EXAMPLE_INSTANT],
    ['dueDate', EXAMPLE_INSTANT],
    ['currency', 'EUR'],
    ['title', 'example title'],
    ['recurrenceRule', 'example recurrence rule'],
    ['', 'example'],
  ])('exampleString(%j)', (name, expected) => expect(exampleString(name)).toBe(expected));
});
