import { defineTemplate, DEV_ENVIRONMENT, DURABLE, json, PROD_ENVIRONMENT } from './template-types';

const taskEventSchema = {
  type: 'record',
  name: 'TaskEvent',
  namespace: 'com.example.tasks',
  doc: 'Something that happened to a task. Keyed by taskId.',
  fields: [
    { name: 'eventId', type: 'string', doc: 'Unique per event; consumers deduplicate on it.' },
    { name: 'eventType', type: { type: 'enum', name: 'TaskEventType', symbols: ['CREATED', 'UPDATED', 'COMPLETED', 'DELETED', 'UNKNOWN'], default: 'UNKNOWN' } },
    { name: 'taskId', type: 'string' },
    { name: 'userId', type: 'string' },
    { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    {
      name: 'task',
      doc: 'The task after the change; null for DELETED.',
      default: null,
      type: [
        'null',
        {
          type: 'record',
          name: 'Task',
          fields: [
            { name: 'title', type: 'string' },
            { name: 'description', type: ['null', 'string'], default: null },
            { name: 'dueAt', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null },
            { name: 'priority', type: { type: 'enum', name: 'Priority', symbols: ['LOW', 'MEDIUM', 'HIGH'], default: 'MEDIUM' }, default: 'MEDIUM' },
            { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
            { name: 'recurrence', type: ['null', 'string'], default: null, doc: 'RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO.' },
          ],
        },
      ],
    },
  ],
};

const reminderSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Reminder',
  description: 'A reminder that is due. Keyed by taskId.',
  type: 'object',
  properties: {
    reminderId: { type: 'string' },
    taskId: { type: 'string' },
    userId: { type: 'string' },
    title: { type: 'string' },
    remindAt: { type: 'string', format: 'date-time' },
    channel: { type: 'string', enum: ['push', 'email', 'chat'] },
  },
  required: ['reminderId', 'taskId', 'userId', 'remindAt', 'channel'],
};

const taskUpdateSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'TaskUpdate',
  description: 'Latest state of a task for connected clients; a null value (tombstone) means deleted.',
  type: 'object',
  properties: {
    taskId: { type: 'string' },
    userId: { type: 'string' },
    title: { type: 'string' },
    completed: { type: 'boolean' },
    dueAt: { type: ['string', 'null'], format: 'date-time' },
    version: { type: 'integer', minimum: 0, description: 'Increases with every change; clients drop older versions.' },
  },
  required: ['taskId', 'userId', 'title', 'completed', 'version'],
};

const durable = { replicationFactor: DURABLE.replicationFactor, configs: { ...DURABLE.minInsync } };

export const taskManagementTemplate = defineTemplate({
  id: 'task-management',
  title: 'Task management with reminders',
  summary: 'A chat (FastAPI) front end publishes task events, reminders and live updates; a recurring-task engine, a notification service, an audit log and a WebSocket sync consume them, with retry topics and dead-letter topics.',
  expectedWarnings: [],
  document: {
    version: 1,
    name: 'Task management',
    description: 'Tasks created through a chat assistant; recurring tasks, reminders, an audit trail and live sync to browsers.',
    services: [
      { id: 'chat-api', name: 'Chat API (FastAPI)', role: 'producer', language: 'python', owner: 'assistant-team', description: 'Turns chat commands into task changes and publishes them.' },
      { id: 'recurring-task-engine', name: 'Recurring-task engine', role: 'both', language: 'python', owner: 'tasks-team', description: 'On completion of a recurring task, creates its next occurrence.' },
      { id: 'notification-service', name: 'Notification service', role: 'consumer', language: 'python', owner: 'tasks-team', description: 'Sends due reminders by push, e-mail or chat.' },
      { id: 'audit-log', name: 'Audit log', role: 'consumer', language: 'go', owner: 'platform-team', description: 'Appends every task event to the audit store, deduplicating on eventId.' },
      { id: 'websocket-sync', name: 'WebSocket sync', role: 'consumer', language: 'typescript', owner: 'web-team', description: 'Pushes task changes to connected browsers.' },
    ],
    topics: [
      {
        id: 'task-events',
        name: 'task-events',
        partitions: 6,
        ...durable,
        configs: { ...durable.configs, 'retention.ms': '604800000' },
        key: { meaning: 'taskId: all events of one task go to one partition, so every consumer sees a task’s history in order.' },
        valueSchemaId: 'task-event',
      },
      {
        id: 'reminders',
        name: 'reminders',
        partitions: 3,
        ...durable,
        configs: { ...durable.configs, 'retention.ms': '259200000' },
        key: { meaning: 'taskId: reminders of one task stay in order.' },
        valueSchemaId: 'reminder',
      },
      {
        id: 'task-updates',
        name: 'task-updates',
        partitions: 6,
        ...durable,
        configs: { ...durable.configs, 'cleanup.policy': 'compact', 'delete.retention.ms': '86400000' },
        key: { meaning: 'taskId: compaction keeps the latest state of each task, so a reconnecting client can catch up by reading the topic.' },
        valueSchemaId: 'task-update',
      },
      { id: 'reminders-retry-1', name: 'reminders.retry-1', kind: 'retry', sourceTopicId: 'reminders', retryDelayMs: 10_000, partitions: 3, ...durable, configs: { ...durable.configs, 'retention.ms': '86400000' } },
      { id: 'reminders-retry-2', name: 'reminders.retry-2', kind: 'retry', sourceTopicId: 'reminders', retryDelayMs: 60_000, partitions: 3, ...durable, configs: { ...durable.configs, 'retention.ms': '86400000' } },
      { id: 'reminders-dlq', name: 'reminders.dlq', kind: 'dlq', sourceTopicId: 'reminders', partitions: 1, ...durable, configs: { ...durable.configs, 'retention.ms': '1209600000' } },
      { id: 'task-events-dlq', name: 'task-events.dlq', kind: 'dlq', sourceTopicId: 'task-events', partitions: 1, ...durable, configs: { ...durable.configs, 'retention.ms': '1209600000' } },
    ],
    schemas: [
      { id: 'task-event', subject: 'task-events-value', format: 'AVRO', compatibility: 'BACKWARD', definition: json(taskEventSchema), description: 'Enums carry a default so new symbols do not break old readers.' },
      { id: 'reminder', subject: 'reminders-value', format: 'JSON', compatibility: 'BACKWARD', definition: json(reminderSchema) },
      { id: 'task-update', subject: 'task-updates-value', format: 'JSON', compatibility: 'BACKWARD', definition: json(taskUpdateSchema) },
    ],
    edges: [
      { id: 'chat-api-produces-task-events', kind: 'produces', serviceId: 'chat-api', topicId: 'task-events' },
      { id: 'chat-api-produces-reminders', kind: 'produces', serviceId: 'chat-api', topicId: 'reminders' },
      { id: 'chat-api-produces-task-updates', kind: 'produces', serviceId: 'chat-api', topicId: 'task-updates' },
      { id: 'recurring-task-engine-produces-task-events', kind: 'produces', serviceId: 'recurring-task-engine', topicId: 'task-events', description: 'The next occurrence of a completed recurring task.' },
      {
        id: 'recurring-task-engine-consumes-task-events',
        kind: 'consumes',
        serviceId: 'recurring-task-engine',
        topicId: 'task-events',
        consumerGroup: 'recurring-task-engine',
        parallelism: 3,
        retry: { maxAttempts: 3, backoffMs: 500, backoffMultiplier: 2, dlqTopicId: 'task-events-dlq' },
        description: 'Blocking retries: a task’s events must be handled in order, so the partition waits, briefly, then dead-letters.',
      },
      {
        id: 'notification-service-consumes-reminders',
        kind: 'consumes',
        serviceId: 'notification-service',
        topicId: 'reminders',
        consumerGroup: 'notification-service',
        parallelism: 3,
        retry: { maxAttempts: 3, backoffMs: 10_000, backoffMultiplier: 6, retryTopicIds: ['reminders-retry-1', 'reminders-retry-2'], dlqTopicId: 'reminders-dlq' },
        description: 'Non-blocking retries: a failing e-mail provider delays only the failed reminders, not the rest of the partition.',
      },
      { id: 'audit-log-consumes-task-events', kind: 'consumes', serviceId: 'audit-log', topicId: 'task-events', consumerGroup: 'audit-log', parallelism: 2 },
      { id: 'websocket-sync-consumes-task-updates', kind: 'consumes', serviceId: 'websocket-sync', topicId: 'task-updates', consumerGroup: 'websocket-sync', delivery: 'at-most-once', parallelism: 6, description: 'A missed update is repaired when the client reconnects and re-reads the compacted topic.' },
    ],
    notes: [
      { id: 'note-retries', text: 'A reminder that fails goes to reminders.retry-1 (10 s), then reminders.retry-2 (60 s), then reminders.dlq. Retried reminders can overtake newer ones of the same task; reminders are independent, so that is acceptable here and not for task-events.', attachedTo: 'reminders' },
      { id: 'note-audit', text: 'The audit log does not retry: if its store is down it stops and resumes from its committed offset, because skipping an event would leave a hole in the audit trail.', attachedTo: 'audit-log' },
    ],
    environments: [DEV_ENVIRONMENT, PROD_ENVIRONMENT],
  },
});
