import { IS_CONTROL, IS_TRANSACTIONAL, type RecordsBatch } from '@platformatic/kafka';
import type { RawHeaders, RawRecord } from '@/lib/domain/messages/decode-part';

/**
 * One partition's part of a Fetch response (as @platformatic/kafka parsed and decompressed it),
 * turned into the records a read_committed consumer delivers. Pure: no I/O, unit-tested with
 * batches built by the library's own encoder.
 */
export interface FetchedPartitionData {
  records?: RecordsBatch[];
  abortedTransactions: readonly { producerId: bigint; firstOffset: bigint }[];
}

export interface FetchedRecords {
  /** Records with offsets in [from, to), in offset order; control records and aborted transactions left out. */
  records: RawRecord[];
  /**
   * The offset after the last batch in the response, records a read skips included (transaction
   * markers, aborted records, a compacted batch's emptied tail); null when the response had no batch.
   */
  nextOffset: bigint | null;
}

/** Bit 3 of a v2 batch's attributes: the broker stamped every record with the append time (the batch's maxTimestamp). */
const LOG_APPEND_TIME = 1 << 3;
/** A control record's key is (version int16, type int16); type 0 is ABORT, 1 is COMMIT. */
const ABORT_MARKER = 0;

/**
 * The Java consumer's read_committed walk (CompletedFetch.nextFetchedRecord): aborted transactions
 * sorted by their first offset become "aborted producers" once a batch reaches that offset; a
 * producer's transactional batches are dropped while it is aborted, until its ABORT marker. Ours
 * rather than the filter inside the library's Consumer.fetch (which range-reader.ts does not go
 * through): that one remembers one aborted range per producer, so it shows the earlier of two
 * transactions one producer aborted within one response.
 */
export function committedRecordsOf(topic: string, partition: number, data: FetchedPartitionData, from: bigint, to: bigint): FetchedRecords {
  const batches = data.records ?? [];
  const aborted = [...data.abortedTransactions].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const abortedProducers = new Set<bigint>();
  const records: RawRecord[] = [];
  let nextOffset: bigint | null = null;

  for (const batch of batches) {
    const lastOffset = batch.firstOffset + BigInt(batch.lastOffsetDelta);
    nextOffset = lastOffset + 1n;
    while (aborted.length && aborted[0]!.firstOffset <= lastOffset) abortedProducers.add(aborted.shift()!.producerId);

    if (batch.attributes & IS_CONTROL) {
      if (batch.records[0]?.key?.readInt16BE(2) === ABORT_MARKER) abortedProducers.delete(batch.producerId);
      continue;
    }
    if (batch.attributes & IS_TRANSACTIONAL && abortedProducers.has(batch.producerId)) continue;
    if (lastOffset < from || batch.firstOffset >= to) continue;

    const logAppendTime = (batch.attributes & LOG_APPEND_TIME) !== 0;
    for (const record of batch.records) {
      const offset = batch.firstOffset + BigInt(record.offsetDelta);
      if (offset < from || offset >= to) continue;
      records.push({
        topic,
        partition,
        offset: offset.toString(),
        timestamp: (logAppendTime ? batch.maxTimestamp : batch.firstTimestamp + record.timestampDelta).toString(),
        key: record.key,
        value: record.value,
        headers: headersOf(record.headers),
      });
    }
  }
  return { records, nextOffset };
}

/**
 * kafkajs' header shape, which the decoder reads: UTF-8 keys, Buffer values, a repeated key as an
 * array in record order. A null value (Kafka allows it) becomes undefined. No prototype, so a
 * header named `__proto__` is just a header.
 */
function headersOf(pairs: readonly [Buffer | null, Buffer | null][]): RawHeaders {
  const out = Object.create(null) as Record<string, Buffer | undefined | (Buffer | undefined)[]>;
  for (const [rawKey, rawValue] of pairs) {
    const key = rawKey?.toString('utf8') ?? '';
    const value = rawValue ?? undefined;
    if (!Object.hasOwn(out, key)) out[key] = value;
    else {
      const existing = out[key];
      out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  }
  return out;
}
