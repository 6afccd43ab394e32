import avro from 'avsc';
import protobuf from 'protobufjs';
import { rawKafka } from './helpers';

/**
 * Test data written independently of the code under test: schemas registered through the registry's
 * REST API, records framed by hand (magic byte, schema id, Protobuf message indexes) with avsc and
 * protobufjs directly.
 */
export const REGISTRY = process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7';

export async function registerSchema(subject: string, schemaType: 'AVRO' | 'PROTOBUF' | 'JSON', schema: string): Promise<number> {
  const response = await fetch(`${REGISTRY}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema, schemaType }),
  });
  if (!response.ok) throw new Error(`registering ${subject}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

export async function deleteSubject(subject: string): Promise<void> {
  await fetch(`${REGISTRY}/subjects/${encodeURIComponent(subject)}`, { method: 'DELETE' }).catch(() => undefined);
  await fetch(`${REGISTRY}/subjects/${encodeURIComponent(subject)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
}

export function frame(schemaId: number, payload: Uint8Array, messageIndexes?: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, ...(messageIndexes ? [Buffer.from(messageIndexes)] : []), Buffer.from(payload)]);
}

export const AVRO_ORDER = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'kea.test',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
  ],
});

export function avroOrder(value: { id: string; amount: number; status: 'NEW' | 'PAID' }): Buffer {
  return avro.Type.forSchema(JSON.parse(AVRO_ORDER)).toBuffer(value);
}

/** Two top-level messages, so index [1] (the second) is tested; Confluent writes [1] as the bytes 02 02. */
export const PROTO_FILE = `syntax = "proto3";
package kea.test;
message Other { string unused = 1; }
message Shipment { string id = 1; int64 weight_grams = 2; repeated string tags = 3; }
`;

export function protoShipment(value: { id: string; weightGrams: number; tags: string[] }): Buffer {
  const root = protobuf.parse(PROTO_FILE).root;
  const type = root.lookupType('kea.test.Shipment');
  return Buffer.from(type.encode(type.fromObject(value)).finish());
}

export const JSON_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
  required: ['sku', 'qty'],
});

export async function sendRecords(topic: string, messages: { key?: string | Buffer | null; value: string | Buffer | null; partition?: number; headers?: Record<string, string>; timestamp?: string }[]) {
  const producer = rawKafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, messages: messages.map((m) => ({ partition: 0, ...m })) });
  } finally {
    await producer.disconnect();
  }
}

/** Consumer groups whose id starts with the ephemeral prefix: what a read must not leave behind. */
export async function ephemeralGroups(): Promise<string[]> {
  const admin = rawKafka.admin();
  await admin.connect();
  try {
    return (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith('kea-ephemeral-'));
  } finally {
    await admin.disconnect();
  }
}

/** Every consumer group on the cluster. */
export async function allGroups(): Promise<string[]> {
  const admin = rawKafka.admin();
  await admin.connect();
  try {
    return (await admin.listGroups()).groups.map((g) => g.groupId);
  } finally {
    await admin.disconnect();
  }
}

/** Waits (briefly) for the condition: group deletion and consumer shutdown are asynchronous on the broker. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}
