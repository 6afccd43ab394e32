/**
 * The task-management reference scenario: the `TaskEvent` value schema of the `task-events` topic as it
 * evolves. Shared by the compatibility and sample-message tests.
 */
export type AvroField = { name: string; type: unknown; default?: unknown; aliases?: string[]; doc?: string };

const STATUS = { type: 'enum', name: 'TaskStatus', symbols: ['TODO', 'IN_PROGRESS', 'DONE'] };

export const taskId: AvroField = { name: 'task_id', type: { type: 'string', logicalType: 'uuid' } };
export const title: AvroField = { name: 'title', type: 'string' };
export const status: AvroField = { name: 'status', type: STATUS };
export const occurredAt: AvroField = { name: 'occurred_at', type: { type: 'long', logicalType: 'timestamp-millis' } };
export const description: AvroField = { name: 'description', type: ['null', 'string'], default: null };
export const dueDate: AvroField = { name: 'due_date', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null };
export const priority: AvroField = { name: 'priority', type: 'int', default: 0 };

export function taskEvent(fields: AvroField[]): string {
  return JSON.stringify({ type: 'record', name: 'TaskEvent', namespace: 'com.example.tasks', fields }, null, 2);
}

/** Replaces the field of the same name. */
export function withField(fields: AvroField[], field: AvroField): AvroField[] {
  return fields.map((f) => (f.name === field.name ? field : f));
}

/** v1: what the chat front end first published. */
export const V1 = [taskId, title, status, occurredAt];
/** v2: an optional description (a union with null, default null): compatible both ways. */
export const V2 = [taskId, title, status, occurredAt, description];
/** v3: an optional due date and a priority with a default. */
export const V3 = [taskId, title, status, occurredAt, description, dueDate, priority];

export const TASK_EVENT_HISTORY = [
  { version: 1, definition: taskEvent(V1) },
  { version: 2, definition: taskEvent(V2) },
  { version: 3, definition: taskEvent(V3) },
];
