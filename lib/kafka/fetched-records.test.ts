import { describe, expect, it } from 'vitest';
import { IS_CONTROL, Reader, createRecordsBatch, readRecordsBatch, type RecordsBatch } from '@platformatic/kafka';
import { committedRecordsOf } from './fetched-records';

/** A batch as the broker would send it, encoded and parsed by the library itself; only its offset and attributes set by hand. */
function batch(
  firstOffset: bigint,
  values: (string | null)[],
  options: { producerId?: bigint; transactional?: boolean; marker?: 'abort' | 'commit'; compression?: 'gzip' | 'none'; timestamp?: bigint; headers?: [string, string][] } = {},
): RecordsBatch {
  const messages = options.marker
    ? [{ topic: 't', partition: 0, key: Buffer.from([0, 0, 0, options.marker === 'abort' ? 0 : 1]), value: Buffer.from([0, 0, 0, 0, 0, 0]), timestamp: options.timestamp ?? 1_000n }]
    : values.map((v, i) => ({
        topic: 't',
        partition: 0,
        key: Buffer.from(`k${i}`),
        value: v === null ? (null as unknown as Buffer) : Buffer.from(v),
        timestamp: (options.timestamp ?? 1_000n) + BigInt(i),
        headers: new Map((options.headers ?? []).map(([k, hv]) => [Buffer.from(k), Buffer.from(hv)])),
      }));
  const writer = createRecordsBatch(messages, {
    compression: options.compression ?? 'none',
    producerId: options.producerId ?? -1n,
    ...(options.transactional || options.marker ? { transactionalId: 'tx' } : {}),
  });
  const parsed = readRecordsBatch(Reader.from(writer));
  parsed.firstOffset = firstOffset;
  if (options.marker) parsed.attributes |= IS_CONTROL;
  return parsed;
}

const offsets = (r: ReturnType<typeof committedRecordsOf>) => r.records.map((x) => x.offset);
const values = (r: ReturnType<typeof committedRecordsOf>) => r.records.map((x) => (x.value ? Buffer.from(x.value).toString() : null));

describe('committedRecordsOf', () => {
  it('gives records in [from, to) in kafkajs shape: string offset, ms timestamp string, Buffer key/value, headers by key', () => {
    const data = { abortedTransactions: [], records: [batch(10n, ['a', 'b', 'c', null], { headers: [['trace', 'x'], ['trace', 'y'], ['one', '1']] })] };
    const read = committedRecordsOf('orders', 3, data, 11n, 13n);
    expect(offsets(read)).toEqual(['11', '12']);
    expect(read.nextOffset).toBe(14n);
    const [first] = read.records;
    expect(first).toMatchObject({ topic: 'orders', partition: 3, offset: '11', timestamp: '1001' });
    expect(Buffer.from(first!.key!).toString()).toBe('k1');
    expect(Object.fromEntries(Object.entries(first!.headers!).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]))).toEqual({ trace: ['x', 'y'], one: '1' });
    expect(committedRecordsOf('orders', 3, data, 13n, 20n).records[0]!.value).toBeNull();
  });

  it('decodes a gzip batch the library decompressed', () => {
    const read = committedRecordsOf('t', 0, { abortedTransactions: [], records: [batch(0n, ['x'.repeat(500), 'y'], { compression: 'gzip' })] }, 0n, 5n);
    expect(values(read)).toEqual(['x'.repeat(500), 'y']);
  });

  it('skips control batches but counts them in nextOffset, so a range ending at a marker ends', () => {
    const data = { abortedTransactions: [], records: [batch(0n, ['a', 'b'], { producerId: 7n, transactional: true }), batch(2n, [], { producerId: 7n, marker: 'commit' })] };
    const read = committedRecordsOf('t', 0, data, 0n, 3n);
    expect(values(read)).toEqual(['a', 'b']);
    expect(read.nextOffset).toBe(3n);
  });

  it('hides every aborted transaction, also two of one producer in one response, and keeps its committed one between them', () => {
    const p = 7n;
    const records = [
      batch(0n, ['abort-1a', 'abort-1b'], { producerId: p, transactional: true }),
      batch(2n, [], { producerId: p, marker: 'abort' }),
      batch(3n, ['commit-2'], { producerId: p, transactional: true }),
      batch(4n, ['plain'], {}),
      batch(5n, [], { producerId: p, marker: 'commit' }),
      batch(6n, ['abort-3'], { producerId: p, transactional: true }),
      batch(7n, [], { producerId: p, marker: 'abort' }),
      batch(8n, ['after'], { producerId: 9n, transactional: true }),
    ];
    const read = committedRecordsOf('t', 0, { records, abortedTransactions: [{ producerId: p, firstOffset: 6n }, { producerId: p, firstOffset: 0n }] }, 0n, 100n);
    expect(values(read)).toEqual(['commit-2', 'plain', 'after']);
    expect(read.nextOffset).toBe(9n);
  });

  it('hides an aborted transaction whose marker lies beyond this response (the rest comes in the next fetch)', () => {
    const records = [batch(0n, ['open-aborted'], { producerId: 5n, transactional: true }), batch(1n, ['other'], { producerId: 6n, transactional: true })];
    const read = committedRecordsOf('t', 0, { records, abortedTransactions: [{ producerId: 5n, firstOffset: 0n }] }, 0n, 100n);
    expect(values(read)).toEqual(['other']);
  });

  it('says nothing about the position when the response had no batch', () => {
    expect(committedRecordsOf('t', 0, { abortedTransactions: [] }, 0n, 10n)).toEqual({ records: [], nextOffset: null });
  });
});
