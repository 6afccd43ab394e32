import type { RawRecord } from '@/lib/domain/messages/decode-part';

/** How much one read asks of the broker per request. */
export interface RangeReadLimits {
  /** How long the broker may hold a fetch when it has nothing yet. */
  maxWaitTimeInMs?: number;
  maxBytesPerPartition?: number;
  maxBytes?: number;
}

export interface RangeReadOptions {
  /**
   * Records of one partition within its range, in offset order. Return 'partition-done' when this
   * partition has given enough, 'stop' to end the whole read. Calls never overlap.
   */
  onRecords: (partition: number, records: RawRecord[]) => Promise<'continue' | 'partition-done' | 'stop'> | 'continue' | 'partition-done' | 'stop';
  signal?: AbortSignal;
  /** The whole read, from connecting to the last record. */
  timeoutMs?: number;
  /** Stop when no partition has made progress for this long (a range whose end is a gap: compaction, transaction markers). */
  idleMs?: number;
  consumerOptions?: RangeReadLimits;
  /** All partitions of the topic, when the caller knows them (saves a metadata round trip on the group path). */
  partitions?: readonly number[];
}

export interface RangeReadResult {
  /** Per partition, the offset after the last record read (its range start when nothing was). */
  positions: Map<number, bigint>;
  /** Why it ended: every range read, a callback said stop, the caller aborted, or a time limit. */
  ended: 'complete' | 'stopped' | 'aborted' | 'timeout' | 'idle';
}
