import { describe, expect, it } from 'vitest';
import { design, topic } from '../fixtures';
import { lintDesign } from './lint-design';
import { topicNamePatternProblem, topicNamingRule } from './naming-rule';

const run = (names: string[], topicNamePattern?: string) =>
  lintDesign(design({ topics: names.map((name, i) => topic(`t${i}`, { name, valueSchemaId: undefined })) }), { rules: [topicNamingRule], topicNamePattern }).map((f) => `${f.elementId}: ${f.message}`);

describe('topic-naming', () => {
  it.each([
    [['task-events', 'reminders', 'reminders.retry-1', 'outbox.event.order']],
    [['orders_v2', 'payments_v1']],
  ])('accepts %j with the default pattern', (names) => expect(run(names)).toEqual([]));

  it('reports names outside the pattern', () => {
    expect(run(['TaskEvents', 'ok-name'])).toEqual(['t0: Topic "TaskEvents" does not match the naming pattern ^[a-z0-9]+(?:[._-][a-z0-9]+)*$.']);
  });

  it('uses the configured pattern', () => {
    expect(run(['orders', 'prod.orders.v1'], '^(dev|prod)\\.[a-z]+\\.v\\d+$')).toEqual(['t0: Topic "orders" does not match the naming pattern ^(dev|prod)\\.[a-z]+\\.v\\d+$.']);
  });

  it.each([
    ['^(?!dev-).+$', 'it uses a lookahead ((?!…), which a naming convention does not need and which only a backtracking engine can run (the server runs patterns in linear time).'],
    ['^.+(?<=-v1)$', 'it uses a lookbehind ((?<=…), which a naming convention does not need and which only a backtracking engine can run (the server runs patterns in linear time).'],
    ['^(a)\\1$', 'it uses a backreference (\\1), which a naming convention does not need and which only a backtracking engine can run (the server runs patterns in linear time).'],
    ['^[(?=]+$', null],
    ['^\\(?=$', null],
    ['^(a+)+$', null],
    ['^([a-z', 'Invalid regular expression: /^([a-z/: Unterminated character class.'],
  ])('judges the pattern %s', (pattern, problem) => {
    expect(topicNamePatternProblem(pattern)).toBe(problem);
  });

  it('reports a refused pattern as an error of the lint settings', () => {
    expect(run(['orders'], '^(?!x).+$')).toEqual([`null: The topic naming pattern "^(?!x).+$" cannot be used: ${topicNamePatternProblem('^(?!x).+$')}`]);
  });

  it('warns on a name with both "." and "_"', () => {
    expect(run(['task.events_v2'])).toEqual(['t0: Topic "task.events_v2" uses both "." and "_"; Kafka\'s metric names cannot tell them apart.']);
  });

  it('warns on the minority style when a design mixes them', () => {
    expect(run(['a.b', 'c.d', 'e_f'])).toEqual(['t2: Topic "e_f" uses "_" while "a.b" uses "."; mixing the two invites metric-name collisions.']);
    expect(run(['a_b', 'c_d', 'e.f'])).toEqual(['t2: Topic "e.f" uses "." while "a_b" uses "_"; mixing the two invites metric-name collisions.']);
  });

  it('turns an unusable pattern into one finding about the settings', () => {
    const [f] = lintDesign(design({ topics: [topic('orders')] }), { rules: [topicNamingRule], topicNamePattern: '([a-z' });
    expect(f).toMatchObject({ severity: 'error', elementId: null });
    expect(f?.message).toMatch(/^The topic naming pattern "\(\[a-z" cannot be used: Invalid regular expression/);
    expect(lintDesign(design(), { rules: [topicNamingRule], topicNamePattern: 'a'.repeat(501) })[0]?.message).toContain('longer than 500 characters');
  });
});
