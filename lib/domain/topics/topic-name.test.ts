import { describe, expect, it } from 'vitest';
import { collidingTopic, isInternalTopic, topicNameProblem } from './topic-name';

describe('topicNameProblem', () => {
  it.each([
    ['task-events', null],
    ['a.b_c-D9', null],
    ['x'.repeat(249), null],
  ])('accepts %s', (name, expected) => expect(topicNameProblem(name)).toBe(expected));

  it.each([
    ['', 'Enter a topic name.'],
    ['.', 'A topic cannot be named ".".'],
    ['..', 'A topic cannot be named "..".'],
    ['x'.repeat(250), 'Topic names are at most 249 characters; this one has 250.'],
    ['bad name!', 'Topic names may use only letters, digits, ".", "_" and "-"; remove space, "!".'],
    ['tâche', 'Topic names may use only letters, digits, ".", "_" and "-"; remove "â".'],
  ])('rejects %j', (name, expected) => expect(topicNameProblem(name)).toBe(expected));
});

describe('isInternalTopic', () => {
  it.each([
    ['__consumer_offsets', true],
    ['_connect-configs', true],
    ['_schemas', true],
    ['connect-offsets', true],
    ['task-events', false],
    ['schemas-v2', false],
  ])('%s → %s', (name, expected) => expect(isInternalTopic(name)).toBe(expected));
});

describe('collidingTopic', () => {
  it('finds names that differ only by . and _', () => {
    expect(collidingTopic('task.events', ['task_events', 'other'])).toBe('task_events');
    expect(collidingTopic('task.events', ['task.events', 'task-events'])).toBeUndefined();
  });
});
