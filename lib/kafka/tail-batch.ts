import 'server-only';
import { toMessageView, type RawRecord } from '@/lib/domain/messages/decode-part';
import { filterInputOf, type FilterInput } from '@/lib/domain/messages/message-model';
import { encodeStreamCursor, mergePositions } from '@/lib/domain/stream/stream-cursor';
import { batchEventStreamEnvelope } from '@/lib/domain/stream/stream-events';
import type { MessageCodec } from '@/lib/registry/message-codec';
import { FILTER_LIMITS } from './messages-service';
import { piecesByteLength, piecesText, writePieces, type JsonPiece } from './tail-encode';

/**
 * What the live tail moves around: records already serialised for the browser, grouped in batches.
 *
 * A SharedBatch is what the shared consumer publishes: its SSE frame is encoded to bytes once, and
 * every viewer that sees the whole stream queues and writes that same buffer. An OwnBatch is one
 * viewer's part of a published batch (the records its filter matched, or those past its resume
 * position); it is framed for that viewer alone when sent.
 */
export class TailRecord {
  private input: FilterInput | undefined;
  private text: string | undefined;
  /** UTF-8 bytes of the JSON. */
  readonly byteLength: number;

  constructor(
    readonly partition: number,
    readonly offset: string,
    /** The MessageView as JSON, in pieces (tail-encode.ts). */
    readonly pieces: readonly JsonPiece[],
    private readonly raw: RawRecord,
    private readonly codec: MessageCodec,
  ) {
    this.byteLength = piecesByteLength(pieces);
  }

  /** The MessageView as one JSON string, for frames of one viewer's own. */
  get json(): string {
    this.text ??= piecesText(this.pieces);
    return this.text;
  }

  /** What filters see: whole values, decoded on first use only (most tails have no filter) and once for all viewers. */
  filterInput(): FilterInput {
    this.input ??= filterInputOf(toMessageView(this.raw, (b) => this.codec.decode(b, FILTER_LIMITS)));
    return this.input;
  }
}

interface BatchBase {
  /** Records in the batch. */
  readonly count: number;
  /** Size of the message JSON (UTF-8 bytes, or characters): what the batch holds in a viewer's queue. */
  readonly bytes: number;
  /** Per partition in the batch, the offset after its last record: where a viewer stands once it has the batch. */
  readonly after: ReadonlyMap<number, bigint>;
}

export class SharedBatch implements BatchBase {
  readonly count: number;
  readonly bytes: number;
  readonly after: ReadonlyMap<number, bigint>;
  /** Per partition in the batch, its first offset. */
  readonly first: ReadonlyMap<number, bigint>;
  /** The source's whole position after this batch (every partition): the id its frame carries. */
  readonly position: ReadonlyMap<number, bigint>;
  /** `id: <position>\n` then `event: batch …\n\n`, UTF-8. */
  private readonly frame: Uint8Array;
  private readonly idLength: number;
  private held: readonly TailRecord[] | null;

  /**
   * @param records in offset order per partition
   * @param before the source's whole position before this batch
   */
  constructor(topic: string, records: readonly TailRecord[], before: ReadonlyMap<number, bigint>) {
    this.count = records.length;
    this.held = records;
    const last = new Map<number, string>();
    const first = new Map<number, bigint>();
    let bytes = 0;
    for (const r of records) {
      if (!last.has(r.partition)) first.set(r.partition, BigInt(r.offset));
      last.set(r.partition, r.offset);
      bytes += r.byteLength;
    }
    this.bytes = bytes;
    this.first = first;
    this.after = new Map([...last].map(([p, o]) => [p, BigInt(o) + 1n]));
    this.position = mergePositions(before, this.after);
    const id = encodeStreamCursor(topic, this.position) ?? undefined;
    // batchEventStreamText's frame, written piece by piece into one buffer: the records' own bytes are copied once, never re-encoded.
    const { head, tail } = batchEventStreamEnvelope(id);
    const frame = Buffer.allocUnsafe(Buffer.byteLength(head) + bytes + Math.max(0, records.length - 1) + Buffer.byteLength(tail));
    let at = frame.write(head, 0);
    for (let i = 0; i < records.length; i++) {
      if (i > 0) frame[at++] = COMMA;
      at = writePieces(frame, at, records[i]!.pieces);
    }
    frame.write(tail, at);
    this.frame = frame;
    this.idLength = id === undefined ? 0 : Buffer.byteLength(`id: ${id}\n`);
  }

  /** The records, for viewers that select some of them; only while the batch is being published. */
  get records(): readonly TailRecord[] {
    if (!this.held) throw new Error('A published batch no longer holds its records.');
    return this.held;
  }

  /** Lets go of the records (and through them the fetched bytes): queued batches keep only their frame. */
  release(): void {
    this.held = null;
  }

  /** The whole frame, with the source's position as its id: for a viewer that stands exactly there after it. */
  withPositionId(): Uint8Array {
    return this.frame;
  }

  /** The frame without an id line (a zero-copy view): a viewer at another position writes its own id line first. */
  body(): Uint8Array {
    return this.frame.subarray(this.idLength);
  }
}

const COMMA = 0x2c;

export class OwnBatch implements BatchBase {
  readonly count: number;
  readonly bytes: number;

  constructor(
    readonly jsons: readonly string[],
    readonly after: ReadonlyMap<number, bigint>,
  ) {
    this.count = jsons.length;
    let bytes = 0;
    for (const j of jsons) bytes += j.length;
    this.bytes = bytes;
  }
}

export type TailBatch = SharedBatch | OwnBatch;
