import { describe, expect, it } from 'vitest';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from '../design/model';
import { parseAvroSchema } from './avro-model';
import { checkCompatibility, type CompatibilityViolation, rulesOf, type SchemaVersion } from './compatibility';
import { type AvroField, dueDate, occurredAt, status, TASK_EVENT_HISTORY, taskEvent, title, V1, V2, V3, withField } from './task-event.fixtures';

const HISTORY_V2 = TASK_EVENT_HISTORY.slice(0, 2);

/** The violations as `RULE vN KIND path`, the shape the tables below compare. */
function check(level: CompatibilityLevel, candidate: string, previous: readonly SchemaVersion[] = TASK_EVENT_HISTORY): string[] {
  const result = checkCompatibility({ format: 'AVRO', level, schema: candidate, previous });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.violations.map((v) => `${v.rule} v${v.version} ${v.kind} ${v.path}`);
}

function violations(level: CompatibilityLevel, candidate: string, previous: readonly SchemaVersion[] = TASK_EVENT_HISTORY): CompatibilityViolation[] {
  const result = checkCompatibility({ format: 'AVRO', level, schema: candidate, previous });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.violations;
}

const statusWith = (symbols: string[], enumDefault?: string): AvroField => ({
  name: 'status',
  type: { type: 'enum', name: 'TaskStatus', symbols, ...(enumDefault ? { default: enumDefault } : {}) },
});

const dueDateRequired: AvroField = { name: 'due_date', type: { type: 'long', logicalType: 'timestamp-millis' } };
const dueDateNoDefault: AvroField = { name: 'due_date', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }] };

describe('checkCompatibility: the TaskEvent reference scenario (Avro)', () => {
  it('v3 (optional due_date, priority with a default) is compatible with v1 and v2 at every level', () => {
    for (const level of COMPATIBILITY_LEVELS) expect(check(level, taskEvent(V3), HISTORY_V2), level).toEqual([]);
  });

  it('names the change, the rule and the version, and points at the field in the new schema', () => {
    const candidate = taskEvent([...V2, dueDateNoDefault]);
    // The marker goes on the field's opening brace, the line above its "name".
    const braceLine = candidate.split('\n').findIndex((l) => l.includes('"due_date"'));
    expect(violations('BACKWARD', candidate, HISTORY_V2)).toEqual([
      {
        rule: 'BACKWARD',
        version: 2,
        kind: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/due_date',
        message: 'field "due_date" was added without a default: data written with version 2 cannot be read by the new schema',
        line: braceLine,
        column: 5,
      },
    ]);
  });

  // Each change against v1–v3, at each level: exactly which rules break, against which versions.
  const table: { change: string; fields: AvroField[]; expected: Partial<Record<CompatibilityLevel, string[]>> }[] = [
    {
      change: 'due_date loses its default (still optional): only older versions without the field break it',
      fields: withField(V3, dueDateNoDefault),
      expected: {
        BACKWARD: [],
        BACKWARD_TRANSITIVE: ['BACKWARD v2 READER_FIELD_MISSING_DEFAULT_VALUE /fields/due_date', 'BACKWARD v1 READER_FIELD_MISSING_DEFAULT_VALUE /fields/due_date'],
        FORWARD: [],
        FORWARD_TRANSITIVE: [],
        FULL: [],
        FULL_TRANSITIVE: ['BACKWARD v2 READER_FIELD_MISSING_DEFAULT_VALUE /fields/due_date', 'BACKWARD v1 READER_FIELD_MISSING_DEFAULT_VALUE /fields/due_date'],
        NONE: [],
      },
    },
    {
      change: 'title removed (it has no default)',
      fields: V3.filter((f) => f.name !== 'title'),
      expected: {
        BACKWARD: [],
        FORWARD: ['FORWARD v3 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title'],
        FORWARD_TRANSITIVE: ['FORWARD v3 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title', 'FORWARD v2 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title', 'FORWARD v1 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title'],
        FULL: ['FORWARD v3 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title'],
      },
    },
    {
      change: 'description removed (it has a default)',
      fields: V3.filter((f) => f.name !== 'description'),
      expected: { FULL_TRANSITIVE: [] },
    },
    {
      change: 'priority promoted from int to long',
      fields: withField(V3, { name: 'priority', type: 'long', default: 0 }),
      expected: { BACKWARD: [], FORWARD: ['FORWARD v3 TYPE_MISMATCH /fields/priority'], FULL: ['FORWARD v3 TYPE_MISMATCH /fields/priority'] },
    },
    {
      change: 'priority changed from int to string',
      fields: withField(V3, { name: 'priority', type: 'string', default: '0' }),
      expected: { FULL: ['BACKWARD v3 TYPE_MISMATCH /fields/priority', 'FORWARD v3 TYPE_MISMATCH /fields/priority'] },
    },
    {
      change: 'title changed from string to bytes (string and bytes read each other)',
      fields: withField(V3, { name: 'title', type: 'bytes' }),
      expected: { FULL_TRANSITIVE: [] },
    },
    {
      change: 'status gains BLOCKED (no enum default)',
      fields: withField(V3, statusWith(['TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED'])),
      expected: { BACKWARD_TRANSITIVE: [], FORWARD: ['FORWARD v3 MISSING_ENUM_SYMBOLS /fields/status/symbols'] },
    },
    {
      change: 'status loses IN_PROGRESS (no enum default)',
      fields: withField(V3, statusWith(['TODO', 'DONE'])),
      expected: { BACKWARD: ['BACKWARD v3 MISSING_ENUM_SYMBOLS /fields/status/symbols'], FORWARD_TRANSITIVE: [] },
    },
    {
      change: 'status loses IN_PROGRESS but gains an enum default: the new reader maps the lost symbol to it',
      fields: withField(V3, statusWith(['TODO', 'DONE'], 'TODO')),
      expected: { BACKWARD_TRANSITIVE: [] },
    },
    {
      change: 'due_date becomes required (no longer a union with null)',
      fields: withField(V3, dueDateRequired),
      expected: { BACKWARD: ['BACKWARD v3 MISSING_UNION_BRANCH /fields/due_date'], FORWARD: [] },
    },
    {
      change: 'description also allows int',
      fields: withField(V3, { name: 'description', type: ['null', 'string', 'int'], default: null }),
      expected: { BACKWARD: [], FORWARD: ['FORWARD v3 MISSING_UNION_BRANCH /fields/description'] },
    },
    {
      change: 'title renamed to headline with the alias "title"',
      fields: V3.map((f) => (f.name === 'title' ? { name: 'headline', type: 'string', aliases: ['title'] } : f)),
      expected: { BACKWARD_TRANSITIVE: [], FORWARD: ['FORWARD v3 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title'] },
    },
    {
      change: 'title renamed to headline without an alias',
      fields: V3.map((f) => (f.name === 'title' ? { name: 'headline', type: 'string' } : f)),
      expected: { FULL: ['BACKWARD v3 READER_FIELD_MISSING_DEFAULT_VALUE /fields/headline', 'FORWARD v3 READER_FIELD_MISSING_DEFAULT_VALUE /fields/title'] },
    },
  ];

  describe.each(table)('$change', ({ fields, expected }) => {
    it.each(Object.entries(expected))('%s', (level, want) => {
      expect(check(level as CompatibilityLevel, taskEvent(fields))).toEqual(want);
    });
  });

  it('an enum default lets FORWARD pass against the version that has it, not against older ones', () => {
    const v4 = taskEvent(withField(V3, statusWith(['TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED'], 'TODO')));
    const history = [...TASK_EVENT_HISTORY, { version: 4, definition: v4 }];
    const candidate = taskEvent(withField(V3, statusWith(['TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'ARCHIVED'], 'TODO')));
    expect(check('FORWARD', candidate, history)).toEqual([]);
    expect(check('FORWARD_TRANSITIVE', candidate, history)).toEqual([
      'FORWARD v3 MISSING_ENUM_SYMBOLS /fields/status/symbols',
      'FORWARD v2 MISSING_ENUM_SYMBOLS /fields/status/symbols',
      'FORWARD v1 MISSING_ENUM_SYMBOLS /fields/status/symbols',
    ]);
    expect(violations('FORWARD_TRANSITIVE', candidate, history)[0]?.message).toBe(
      'enum "TaskStatus" of field "status" gained symbols "BLOCKED", "ARCHIVED", which the old schema has no enum default for: data written with the new schema cannot be read by consumers on version 3',
    );
  });

  it('words each kind of change from the old schema to the new one', () => {
    const messages = (level: CompatibilityLevel, fields: AvroField[]) => violations(level, taskEvent(fields)).map((v) => v.message);
    expect(messages('FORWARD', V3.filter((f) => f.name !== 'title'))).toEqual([
      'field "title" was removed while the old schema has no default for it: data written with the new schema cannot be read by consumers on version 3',
    ]);
    expect(messages('FORWARD', withField(V3, { name: 'priority', type: 'long', default: 0 }))).toEqual([
      'field "priority" changed from int to long: data written with the new schema cannot be read by consumers on version 3',
    ]);
    expect(messages('BACKWARD', withField(V3, statusWith(['TODO', 'DONE'])))).toEqual([
      'enum "TaskStatus" of field "status" lost symbol "IN_PROGRESS" and has no default: data written with version 3 cannot be read by the new schema',
    ]);
    expect(messages('BACKWARD', withField(V3, dueDateRequired))).toEqual(['field "due_date" no longer allows null: data written with version 3 cannot be read by the new schema']);
    expect(messages('FORWARD', withField(V3, { name: 'description', type: ['null', 'string', 'int'], default: null }))).toEqual([
      'field "description" now also allows int: data written with the new schema cannot be read by consumers on version 3',
    ]);
  });
});

describe('checkCompatibility: Avro rules beyond the scenario', () => {
  const record = (name: string, fields: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'record', name, namespace: 'com.example.tasks', fields, ...extra });
  const v1 = (definition: string) => [{ version: 1, definition }];

  it('compares nested records field by field and names the nested path', () => {
    const assignee = (fields: unknown[]) => ({ name: 'assignee', type: ['null', { type: 'record', name: 'User', fields }], default: null });
    const old = record('TaskEvent', [assignee([{ name: 'id', type: 'string' }])]);
    const candidate = record('TaskEvent', [assignee([{ name: 'id', type: 'string' }, { name: 'email', type: 'string' }])]);
    expect(violations('BACKWARD', candidate, v1(old)).map((v) => [v.path, v.message])).toEqual([
      ['/fields/assignee/fields/email', 'field "assignee.email" was added without a default: data written with version 1 cannot be read by the new schema'],
    ]);
  });

  it('follows named-type references: a change to a shared enum breaks every field that uses it', () => {
    const fields = (symbols: string[]) => [
      { name: 'status', type: { type: 'enum', name: 'TaskStatus', symbols } },
      { name: 'previous_status', type: ['null', 'TaskStatus'], default: null },
    ];
    const result = check('BACKWARD', record('TaskEvent', fields(['TODO'])), v1(record('TaskEvent', fields(['TODO', 'DONE']))));
    expect(result).toEqual(['BACKWARD v1 MISSING_ENUM_SYMBOLS /fields/status/symbols', 'BACKWARD v1 MISSING_ENUM_SYMBOLS /fields/previous_status/symbols']);
  });

  it('terminates on recursive records', () => {
    const node = (extra: unknown[]) => record('Subtask', [{ name: 'title', type: 'string' }, { name: 'children', type: { type: 'array', items: 'Subtask' } }, ...extra]);
    expect(check('FULL', node([{ name: 'done', type: 'boolean', default: false }]), v1(node([])))).toEqual([]);
    expect(check('BACKWARD', node([{ name: 'done', type: 'boolean' }]), v1(node([])))).toEqual(['BACKWARD v1 READER_FIELD_MISSING_DEFAULT_VALUE /fields/done']);
  });

  it.each([
    ['a rename without alias breaks both ways', record('TaskChanged', [{ name: 'id', type: 'string' }]), ['BACKWARD v1 NAME_MISMATCH ', 'FORWARD v1 NAME_MISMATCH ']],
    ['a rename with the old full name as alias breaks only FORWARD', record('TaskChanged', [{ name: 'id', type: 'string' }], { aliases: ['com.example.tasks.TaskEvent'] }), ['FORWARD v1 NAME_MISMATCH ']],
    ['a namespace change alone is compatible (names compare unqualified)', JSON.stringify({ type: 'record', name: 'TaskEvent', namespace: 'org.other', fields: [{ name: 'id', type: 'string' }] }), []],
  ])('%s', (_, candidate, expected) => {
    expect(check('FULL', candidate, v1(record('TaskEvent', [{ name: 'id', type: 'string' }])))).toEqual(expected);
  });

  it.each([
    ['array items', { type: 'array', items: 'string' }, { type: 'array', items: 'int' }, ['BACKWARD v1 TYPE_MISMATCH /fields/x/items'], 'field "x[]" changed from string to int'],
    ['map values', { type: 'map', values: 'int' }, { type: 'map', values: 'string' }, ['BACKWARD v1 TYPE_MISMATCH /fields/x/values'], 'field "x{}" changed from int to string'],
    ['fixed size', { type: 'fixed', name: 'Hash', size: 16 }, { type: 'fixed', name: 'Hash', size: 32 }, ['BACKWARD v1 FIXED_SIZE_MISMATCH /fields/x/size'], 'fixed "Hash" of field "x" changed size from 16 to 32 bytes'],
    ['int read as double', 'int', 'double', [], undefined],
    ['double read as float', 'double', 'float', ['BACKWARD v1 TYPE_MISMATCH /fields/x'], 'field "x" changed from double to float'],
    ['a plain type read by a union holding it', 'string', ['null', 'string'], [], undefined],
    ['a plain type read by a union holding a promotion of it', 'int', ['null', 'long'], [], undefined],
    ['a plain type read by a union without it', 'int', ['null', 'string'], ['BACKWARD v1 TYPE_MISMATCH /fields/x'], 'field "x" changed from int to [null, string]'],
  ])('%s', (_, oldType, newType, expected, message) => {
    const result = violations('BACKWARD', record('R', [{ name: 'x', type: newType }]), v1(record('R', [{ name: 'x', type: oldType }])));
    expect(result.map((v) => `${v.rule} v${v.version} ${v.kind} ${v.path}`)).toEqual(expected);
    if (message) expect(result[0]?.message).toBe(`${message}: data written with version 1 cannot be read by the new schema`);
  });

  it('agrees with avsc’s resolver on every pair it can judge', () => {
    const candidates = [
      taskEvent(V1),
      taskEvent(V2),
      taskEvent(V3),
      taskEvent([...V2, dueDateNoDefault]),
      taskEvent(withField(V3, dueDateNoDefault)),
      taskEvent(withField(V3, dueDateRequired)),
      taskEvent(V3.filter((f) => f.name !== 'title')),
      taskEvent(withField(V3, { name: 'priority', type: 'long', default: 0 })),
      taskEvent(withField(V3, { name: 'priority', type: 'string', default: '0' })),
      taskEvent(withField(V3, statusWith(['TODO', 'IN_PROGRESS', 'DONE', 'BLOCKED']))),
      taskEvent(withField(V3, statusWith(['TODO', 'DONE']))),
      taskEvent(withField(V3, statusWith(['TODO', 'DONE'], 'TODO'))),
      taskEvent(withField(V3, { name: 'description', type: ['null', 'string', 'int'], default: null })),
      taskEvent(V3.map((f) => (f.name === 'title' ? { name: 'headline', type: 'string', aliases: ['title'] } : f))),
      taskEvent([status, title, occurredAt, dueDate]),
    ];
    const typeOf = (text: string) => {
      const parsed = parseAvroSchema(JSON.parse(text));
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.avro.type;
    };
    const avscCanRead = (reader: string, writer: string) => {
      try {
        typeOf(reader).createResolver(typeOf(writer));
        return true;
      } catch {
        return false;
      }
    };
    for (const writer of candidates) {
      for (const reader of candidates) {
        const ours = check('BACKWARD', reader, [{ version: 1, definition: writer }]).length === 0;
        expect(ours, `reader ${reader}\nwriter ${writer}`).toBe(avscCanRead(reader, writer));
      }
    }
  });
});

describe('checkCompatibility: levels and inputs', () => {
  it.each([
    ['NONE', []],
    ['BACKWARD', ['BACKWARD']],
    ['BACKWARD_TRANSITIVE', ['BACKWARD']],
    ['FORWARD', ['FORWARD']],
    ['FORWARD_TRANSITIVE', ['FORWARD']],
    ['FULL', ['BACKWARD', 'FORWARD']],
    ['FULL_TRANSITIVE', ['BACKWARD', 'FORWARD']],
  ] as const)('%s checks %j', (level, rules) => expect(rulesOf(level)).toEqual(rules));

  it('checks only the latest version unless transitive, whatever order versions come in', () => {
    const shuffled = [TASK_EVENT_HISTORY[2], TASK_EVENT_HISTORY[0], TASK_EVENT_HISTORY[1]].filter((v) => v !== undefined);
    const latest = checkCompatibility({ format: 'AVRO', level: 'BACKWARD', schema: taskEvent(V3), previous: shuffled });
    const all = checkCompatibility({ format: 'AVRO', level: 'BACKWARD_TRANSITIVE', schema: taskEvent(V3), previous: shuffled });
    expect(latest.ok && latest.checkedVersions).toEqual([3]);
    expect(all.ok && all.checkedVersions).toEqual([3, 2, 1]);
  });

  it('is compatible with nothing to compare against, and at NONE', () => {
    expect(checkCompatibility({ format: 'AVRO', level: 'FULL', schema: taskEvent(V1), previous: [] })).toEqual({ ok: true, compatible: true, violations: [], checkedVersions: [] });
    expect(checkCompatibility({ format: 'AVRO', level: 'NONE', schema: taskEvent([title]), previous: TASK_EVENT_HISTORY })).toMatchObject({ ok: true, compatible: true });
  });

  it('reports an invalid candidate or previous version instead of guessing', () => {
    expect(checkCompatibility({ format: 'AVRO', level: 'BACKWARD', schema: '{"type":"record"', previous: TASK_EVENT_HISTORY })).toMatchObject({ ok: false, problems: [{ severity: 'error', line: 1 }] });
    const broken = checkCompatibility({ format: 'AVRO', level: 'BACKWARD', schema: taskEvent(V1), previous: [{ version: 7, definition: '{"type":"nope"}' }] });
    expect(broken).toMatchObject({ ok: false, problems: [{ version: 7 }] });
    expect(!broken.ok && broken.problems[0]?.message).toBe('Version 7: Invalid Avro schema: unknown type: "nope"');
  });

  it('leaves Protobuf to the registry', () => {
    expect(checkCompatibility({ format: 'PROTOBUF', level: 'BACKWARD', schema: 'syntax = "proto3";', previous: [] })).toMatchObject({ ok: false, problems: [{ severity: 'warning' }] });
  });
});
