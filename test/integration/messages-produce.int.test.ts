import './setup-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { readProtobufMessageIndexes } from '@/lib/domain/messages/wire-format';
import { kafkajsMessageService } from '@/lib/kafka/messages-service';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { disconnectProducers } from '@/lib/kafka/messages-producer';
import { rawKafka, uniqueTopic } from './helpers';
import { AVRO_ORDER, JSON_SCHEMA, PROTO_FILE, deleteSubject, registerSchema } from './messages-fixtures';

/**
 * Producing with a registry subject: the console validates the JSON value against the subject's
 * latest schema, frames it in the registry's wire format and sends it. Each record is read back
 * raw with kafkajs and decoded with the format's own library, independently of the console.
 */
const messages = kafkajsMessageService('local');
const topic = uniqueTopic('produce-schema');
const subjects = { avro: `${topic}-avro`, proto: `${topic}-proto`, json: `${topic}-json` };
let ids: Record<keyof typeof subjects, number>;

async function rawValue(offset: string): Promise<Buffer> {
  const groupId = `it-raw-${Date.now()}-${offset}`;
  const consumer = rawKafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const value = await new Promise<Buffer>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        if (message.offset === offset) resolve(message.value!);
      },
    });
  });
  await consumer.disconnect();
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
  return value;
}

async function endOffset(): Promise<string> {
  const admin = rawKafka.admin();
  await admin.connect();
  const [p] = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return p!.high;
}

beforeAll(async () => {
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  await admin.disconnect();
  ids = {
    avro: await registerSchema(subjects.avro, 'AVRO', AVRO_ORDER),
    proto: await registerSchema(subjects.proto, 'PROTOBUF', PROTO_FILE),
    json: await registerSchema(subjects.json, 'JSON', JSON_SCHEMA),
  };
}, 60_000);

afterAll(async () => {
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await Promise.all(Object.values(subjects).map(deleteSubject));
  await disconnectProducers();
  await disconnectAll();
});

const produce = (subject: string, value: unknown) => messages.produce({ cluster: 'local', topic, key: 'k', value: JSON.stringify(value), encoding: 'schema', subject, headers: [] });

describe('produce with a registry schema', () => {
  it('Avro: framed with the schema id, Avro binary that avsc reads back', async () => {
    const sent = await produce(subjects.avro, { id: 'o-1', amount: 12.5, status: 'PAID' });
    expect(sent.schemaId).toBe(ids.avro);
    const bytes = await rawValue(sent.offset);
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(ids.avro);
    expect(avro.Type.forSchema(JSON.parse(AVRO_ORDER) as avro.Schema).fromBuffer(bytes.subarray(5))).toEqual({ id: 'o-1', amount: 12.5, status: 'PAID' });
  });

  it('Protobuf: framed with the schema id and the message index, protobufjs reads it back', async () => {
    // The subject's file has two messages; the first (Other) is what a subject's value means by default.
    const sent = await produce(subjects.proto, { unused: 'hello' });
    const bytes = await rawValue(sent.offset);
    expect(bytes.readInt32BE(1)).toBe(ids.proto);
    const read = readProtobufMessageIndexes(bytes, 5);
    if ('error' in read) throw new Error(read.error);
    expect(read.indexes).toEqual([0]);
    const type = protobuf.parse(PROTO_FILE).root.lookupType('kea.test.Other');
    expect(type.toObject(type.decode(bytes.subarray(read.payloadOffset)))).toEqual({ unused: 'hello' });
  });

  it('JSON Schema: framed with the schema id, the JSON text itself', async () => {
    const sent = await produce(subjects.json, { sku: 'A-1', qty: 3 });
    const bytes = await rawValue(sent.offset);
    expect(bytes.readInt32BE(1)).toBe(ids.json);
    expect(JSON.parse(bytes.subarray(5).toString('utf8'))).toEqual({ sku: 'A-1', qty: 3 });
  });

  it('refuses values the schema rejects, naming the field, and sends nothing', async () => {
    const before = await endOffset();
    await expect(produce(subjects.avro, { id: 'o-2', amount: 'a lot', status: 'PAID' })).rejects.toMatchObject({ field: 'value', message: expect.stringContaining('amount') });
    await expect(produce(subjects.avro, { id: 'o-2', amount: 1, status: 'SHIPPED' })).rejects.toMatchObject({ field: 'value', message: expect.stringContaining('status') });
    await expect(produce(subjects.json, { sku: 'A-1' })).rejects.toMatchObject({ field: 'value', message: expect.stringContaining('qty') });
    await expect(produce(`${topic}-no-such-subject`, { a: 1 })).rejects.toMatchObject({ field: 'subject' });
    expect(await endOffset()).toBe(before);
  });
});

describe('the shared producer after another client deletes a topic it wrote to', () => {
  it('still sends to other topics (kafkajs keeps deleted topics in its metadata requests)', async () => {
    const admin = rawKafka.admin();
    await admin.connect();
    const doomed = uniqueTopic('produce-doomed');
    const other = uniqueTopic('produce-other');
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: doomed, numPartitions: 1, replicationFactor: 1 }, { topic: other, numPartitions: 1, replicationFactor: 1 }] });
    try {
      const text = (t: string) => messages.produce({ cluster: 'local', topic: t, key: 'k', value: 'hello', encoding: 'text', headers: [] });
      await text(doomed);
      await admin.deleteTopics({ topics: [doomed] });
      await expect(text(other)).resolves.toMatchObject({ partition: 0, offset: '0' });
      await expect(text(doomed)).rejects.toMatchObject({ category: 'not-found' });
    } finally {
      await admin.deleteTopics({ topics: [other] }).catch(() => undefined);
      await admin.disconnect();
    }
  }, 60_000);
});
