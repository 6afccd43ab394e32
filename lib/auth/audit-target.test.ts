import { describe, expect, it } from 'vitest';
import { auditResource, auditTopics } from './audit-target';

describe('audit target of an action', () => {
  it('names the group, not the topic, for an offset reset', () => {
    const input = { cluster: 'local', groupId: 'notification-service', topics: [{ topic: 'task-events', partitions: [] }, { topic: 'reminders', partitions: [] }] };
    expect(auditResource(input)).toBe('notification-service');
    expect(auditTopics(input)).toEqual(['task-events', 'reminders']);
  });

  it('names the group for a preview scoped to one topic, and keeps the topic as detail', () => {
    const input = { cluster: 'local', groupId: 'audit-log', topic: 'task-events', strategy: { kind: 'earliest' } };
    expect(auditResource(input)).toBe('audit-log');
    expect(auditTopics(input)).toEqual(['task-events']);
  });

  it('names the design id for a rename, not the new name', () => {
    expect(auditResource({ id: 'd-1', name: 'Tasks v2', baseRevision: 3 })).toBe('d-1');
  });

  it('names the topic for topic actions and the name for creates', () => {
    expect(auditResource({ cluster: 'local', topic: 'task-events', partitions: 6 })).toBe('task-events');
    expect(auditTopics({ cluster: 'local', topic: 'task-events' })).toBeUndefined();
    expect(auditResource({ cluster: 'local', name: 'reminders', partitions: 3 })).toBe('reminders');
  });

  it('names nothing when the input is not an object or has no name', () => {
    expect(auditResource(undefined)).toBeUndefined();
    expect(auditResource('task-events')).toBeUndefined();
    expect(auditResource({ cluster: 'local', groupId: '' })).toBeUndefined();
  });
});
