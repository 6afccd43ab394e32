import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DesignDocument } from '../model';
import { DESIGN_TEMPLATES, designTemplate } from '../templates';
import { asyncApiDocument, AsyncApiExportError, exportAsyncApi, type AsyncApiExportOptions } from './asyncapi-export';
import { importAsyncApi } from './asyncapi-import';
import { asyncApiFindings } from './testing/asyncapi-check';
import { featureDesign } from './testing/feature-design';

const registry: AsyncApiExportOptions = { bootstrapServers: 'kafka.example.com:9092', schemaRegistry: { url: 'https://registry.example.com', vendor: 'confluent' } };
const cases = [...DESIGN_TEMPLATES.map((t) => [t.id, t.document] as const), ['feature design', featureDesign] as const];

/**
 * What an AsyncAPI round trip keeps: everything but the canvas and what AsyncAPI has no place
 * for (notes, connectors, environments; an environment's overrides are applied before export).
 */
function withoutWhatAsyncApiDrops(design: DesignDocument): DesignDocument {
  return { ...design, notes: [], connectors: [], environments: [], layout: { positions: {} } };
}

function imported(text: string) {
  const result = importAsyncApi(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('exportAsyncApi', () => {
  it.each(cases)('%s: the official parser finds no errors and no warnings', { timeout: 30_000 }, async (_, design) => {
    expect(await asyncApiFindings(exportAsyncApi(design, registry))).toEqual([]);
  });

  it('is also clean without a registry, and the check has teeth', { timeout: 30_000 }, async () => {
    expect(await asyncApiFindings(exportAsyncApi(featureDesign))).toEqual([]);
    const broken = asyncApiDocument(featureDesign, registry) as { channels: { payments: { bindings: { kafka: { partitions: number } } } }; components: { schemas: { money: { schema: { fields: unknown } } } } };
    broken.channels.payments.bindings.kafka.partitions = 0;
    broken.components.schemas.money.schema.fields = 'none';
    const findings = await asyncApiFindings(JSON.stringify(broken));
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.path)).toEqual(expect.arrayContaining(['channels.payments.bindings.kafka.partitions', 'components.schemas.money.schema.fields']));
  });

  it('task-management matches the golden file (update with `npx vitest run --project unit -u`)', async () => {
    await expect(exportAsyncApi(designTemplate('task-management')!.document, registry)).toMatchFileSnapshot('golden/task-management.asyncapi.yaml');
  });

  it('maps topics to channels with the Kafka channel binding, typing the configs the binding types', () => {
    const doc = asyncApiDocument(featureDesign, registry) as { channels: Record<string, { address: string; bindings: { kafka: Record<string, unknown> } }> };
    expect(doc.channels.payments?.address).toBe('Payments.Events_v1');
    expect(doc.channels.payments?.bindings.kafka).toEqual({
      topic: 'Payments.Events_v1',
      partitions: 12,
      replicas: 3,
      topicConfiguration: { 'cleanup.policy': ['compact', 'delete'], 'message.timestamp.type': 'LogAppendTime', 'min.insync.replicas': '2', 'retention.ms': 604800000 },
      bindingVersion: '0.5.0',
    });
    // "forever" is no retention.ms the binding can type; it still travels, beside it.
    expect(doc.channels.audit?.bindings.kafka).toMatchObject({ topicConfiguration: { 'retention.bytes': -1 }, 'x-raw-configs': { 'retention.ms': 'forever' } });
  });

  it('puts schemas in components with their format, and frames messages for the registry', () => {
    const doc = asyncApiDocument(featureDesign, registry) as { components: { schemas: Record<string, Record<string, unknown>> }; channels: Record<string, { messages?: Record<string, Record<string, unknown>> }> };
    expect(doc.components.schemas.payment).toMatchObject({ schemaFormat: 'application/vnd.apache.avro;version=1.9.0', 'x-subject': 'Payments.Events_v1-value', 'x-compatibility': 'BACKWARD_TRANSITIVE' });
    expect(doc.components.schemas['ledger-entry']).toMatchObject({ schemaFormat: 'application/vnd.google.protobuf;version=3', schema: featureDesign.schemas[3]!.definition });
    const reminder = asyncApiDocument(designTemplate('task-management')!.document, registry) as typeof doc;
    expect(reminder.components.schemas.reminder?.schemaFormat).toBe('application/schema+json;version=draft-07');
    expect(doc.channels.payments?.messages?.payment).toEqual({
      name: 'Payments.Events_v1-value',
      contentType: 'application/vnd.apache.avro+binary',
      payload: { $ref: '#/components/schemas/payment' },
      bindings: {
        kafka: {
          key: { $ref: '#/components/schemas/payment-key' },
          'x-key-meaning': 'paymentId, as the Avro key schema says.',
          schemaIdLocation: 'payload',
          schemaIdPayloadEncoding: 'confluent',
          schemaLookupStrategy: 'TopicNameStrategy',
          bindingVersion: '0.5.0',
        },
      },
    });
    // A retry topic carries its source's records, under the source's subject: no lookup strategy fits.
    expect(doc.channels['payments-retry']?.messages?.payment?.bindings).toEqual({ kafka: expect.not.objectContaining({ schemaLookupStrategy: expect.anything() }) });
    expect(doc.channels.raw?.messages).toBeUndefined();
  });

  it('leaves schema-id framing out without a registry, as the binding requires', () => {
    const doc = asyncApiDocument(featureDesign) as { channels: Record<string, { messages?: Record<string, { bindings: { kafka: Record<string, unknown> } }> }>; servers: Record<string, unknown> };
    expect(Object.keys(doc.channels.payments?.messages?.payment?.bindings.kafka ?? {})).toEqual(['key', 'x-key-meaning', 'bindingVersion']);
    expect(doc.servers).toEqual({ kafka: { host: 'localhost:9092', protocol: 'kafka' } });
  });

  it('turns services into send/receive operations with clientId and groupId, including the retry path', () => {
    const doc = asyncApiDocument(featureDesign) as { operations: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.operations)).toEqual([
      'billing-produces-payments',
      'ledger-consumes-payments',
      'ledger-consumes-payments:send:payments-retry',
      'ledger-consumes-payments:receive:payments-retry',
      'ledger-consumes-payments:send:payments-dlq',
      'ledger-produces-entries',
      'billing-consumes-entries',
      'billing-produces-audit',
      'billing-produces-raw',
    ]);
    expect(doc.operations['ledger-consumes-payments']).toMatchObject({
      action: 'receive',
      channel: { $ref: '#/channels/payments' },
      messages: [{ $ref: '#/channels/payments/messages/payment' }],
      bindings: { kafka: { groupId: { type: 'string', enum: ['ledger.v2'] }, clientId: { type: 'string', enum: ['ledger.v2'] }, bindingVersion: '0.5.0' } },
      'x-retry': { maxAttempts: 3, backoffMs: 30000, backoffMultiplier: 1, retryChannels: ['payments-retry'], deadLetterChannel: 'payments-dlq' },
    });
    expect(doc.operations['ledger-consumes-payments:receive:payments-retry']).toMatchObject({ action: 'receive', 'x-derived-from': 'ledger-consumes-payments', bindings: { kafka: { groupId: { enum: ['ledger.v2'] } } } });
    expect(doc.operations['billing-produces-payments']).toMatchObject({ action: 'send', bindings: { kafka: { clientId: { enum: ['billing'] } } }, 'x-delivery': 'exactly-once', 'x-transactional': true });
  });

  it('applies the environment’s overrides and names the server after it', () => {
    const doc = asyncApiDocument(designTemplate('task-management')!.document, { environment: 'dev' }) as { servers: Record<string, unknown>; channels: Record<string, { bindings: { kafka: { replicas: number; topicConfiguration: Record<string, unknown> } } }> };
    expect(Object.keys(doc.servers)).toEqual(['dev']);
    expect(doc.channels['task-events']?.bindings.kafka).toMatchObject({ replicas: 1, topicConfiguration: { 'min.insync.replicas': '1' } });
  });

  it('names the schema that is not JSON instead of emitting a broken document', () => {
    const broken = { ...featureDesign, schemas: featureDesign.schemas.map((s) => (s.id === 'money' ? { ...s, definition: '{ nope' } : s)) };
    expect(() => exportAsyncApi(broken)).toThrow(new AsyncApiExportError('Schema "com.example.Money" is not valid JSON, so it cannot be embedded in AsyncAPI; fix its Avro definition first.', 'money'));
  });
});

describe('AsyncAPI round trip', () => {
  it.each(cases)('%s: design → AsyncAPI → design keeps everything but the canvas, notes, connectors and environments', (_, design) => {
    const { design: back, warnings } = imported(exportAsyncApi(design, registry));
    expect(warnings).toEqual([]);
    expect(back).toEqual(withoutWhatAsyncApiDrops(design));
  });

  it.each(cases)('%s: AsyncAPI → design → AsyncAPI yields the same document', (_, design) => {
    const first = exportAsyncApi(design, registry);
    expect(parse(exportAsyncApi(imported(first).design, registry))).toEqual(parse(first));
  });

  it('keeps an environment’s values (as the base of the imported design)', () => {
    const template = designTemplate('task-management')!.document;
    const { design: back } = imported(exportAsyncApi(template, { environment: 'dev' }));
    expect(back.topics.map((t) => t.replicationFactor)).toEqual(template.topics.map(() => 1));
  });
});

describe('importAsyncApi of documents from elsewhere', () => {
  const foreign = `
asyncapi: 3.0.0
info:
  title: User Signup Service
  version: 1.2.0
channels:
  userSignedUp:
    address: user.signedup
    bindings:
      kafka:
        partitions: 3
        topicConfiguration:
          cleanup.policy: [delete]
          retention.ms: 86400000
    messages:
      UserSignedUp:
        name: UserSignedUp
        payload:
          type: object
          properties:
            userId: { type: string }
        bindings:
          kafka:
            key: { type: string, description: userId }
  users/{userId}:
    address: users/{userId}
  avroChannel:
    address: avro-events
    bindings: { kafka: { partitions: 6, replicas: 3 } }
    messages:
      Avro:
        $ref: '#/components/messages/AvroMessage'
operations:
  publishSignup:
    action: send
    channel: { $ref: '#/channels/userSignedUp' }
  consumeAvro:
    action: receive
    channel: { $ref: '#/channels/avroChannel' }
    bindings:
      kafka:
        groupId: { type: string, enum: [analytics] }
        clientId: { type: string, enum: [analytics-app] }
components:
  messages:
    AvroMessage:
      payload:
        schemaFormat: application/vnd.apache.avro;version=1.9.0
        schema:
          type: record
          name: AvroEvent
          fields: [{ name: id, type: string }]
`;

  it('maps channels, bindings, payloads and operations, and says what it assumed', () => {
    const result = importAsyncApi(foreign);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { design, warnings } = result;
    expect(design.name).toBe('User Signup Service');
    expect(design.topics.map(({ id, name, partitions, replicationFactor, configs, key, valueSchemaId }) => ({ id, name, partitions, replicationFactor, configs, key, valueSchemaId }))).toEqual([
      { id: 'userSignedUp', name: 'user.signedup', partitions: 3, replicationFactor: 3, configs: { 'cleanup.policy': 'delete', 'retention.ms': '86400000' }, key: { meaning: 'userId' }, valueSchemaId: 'UserSignedUp' },
      { id: 'avroChannel', name: 'avro-events', partitions: 6, replicationFactor: 3, configs: {}, key: undefined, valueSchemaId: 'Avro' },
    ]);
    expect(design.schemas.map(({ id, subject, format }) => ({ id, subject, format }))).toEqual([
      { id: 'UserSignedUp', subject: 'UserSignedUp', format: 'JSON' },
      { id: 'Avro', subject: 'avro-events-value', format: 'AVRO' },
    ]);
    expect(JSON.parse(design.schemas[1]!.definition)).toEqual({ type: 'record', name: 'AvroEvent', fields: [{ name: 'id', type: 'string' }] });
    expect(design.services).toEqual([
      { id: 'user-signup-service', name: 'user-signup-service', role: 'producer' },
      { id: 'analytics-app', name: 'analytics-app', role: 'consumer' },
    ]);
    expect(design.edges).toMatchObject([
      { id: 'publishSignup', kind: 'produces', serviceId: 'user-signup-service', topicId: 'userSignedUp' },
      { id: 'consumeAvro', kind: 'consumes', serviceId: 'analytics-app', topicId: 'avroChannel', consumerGroup: 'analytics' },
    ]);
    expect(warnings).toEqual([
      'Channel "userSignedUp" does not say how many replicas topic "user.signedup" has; assumed 3.',
      'The payload of message "UserSignedUp" in channel "userSignedUp" is an AsyncAPI schema; imported as JSON Schema (draft-07), which it is a superset of.',
      'Channel "users/{userId}" has the address "users/{userId}", which is not a Kafka topic name (Topic names may use only letters, digits, ".", "_" and "-"; remove "/", "{", "}".); left out.',
      'Operation "publishSignup" names no clientId; attributed to "user-signup-service", the application the document describes.',
    ]);
  });

  it.each([
    ['not YAML', 'a: [', /^The file is neither YAML nor JSON/],
    ['not AsyncAPI', 'openapi: 3.1.0', /^This is not an AsyncAPI document/],
    ['AsyncAPI 2', 'asyncapi: 2.6.0\ninfo: { title: x, version: "1" }', /^This is AsyncAPI 2\.6\.0; only 3\.x documents can be imported/],
  ])('refuses %s with a reason', (_, text, message) => {
    const result = importAsyncApi(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
