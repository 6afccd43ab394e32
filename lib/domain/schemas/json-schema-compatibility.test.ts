import { describe, expect, it } from 'vitest';
import type { CompatibilityLevel } from '../design/model';
import { checkCompatibility } from './compatibility';
import { createAjv } from './json-schema-dialect';
import { jsonSchemaIncompatibilities } from './json-schema-compatibility';
import { sampleMessage } from './sample-message';

/** TaskUpdate from the task-management template: an open content model (no additionalProperties). */
const taskUpdate = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'TaskUpdate',
  type: 'object',
  properties: {
    taskId: { type: 'string' },
    title: { type: 'string' },
    completed: { type: 'boolean' },
    dueAt: { type: ['string', 'null'], format: 'date-time' },
    version: { type: 'integer', minimum: 0 },
    channel: { type: 'string', enum: ['push', 'email', 'chat'] },
  },
  required: ['taskId', 'title', 'completed', 'version'],
};
const closed = { ...taskUpdate, additionalProperties: false };
type Schema = Record<string, unknown> & { properties: Record<string, unknown>; required: string[] };

const withProperty = (base: Schema, name: string, schema: unknown, required = false): Schema => ({
  ...base,
  properties: { ...base.properties, [name]: schema },
  required: required ? [...base.required, name] : base.required,
});
const withoutProperty = (base: Schema, name: string): Schema => {
  const { [name]: _removed, ...properties } = base.properties;
  return { ...base, properties, required: base.required.filter((r) => r !== name) };
};

function check(level: CompatibilityLevel, oldSchema: unknown, newSchema: unknown): string[] {
  const result = checkCompatibility({ format: 'JSON', level, schema: JSON.stringify(newSchema, null, 2), previous: [{ version: 1, definition: JSON.stringify(oldSchema, null, 2) }] });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.violations.map((v) => `${v.rule} ${v.kind} ${v.path}`);
}

describe('JSON Schema compatibility (Confluent rules)', () => {
  it.each([
    ['optional property added to an open model', taskUpdate, withProperty(taskUpdate, 'priority', { type: 'integer' }), ['BACKWARD PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL /properties/priority']],
    ['property with an empty schema added to an open model', taskUpdate, withProperty(taskUpdate, 'notes', {}), []],
    ['optional property added to a closed model', closed, withProperty(closed, 'priority', { type: 'integer' }), ['FORWARD PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/priority']],
    ['required property without default added to a closed model', closed, withProperty(closed, 'priority', { type: 'integer' }, true), ['BACKWARD REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/priority', 'FORWARD PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/priority']],
    ['required property with a default added to a closed model', closed, withProperty(closed, 'priority', { type: 'integer', default: 0 }, true), ['FORWARD PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/priority']],
    ['optional property removed from an open model', taskUpdate, withoutProperty(taskUpdate, 'channel'), ['FORWARD PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL /properties/channel']],
    ['optional property removed from a closed model', closed, withoutProperty(closed, 'channel'), ['BACKWARD PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/channel']],
    ['required property removed from a closed model', closed, withoutProperty(closed, 'title'), ['BACKWARD PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL /properties/title', 'FORWARD REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL /properties/title']],
    ['existing property becomes required', taskUpdate, { ...taskUpdate, required: [...taskUpdate.required, 'channel'] }, ['BACKWARD REQUIRED_ATTRIBUTE_ADDED /required']],
    ['integer widened to number', taskUpdate, withProperty(taskUpdate, 'version', { type: 'number', minimum: 0 }), ['FORWARD TYPE_NARROWED /properties/version/type']],
    ['nullable narrowed to string', taskUpdate, withProperty(taskUpdate, 'dueAt', { type: 'string', format: 'date-time' }), ['BACKWARD TYPE_NARROWED /properties/dueAt/type']],
    ['string changed to integer', taskUpdate, withProperty(taskUpdate, 'title', { type: 'integer' }), ['BACKWARD TYPE_CHANGED /properties/title/type', 'FORWARD TYPE_CHANGED /properties/title/type']],
    ['enum extended', taskUpdate, withProperty(taskUpdate, 'channel', { type: 'string', enum: ['push', 'email', 'chat', 'sms'] }), ['FORWARD ENUM_ARRAY_NARROWED /properties/channel/enum']],
    ['enum narrowed', taskUpdate, withProperty(taskUpdate, 'channel', { type: 'string', enum: ['push', 'email'] }), ['BACKWARD ENUM_ARRAY_NARROWED /properties/channel/enum']],
    ['enum added to a free string', taskUpdate, withProperty(taskUpdate, 'title', { type: 'string', enum: ['a'] }), ['BACKWARD ENUM_ADDED /properties/title/enum']],
    ['maxLength added', taskUpdate, withProperty(taskUpdate, 'title', { type: 'string', maxLength: 200 }), ['BACKWARD MAX_LENGTH_ADDED /properties/title/maxLength']],
    ['minimum raised', taskUpdate, withProperty(taskUpdate, 'version', { type: 'integer', minimum: 1 }), ['BACKWARD MINIMUM_INCREASED /properties/version/minimum']],
    ['minimum made exclusive at the same value', taskUpdate, withProperty(taskUpdate, 'version', { type: 'integer', exclusiveMinimum: 0 }), ['BACKWARD MINIMUM_INCREASED /properties/version/exclusiveMinimum']],
    ['pattern added', taskUpdate, withProperty(taskUpdate, 'taskId', { type: 'string', pattern: '^[0-9a-f-]{36}$' }), ['BACKWARD PATTERN_ADDED /properties/taskId/pattern']],
    ['open model closed', taskUpdate, closed, ['BACKWARD ADDITIONAL_PROPERTIES_REMOVED /additionalProperties']],
    ['a string becomes anyOf string or integer', taskUpdate, withProperty(taskUpdate, 'title', { anyOf: [{ type: 'string' }, { type: 'integer' }] }), ['FORWARD TYPE_CHANGED /properties/title/type']],
    ['title and description only', taskUpdate, { ...taskUpdate, title: 'TaskUpdated', description: 'Renamed.' }, []],
  ])('%s', (_, oldSchema, newSchema, expected) => {
    expect(check('FULL', oldSchema, newSchema)).toEqual(expected);
  });

  it('words the change from old to new and names the rule it breaks', () => {
    const messages = (level: CompatibilityLevel, oldSchema: unknown, newSchema: unknown) =>
      checkCompatibility({ format: 'JSON', level, schema: JSON.stringify(newSchema), previous: [{ version: 4, definition: JSON.stringify(oldSchema) }] });
    expect(messages('BACKWARD', taskUpdate, withProperty(taskUpdate, 'priority', { type: 'integer' }))).toMatchObject({
      ok: true,
      violations: [
        {
          message:
            'property "priority" was added, but the old schema allowed any additional property, so old data may hold "priority" with any value: data written with version 4 cannot be read by the new schema',
        },
      ],
    });
    expect(messages('FORWARD', closed, withProperty(closed, 'priority', { type: 'integer' }))).toMatchObject({
      violations: [{ message: 'property "priority" was added, but the old schema does not allow additional properties: data written with the new schema cannot be read by consumers on version 4' }],
    });
    expect(messages('FORWARD', taskUpdate, withProperty(taskUpdate, 'channel', { type: 'string', enum: ['push', 'email', 'chat', 'sms'] }))).toMatchObject({
      violations: [{ message: 'enum of property "channel" now includes "sms": data written with the new schema cannot be read by consumers on version 4' }],
    });
    expect(messages('BACKWARD', taskUpdate, withProperty(taskUpdate, 'version', { type: 'integer', minimum: 1 }))).toMatchObject({
      violations: [{ message: 'minimum of property "version" changed from ≥ 0 to ≥ 1: data written with version 4 cannot be read by the new schema' }],
    });
    expect(messages('BACKWARD', taskUpdate, { ...taskUpdate, required: [...taskUpdate.required, 'channel'] })).toMatchObject({
      violations: [{ message: 'property "channel" became required: data written with version 4 cannot be read by the new schema' }],
    });
  });

  it('puts the marker on the changed keyword in the new schema', () => {
    const text = JSON.stringify(withProperty(taskUpdate, 'title', { type: 'string', maxLength: 200 }), null, 2);
    const result = checkCompatibility({ format: 'JSON', level: 'BACKWARD', schema: text, previous: [{ version: 1, definition: JSON.stringify(taskUpdate) }] });
    const line = text.split('\n').findIndex((l) => l.includes('"maxLength"')) + 1;
    expect(result).toMatchObject({ ok: true, violations: [{ line, column: 7 }] });
  });

  it('compares nested objects, array items and $ref targets under the referring property', () => {
    const doc = (user: unknown, tagItems: unknown) => ({
      type: 'object',
      definitions: { User: user },
      properties: { assignee: { $ref: '#/definitions/User' }, tags: { type: 'array', items: tagItems } },
    });
    const user = (extra: Record<string, unknown> = {}) => ({ type: 'object', properties: { id: { type: 'string' }, ...extra } });
    expect(check('BACKWARD', doc(user(), { type: 'string' }), doc(user({ email: { type: 'string', format: 'email' } }), { type: 'integer' }))).toEqual([
      'BACKWARD PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL /properties/assignee/properties/email',
      'BACKWARD TYPE_CHANGED /properties/tags/items/type',
    ]);
  });

  it('terminates on recursive schemas', () => {
    const tree = (extra: Record<string, unknown>) => ({ $ref: '#/definitions/Node', definitions: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/Node' } }, ...extra } } } });
    expect(check('FULL', tree({}), tree({}))).toEqual([]);
    expect(check('BACKWARD', tree({}), tree({ name: { type: 'string' } }))).toEqual(['BACKWARD PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL /properties/name']);
  });

  it('covers partially open models, tuples, uniqueItems and dependencies', () => {
    const partial = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'string' } };
    expect(check('FULL', partial, { ...partial, properties: { a: { type: 'string' }, b: { type: 'string' } } })).toEqual([]);
    expect(check('BACKWARD', partial, { ...partial, properties: { a: { type: 'string' }, b: { type: 'integer' } } })).toEqual(['BACKWARD PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL /properties/b']);

    const tupleSchema = (prefixItems: unknown[]) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems, items: false });
    expect(check('FULL', tupleSchema([{ type: 'string' }]), tupleSchema([{ type: 'string' }, { type: 'integer' }]))).toEqual(['FORWARD ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL /prefixItems/1']);

    expect(check('BACKWARD', { type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'string' }, uniqueItems: true })).toEqual(['BACKWARD UNIQUE_ITEMS_ADDED /uniqueItems']);
    expect(check('BACKWARD', taskUpdate, { ...taskUpdate, dependentRequired: { dueAt: ['channel'] } })).toEqual(['BACKWARD DEPENDENCY_ARRAY_ADDED /dependentRequired/dueAt']);
  });

  it('treats oneOf options as a sum: each old option needs a new one that accepts it', () => {
    const event = (options: unknown[]) => ({ oneOf: options });
    const created = { type: 'object', properties: { kind: { const: 'created' } }, required: ['kind'] };
    const deleted = { type: 'object', properties: { kind: { const: 'deleted' } }, required: ['kind'] };
    expect(check('BACKWARD', event([created]), event([created, deleted]))).toEqual([]);
    expect(check('BACKWARD', event([created, deleted]), event([created]))).toEqual(['BACKWARD SUM_TYPE_NARROWED /oneOf/1']);
  });

  it('returns nothing for identical schemas, whichever side is called new', () => {
    expect(jsonSchemaIncompatibilities(taskUpdate, structuredClone(taskUpdate), true)).toEqual([]);
    expect(jsonSchemaIncompatibilities(closed, structuredClone(closed), false)).toEqual([]);
  });

  it('when it says BACKWARD holds, a sample of the old schema is valid under the new one', () => {
    const pairs: [unknown, unknown][] = [
      [taskUpdate, withProperty(taskUpdate, 'notes', {})],
      [closed, withProperty(closed, 'priority', { type: 'integer' })],
      [taskUpdate, withProperty(taskUpdate, 'version', { type: 'number', minimum: 0 })],
      [taskUpdate, withoutProperty(taskUpdate, 'channel')],
      [taskUpdate, withProperty(taskUpdate, 'title', { type: 'string', maxLength: 200 })],
    ];
    for (const [oldSchema, newSchema] of pairs) {
      const compatible = check('BACKWARD', oldSchema, newSchema).length === 0;
      const sample = sampleMessage('JSON', JSON.stringify(oldSchema));
      if (!sample.ok) throw new Error('no sample');
      const valid = createAjv('draft-07').validate(newSchema as object, sample.value);
      if (compatible) expect(valid, JSON.stringify(newSchema)).toBe(true);
    }
  });
});
