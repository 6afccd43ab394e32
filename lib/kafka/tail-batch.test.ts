import { describe, expect, it } from 'vitest';
import { plainPart, type RawRecord } from '@/lib/domain/messages/decode-part';
import { decodeStreamCursor, encodeStreamCursor } from '@/lib/domain/stream/stream-cursor';
import { batchEventStreamText } from '@/lib/domain/stream/stream-events';
import type { MessageCodec } from '@/lib/registry/message-codec';
import { SharedBatch, TailRecord } from './tail-batch';
import { messageJsonPieces } from './tail-encode';
import { TAIL_PREVIEW_LIMITS } from './tail-source';

const codec: MessageCodec = { prepare: async () => undefined, decode: (bytes, limits) => plainPart(bytes, limits) };
const TOPIC = 'orders';

function record(partition: number, offset: number, value: string): TailRecord {
  const raw: RawRecord = { topic: TOPIC, partition, offset: String(offset), timestamp: '1700000000000', key: Buffer.from(`k${offset}`), value: Buffer.from(value), headers: {} };
  return new TailRecord(partition, raw.offset, messageJsonPieces(raw, codec, TAIL_PREVIEW_LIMITS), raw, codec);
}

describe('SharedBatch', () => {
  const records = [record(0, 10, '{"a":1}'), record(2, 7, 'ünïcode text'), record(0, 11, '[1,\n2]')];
  const before = new Map([
    [0, 10n],
    [1, 5n],
    [2, 7n],
  ]);
  const batch = new SharedBatch(TOPIC, records, before);

  it('is the frame batchEventStreamText writes, with the position after the batch as its id', () => {
    const id = encodeStreamCursor(TOPIC, batch.position)!;
    expect(Buffer.from(batch.withPositionId()).toString('utf8')).toBe(
      batchEventStreamText(
        records.map((r) => r.json),
        id,
      ),
    );
    expect(decodeStreamCursor(id, TOPIC)).toEqual({ ok: true, cursor: new Map([[0, 12n], [1, 5n], [2, 8n]]) });
    const data = Buffer.from(batch.withPositionId()).toString('utf8').split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(data.slice(6)).messages.map((m: { value: unknown }) => m.value)).toEqual([
      { format: 'json', size: 7, truncated: false, value: { a: 1 } },
      { format: 'text', size: Buffer.byteLength('ünïcode text'), truncated: false, text: 'ünïcode text' },
      { format: 'json', size: 6, truncated: false, value: [1, 2] },
    ]);
  });

  it('gives a viewer elsewhere the same frame without the id line, and nothing else', () => {
    const whole = Buffer.from(batch.withPositionId()).toString('utf8');
    expect(`id: ${encodeStreamCursor(TOPIC, batch.position)}\n${Buffer.from(batch.body()).toString('utf8')}`).toBe(whole);
    expect(batch.body().buffer).toBe(batch.withPositionId().buffer);
  });

  it('counts records and bytes, and knows each partition’s first and next offsets', () => {
    expect(batch.count).toBe(3);
    expect(batch.bytes).toBe(records.reduce((n, r) => n + Buffer.byteLength(r.json), 0));
    expect([...batch.first]).toEqual([
      [0, 10n],
      [2, 7n],
    ]);
    expect([...batch.after]).toEqual([
      [0, 12n],
      [2, 8n],
    ]);
  });

  it('holds its records only while it is published', () => {
    const published = new SharedBatch(TOPIC, [record(0, 1, '{}')], new Map());
    expect(published.records).toHaveLength(1);
    published.release();
    expect(() => published.records).toThrow('no longer holds its records');
  });
});
