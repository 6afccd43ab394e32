import { INT64_MAX, tryParseOffset } from '../lag/offsets';

/**
 * A stream's position: for each partition, the next offset to deliver. It travels as the SSE event
 * id, so when EventSource reconnects its Last-Event-ID tells the server exactly where to seek: no
 * message twice, none skipped (unless retention deleted it meanwhile, which the resume plan says).
 *
 * Wire form, URL- and header-safe (only [0-9a-z._~]):
 *   v1.<topic tag>.<entries>
 *   topic tag  FNV-1a hash of the topic name in base 36, so an id from another topic's stream is
 *              refused rather than applied to the wrong partitions
 *   entries    by partition, joined by "_"; each "<offset>" when the partition is the previous one
 *              plus 1 (the usual case, starting from 0), else "<partition>~<offset>"; numbers in base 36
 * e.g. topic "orders", partitions 0, 1, 2 at offsets 100, 200, 300: "v1.dz4kbw.2s_5k_8c".
 */
export type StreamCursor = ReadonlyMap<number, bigint>;

export const CURSOR_VERSION = 1;
/** Node rejects request headers over 16 KiB in total; a position must leave room for the rest. */
export const MAX_CURSOR_LENGTH = 8192;

const MAX_PARTITION = 2 ** 31 - 1;
const SHAPE = /^v(\d{1,4})\.([0-9a-z]{1,7})\.([0-9a-z~_]*)$/;
const ENTRY = /^(?:([0-9a-z]{1,6})~)?([0-9a-z]{1,13})$/;

/** Builds a cursor from plain DTOs (string offsets), e.g. the start positions of a new stream. */
export function cursorOf(positions: readonly { partition: number; offset: string }[]): Map<number, bigint> {
  const cursor = new Map<number, bigint>();
  for (const p of positions) {
    const offset = tryParseOffset(p.offset);
    if (offset === null || !Number.isInteger(p.partition) || p.partition < 0) {
      throw new RangeError(`Partition ${p.partition} at offset "${p.offset}" is not a stream position.`);
    }
    cursor.set(p.partition, offset);
  }
  return cursor;
}

/** The position after delivering `messages`: each partition moves to the offset after its last message, never back. */
export function advanceCursor(cursor: StreamCursor, messages: readonly { partition: number; offset: string }[]): Map<number, bigint> {
  const next = new Map(cursor);
  for (const m of messages) {
    const after = BigInt(m.offset) + 1n;
    const current = next.get(m.partition);
    if (current === undefined || after > current) next.set(m.partition, after);
  }
  return next;
}

/** The SSE id for a position, or null when it would not fit a request header (thousands of partitions): send the event without an id then. */
export function encodeStreamCursor(topic: string, cursor: StreamCursor): string | null {
  const entries: string[] = [];
  let previous = -1;
  for (const partition of [...cursor.keys()].sort((a, b) => a - b)) {
    const offset = cursor.get(partition)!.toString(36);
    entries.push(partition === previous + 1 ? offset : `${partition.toString(36)}~${offset}`);
    previous = partition;
  }
  const id = `v${CURSOR_VERSION}.${topicTag(topic)}.${entries.join('_')}`;
  return id.length <= MAX_CURSOR_LENGTH ? id : null;
}

export type DecodedCursor = { ok: true; cursor: Map<number, bigint> } | { ok: false; error: string };

/** Reads a Last-Event-ID. Anything this server did not write for this topic is refused with the reason. */
export function decodeStreamCursor(id: string, topic: string): DecodedCursor {
  const fail = (error: string): DecodedCursor => ({ ok: false, error: `${error} Reload to start a new stream of "${topic}".` });
  if (id.length > MAX_CURSOR_LENGTH) return fail(`Last-Event-ID is ${id.length} characters long; a stream position is at most ${MAX_CURSOR_LENGTH}.`);
  const shape = SHAPE.exec(id);
  if (!shape) return fail(`Last-Event-ID "${id.length > 40 ? `${id.slice(0, 40)}…` : id}" is not a stream position written by this server.`);
  const [, version, tag, body] = shape;
  if (Number(version) !== CURSOR_VERSION) return fail(`Last-Event-ID uses position format v${version}; this server reads v${CURSOR_VERSION}.`);
  if (tag !== topicTag(topic)) return fail('Last-Event-ID belongs to a stream of another topic.');

  const cursor = new Map<number, bigint>();
  let previous = -1;
  for (const entry of body ? body.split('_') : []) {
    const m = ENTRY.exec(entry);
    if (!m) return fail(`Last-Event-ID has a malformed entry "${entry}".`);
    const partition = m[1] === undefined ? previous + 1 : Number(base36(m[1]));
    const offset = base36(m[2]!);
    if (partition > MAX_PARTITION) return fail(`Last-Event-ID names partition ${partition}, beyond Kafka's range.`);
    if (partition <= previous) return fail(`Last-Event-ID lists partition ${partition} twice or out of order.`);
    if (offset > INT64_MAX) return fail(`Last-Event-ID has an offset for partition ${partition} beyond Kafka's range.`);
    cursor.set(partition, offset);
    previous = partition;
  }
  return { ok: true, cursor };
}

function base36(digits: string): bigint {
  let n = 0n;
  for (const d of digits) n = n * 36n + BigInt(parseInt(d, 36));
  return n;
}

/** FNV-1a (32-bit) of the UTF-8 name: a tag to catch mix-ups, not a security measure. */
function topicTag(topic: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(topic)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export interface ResumeStep {
  partition: number;
  seekTo: string;
  /**
   * resume: continue exactly where the client left off.
   * retention: the next message was deleted meanwhile; `missed` messages are gone for good.
   * beyond-end: the client is past the log end (topic recreated, or unclean leader election); starts at the end.
   * new-partition: not in the position (added since); starts per `newPartitions`.
   */
  reason: 'resume' | 'retention' | 'beyond-end' | 'new-partition';
  missed?: string;
}

export interface ResumePlan {
  steps: ResumeStep[];
  /** Partitions in the position that the topic no longer has. */
  gone: number[];
}

/**
 * Where to seek on reconnect. `partitions` are the topic's partitions now, with watermarks read
 * just before. New partitions start at the earliest offset by default: everything in them arrived
 * after the stream began, so starting at the end would skip it.
 */
export function planResume(
  cursor: StreamCursor,
  partitions: readonly { partition: number; low: string; high: string }[],
  options: { newPartitions?: 'earliest' | 'latest' } = {},
): ResumePlan {
  const steps: ResumeStep[] = [];
  for (const p of [...partitions].sort((a, b) => a.partition - b.partition)) {
    const low = tryParseOffset(p.low);
    const high = tryParseOffset(p.high);
    if (low === null || high === null || low > high) throw new RangeError(`Partition ${p.partition} has unreadable watermarks (low ${p.low}, high ${p.high}).`);
    const next = cursor.get(p.partition);
    if (next === undefined) {
      steps.push({ partition: p.partition, seekTo: (options.newPartitions === 'latest' ? high : low).toString(), reason: 'new-partition' });
    } else if (next < low) {
      steps.push({ partition: p.partition, seekTo: low.toString(), reason: 'retention', missed: (low - next).toString() });
    } else if (next > high) {
      steps.push({ partition: p.partition, seekTo: high.toString(), reason: 'beyond-end' });
    } else {
      steps.push({ partition: p.partition, seekTo: next.toString(), reason: 'resume' });
    }
  }
  const current = new Set(partitions.map((p) => p.partition));
  const gone = [...cursor.keys()].filter((p) => !current.has(p)).sort((a, b) => a - b);
  return { steps, gone };
}

/** The position after receiving a batch that ends at `after` (per partition, the offset after its last record): each partition moves forward, never back. */
export function mergePositions(cursor: StreamCursor, after: StreamCursor): Map<number, bigint> {
  const next = new Map(cursor);
  for (const [partition, offset] of after) {
    const current = next.get(partition);
    if (current === undefined || offset > current) next.set(partition, offset);
  }
  return next;
}

/** Whether two positions name the same offsets for the same partitions. */
export function samePosition(a: StreamCursor, b: StreamCursor): boolean {
  if (a.size !== b.size) return false;
  for (const [partition, offset] of a) if (b.get(partition) !== offset) return false;
  return true;
}
