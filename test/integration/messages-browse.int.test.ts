import './setup-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProtobufMessageIndexes } from '@/lib/domain/messages/wire-format';
import { kafkajsMessageService } from '@/lib/kafka/messages-service';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { disconnectProducers } from '@/lib/kafka/messages-producer';
import { ConsoleError } from '@/lib/domain/console-error';
import type { BrowseRequest } from '@/lib/domain/messages/browse-plan';
import { rawKafka, uniqueTopic } from './helpers';
import {
  AVRO_ORDER,
  JSON_SCHEMA,
  PROTO_FILE,
  avroOrder,
  deleteSubject,
  ephemeralGroups,
  eventually,
  frame,
  protoShipment,
  registerSchema,
  sendRecords,
} from './messages-fixtures';

const messages = kafkajsMessageService('local');
const topics: string[] = [];
const subjects: string[] = [];

async function createTopic(label: string, partitions = 1) {
  const topic = uniqueTopic(label);
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  await admin.disconnect();
  topics.push(topic);
  return topic;
}

const browse = (topic: string, start: BrowseRequest['start'], extra: Partial<BrowseRequest> = {}) => messages.browse({ topic, start, limit: 50, ...extra });

afterAll(async () => {
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  await Promise.all(subjects.map(deleteSubject));
  await disconnectProducers();
  await disconnectAll();
});

describe('decoding each format (schemas registered through the registry REST API)', () => {
  let topic: string;
  let ids: { avro: number; proto: number; json: number };

  beforeAll(async () => {
    topic = await createTopic('decode');
    const suffix = topic.slice(-12);
    subjects.push(`${topic}-avro`, `${topic}-proto`, `${topic}-json`);
    ids = {
      avro: await registerSchema(`${topic}-avro`, 'AVRO', AVRO_ORDER),
      proto: await registerSchema(`${topic}-proto`, 'PROTOBUF', PROTO_FILE),
      json: await registerSchema(`${topic}-json`, 'JSON', JSON_SCHEMA),
    };
    expect(suffix).toBeTruthy();
    await sendRecords(topic, [
      { key: 'avro', value: frame(ids.avro, avroOrder({ id: 'o-1', amount: 12.5, status: 'PAID' })) },
      { key: 'proto', value: frame(ids.proto, protoShipment({ id: 's-1', weightGrams: 1500, tags: ['fragile'] }), writeProtobufMessageIndexes([1])) },
      { key: 'json-schema', value: frame(ids.json, Buffer.from(JSON.stringify({ sku: 'A-1', qty: 3 }))) },
      { key: 'json', value: JSON.stringify({ hello: 'world', n: 1 }), headers: { trace: 'abc', bin: '\u0001' } },
      { key: 'text', value: 'plain text value' },
      { key: 'binary', value: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]) },
      { key: 'unknown-schema', value: frame(999_999, Buffer.from([1, 2, 3])) },
      { key: 'bad-avro', value: frame(ids.avro, Buffer.from([0x02])) },
      { key: null, value: null },
    ]);
  });

  it('decodes Avro, Protobuf (message index [1]), JSON Schema, JSON, text and binary; marks failures', async () => {
    const page = await browse(topic, { from: 'oldest' });
    const byKey = new Map(page.messages.map((m) => [m.key.text ?? null, m]));
    expect(page.messages).toHaveLength(9);

    const a = byKey.get('avro')!.value;
    expect(a).toMatchObject({ format: 'avro', schemaId: ids.avro, value: { id: 'o-1', amount: 12.5, status: 'PAID' } });
    const p = byKey.get('proto')!.value;
    expect(p).toMatchObject({ format: 'protobuf', schemaId: ids.proto, value: { id: 's-1', weightGrams: '1500', tags: ['fragile'] } });
    expect(byKey.get('json-schema')!.value).toMatchObject({ format: 'json-schema', schemaId: ids.json, value: { sku: 'A-1', qty: 3 } });
    const json = byKey.get('json')!;
    expect(json.value).toMatchObject({ format: 'json', value: { hello: 'world', n: 1 } });
    expect(json.headers).toEqual([
      { key: 'trace', value: 'abc' },
      { key: 'bin', value: 'AQ==', binary: true },
    ]);
    expect(byKey.get('text')!.value).toMatchObject({ format: 'text', text: 'plain text value' });
    expect(byKey.get('binary')!.value).toMatchObject({ format: 'binary', hex: 'ff fe 00 01 02' });

    const unknown = byKey.get('unknown-schema')!.value;
    expect(unknown.format).toBe('binary');
    expect(unknown.schemaId).toBe(999_999);
    expect(unknown.error).toMatch(/Schema 999999 could not be read/);
    const bad = byKey.get('bad-avro')!.value;
    expect(bad).toMatchObject({ format: 'avro', schemaId: ids.avro });
    expect(bad.error).toMatch(/Not valid avro/);

    const tombstone = page.messages.find((m) => m.key.format === 'null')!;
    expect(tombstone.value.format).toBe('null');
  });
});

describe('browsing positions and paging', () => {
  let topic: string;
  beforeAll(async () => {
    topic = await createTopic('paging', 3);
    const base = Date.UTC(2024, 0, 1);
    // 30 records per partition, timestamps interleaved across partitions one second apart.
    const records = [];
    for (let i = 0; i < 90; i++) records.push({ key: `k${i}`, value: JSON.stringify({ i, even: i % 2 === 0 }), partition: i % 3, timestamp: String(base + i * 1000) });
    await sendRecords(topic, records);
  });

  const indexes = (ms: { value: { value?: unknown } }[]) => ms.map((m) => (m.value.value as { i: number }).i);

  it('pages forward from the oldest across partitions in time order, with no gap or repeat, then back', async () => {
    const seen: number[] = [];
    let page = await browse(topic, { from: 'oldest' }, { limit: 20 });
    const pages = [page];
    seen.push(...indexes(page.messages));
    while (page.hasNewer) {
      page = await browse(topic, { from: 'cursor', cursor: page.next!, direction: 'forward' }, { limit: 20 });
      pages.push(page);
      seen.push(...indexes(page.messages));
    }
    expect(seen).toEqual(Array.from({ length: 90 }, (_, i) => i));
    const back = await browse(topic, { from: 'cursor', cursor: pages[2]!.first!, direction: 'backward' }, { limit: 20 });
    expect(indexes(back.messages)).toEqual(indexes(pages[1]!.messages));
  });

  it('reads the newest N, one partition, from an offset and from a timestamp', async () => {
    expect(indexes((await browse(topic, { from: 'newest' }, { limit: 5 })).messages)).toEqual([85, 86, 87, 88, 89]);
    const p1 = await browse(topic, { from: 'offset', offset: '10' }, { limit: 3, partition: 1 });
    expect(p1.messages.map((m) => [m.partition, m.offset])).toEqual([
      [1, '10'],
      [1, '11'],
      [1, '12'],
    ]);
    const at = await browse(topic, { from: 'timestamp', timestamp: Date.UTC(2024, 0, 1) + 60_000 }, { limit: 4 });
    expect(indexes(at.messages)).toEqual([60, 61, 62, 63]);
  });

  it('filters on the server and counts evaluation errors without failing the page', async () => {
    const page = await browse(topic, { from: 'oldest' }, { limit: 10, filter: 'value.i % 10 === 0 && partition === 0' });
    expect(indexes(page.messages)).toEqual([0, 30, 60]);
    expect(page.hasNewer).toBe(false);
    const failing = await browse(topic, { from: 'oldest' }, { limit: 10, filter: 'value.nothing.deeper === 1' });
    expect(failing.messages).toHaveLength(0);
    expect(failing.filterErrors).toBe(90);
    expect(failing.filterError).toMatch(/TypeError/);
  });

  it('refuses a filter that does not compile, naming the position', async () => {
    const error = await browse(topic, { from: 'oldest' }, { filter: 'value.i ===' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).field).toBe('filter');
    expect((error as ConsoleError).message).toMatch(/line 1/);
  });

  it('fetches one whole record by offset', async () => {
    const one = await messages.fetchOne(topic, 2, '5');
    expect(one?.value.value).toEqual({ i: 17, even: false });
  });

  it('leaves no consumer group behind after browsing', async () => {
    const left = await eventually(ephemeralGroups, (g) => g.length === 0);
    expect(left).toEqual([]);
  });
});
