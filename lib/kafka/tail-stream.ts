import 'server-only';
import { randomUUID } from 'node:crypto';
import { isConsoleError, type ConsoleErrorShape } from '@/lib/domain/console-error';
import type { RawRecord } from '@/lib/domain/messages/decode-part';
import { advanceCursor, decodeStreamCursor, encodeStreamCursor, mergePositions, planResume, samePosition } from '@/lib/domain/stream/stream-cursor';
import { batchEventStreamText, eventStreamComment, toEventStreamText, type PartitionProgress, type StreamEvent } from '@/lib/domain/stream/stream-events';
import { RateMeter } from '@/lib/domain/stream/rate-meter';
import type { MessageFilter } from '@/lib/sandbox/message-filter';
import { codecFor } from '@/lib/registry/message-codec';
import { logger } from '@/lib/log/logger';
import { readRanges } from './browse-consumer';
import { compileUserFilter } from './messages-filter';
import { topicWatermarks } from './messages-service';
import { OwnBatch, SharedBatch, TailRecord, type TailBatch } from './tail-batch';
import { messageJsonPieces } from './tail-encode';
import { BATCH_INTERVAL_MS, TAIL_PREVIEW_LIMITS, tailSourceFor, type TailSource } from './tail-source';

/**
 * One viewer's live tail as a `text/event-stream` body. Pull-based: the next frames are produced
 * only when the HTTP response has taken the previous ones, so a slow client holds at most one
 * drain's worth here and its backlog stays in its bounded hub queue, where the oldest batches are
 * dropped and their records counted. A viewer without a filter writes the source's shared frames
 * (the same bytes for every such viewer); one with a filter gets frames of its own matches.
 *
 * Position: every batch carries, as its SSE id, the next offset per partition after what this
 * viewer has received. A reconnect sends it back (Last-Event-ID); records between that position and
 * where the shared consumer is now are read once with the group-less range reader (the catch-up), the rest
 * comes from the hub, and the hub only accepts records at or after the viewer's position. So the
 * resumed stream has no gap and no duplicate (a catch-up longer than MAX_CATCH_UP keeps its newest
 * records and reports the rest as dropped, like a slow viewer).
 *
 * The stream ends when the client goes: ReadableStream.cancel, the request's abort signal, and a
 * failed enqueue all close the viewer (Next.js has had releases where one of them never fired); a
 * viewer that stops reading altogether is evicted by the hub's idle sweep.
 */
export { BATCH_INTERVAL_MS };
/** Records in one catch-up frame. */
export const MAX_BATCH_ITEMS = 1_000;
/** Records taken from the hub in one pull (whole batches; at least one). */
export const MAX_DRAIN_RECORDS = 4_000;
export const PROGRESS_INTERVAL_MS = 1_000;
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const MAX_CATCH_UP = 10_000;
export const RETRY_MS = 2_000;

const log = logger.child({ component: 'tail-stream' });
const encoder = new TextEncoder();

export interface TailStreamOptions {
  cluster: string;
  topic: string;
  filter?: string;
  /** Last-Event-ID, or ?cursor= (a paused view resuming). */
  resumeFrom?: string;
  signal?: AbortSignal;
  /** A heartbeat comment and event this often, whatever else goes out (proxies close quiet connections); HEARTBEAT_INTERVAL_MS by default. */
  heartbeatMs?: number;
}

export async function openTailStream(options: TailStreamOptions): Promise<ReadableStream<Uint8Array>> {
  let filter: MessageFilter | null;
  try {
    filter = await compileUserFilter(options.filter);
  } catch (e) {
    return errorStream(isConsoleError(e) ? e.toJSON() : { category: 'internal', message: String(e), retryable: false });
  }
  try {
    return await startViewer(options, filter);
  } catch (e) {
    filter?.dispose();
    return errorStream(isConsoleError(e) ? e.toJSON() : { category: 'internal', message: (e as Error).message, retryable: true });
  }
}

/** An error event and the end; EventSource would reconnect, so the client closes on a fatal error. */
function errorStream(error: ConsoleErrorShape): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(toEventStreamText({ event: { type: 'error', error }, retryMs: RETRY_MS })));
      controller.close();
    },
  });
}

async function startViewer(options: TailStreamOptions, filter: MessageFilter | null): Promise<ReadableStream<Uint8Array>> {
  const { cluster, topic } = options;
  const watermarks = await topicWatermarks(cluster, topic);
  const notices: ConsoleErrorShape[] = [];
  let dropped = 0;

  // Where this viewer stands: a resumed position (planned against today's watermarks), or the log end.
  let resumed: Map<number, bigint> | null = null;
  if (options.resumeFrom) {
    const decoded = decodeStreamCursor(options.resumeFrom, topic);
    if (!decoded.ok) notices.push({ category: 'invalid-input', message: `${decoded.error} Starting at the end instead.`, retryable: false });
    else {
      const plan = planResume(decoded.cursor, watermarks);
      resumed = new Map(plan.steps.map((s) => [s.partition, BigInt(s.seekTo)]));
      for (const s of plan.steps) if (s.reason === 'retention') dropped += Number(s.missed ?? 0);
    }
  }
  const logEnd = new Map(watermarks.map((w) => [w.partition, BigInt(w.high)]));
  const source = tailSourceFor(cluster, topic, () => resumed ?? logEnd);
  const viewerId = randomUUID();

  // Snapshot and subscribe in one tick: the hub delivers what is published after `shared`.
  const shared = new Map(source.positions);
  const cursor = new Map<number, bigint>(resumed ?? shared);
  const acceptFrom = new Map<number, bigint>();
  const catchUp: { partition: number; from: bigint; to: bigint }[] = [];
  for (const [partition, at] of shared) {
    const mine = cursor.get(partition) ?? at;
    if (mine < at) catchUp.push({ partition, from: mine, to: at });
    acceptFrom.set(partition, mine > at ? mine : at);
  }
  const catchUpTotal = catchUp.reduce((n, r) => n + Number(r.to - r.from), 0);
  if (catchUpTotal > MAX_CATCH_UP) {
    // Keep the newest records of each partition, in proportion; the rest is reported as dropped.
    for (const r of catchUp) {
      const keep = BigInt(Math.ceil((Number(r.to - r.from) * MAX_CATCH_UP) / catchUpTotal));
      if (r.to - r.from > keep) {
        dropped += Number(r.to - r.from - keep);
        r.from = r.to - keep;
        cursor.set(r.partition, r.from);
      }
    }
  }

  let scanned = 0;
  let matched = 0;
  let filterErrors = 0;
  let firstFilterError: string | undefined;
  const accepts = (record: TailRecord): boolean => {
    scanned++;
    if (!filter) {
      matched++;
      return true;
    }
    const outcome = filter.test(record.filterInput());
    if (!outcome.ok) {
      filterErrors++;
      firstFilterError ??= outcome.error.message;
      return false;
    }
    if (outcome.match) matched++;
    return outcome.match;
  };
  // Whether a published batch lies wholly at or past this viewer's own start; a partition once past it stays past.
  const wholly = (batch: SharedBatch): boolean => {
    for (const [partition, first] of batch.first) {
      const from = acceptFrom.get(partition);
      if (from === undefined) continue;
      if (first < from) return false;
      acceptFrom.delete(partition);
    }
    return true;
  };
  const select = (batch: SharedBatch): TailBatch | null => {
    if (!filter && wholly(batch)) {
      scanned += batch.count;
      matched += batch.count;
      return batch;
    }
    const jsons: string[] = [];
    for (const record of batch.records) {
      const from = acceptFrom.get(record.partition);
      if (from !== undefined && BigInt(record.offset) < from) continue;
      if (accepts(record)) jsons.push(record.json);
    }
    return jsons.length ? new OwnBatch(jsons, batch.after) : null;
  };

  let closed = false;
  let failure: ConsoleErrorShape | null = null;
  // The stream's side (see pump): its controller once started, whether it waits for frames, whether it is closed.
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let wanted = false;
  let ended = false;
  let catchUpTimer: NodeJS.Timeout | undefined;
  // Progress and heartbeats of a quiet stream; frames in between come from publish and pull.
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_INTERVAL_MS;
  const ticker = setInterval(() => pump(), Math.min(PROGRESS_INTERVAL_MS, heartbeatMs));
  ticker.unref?.();
  const catchUpAbort = new AbortController();
  const close = (why: string) => {
    if (closed) return;
    closed = true;
    catchUpAbort.abort();
    source.unsubscribe(viewerId);
    filter?.dispose();
    clearInterval(ticker);
    clearTimeout(catchUpTimer);
    pump();
    log.debug({ topic, viewer: viewerId, why }, 'viewer closed');
  };

  source.subscribe(viewerId, {
    select,
    wake: () => pump(),
    fail: (error) => {
      failure = isConsoleError(error) ? error.toJSON() : { category: 'unavailable', message: error.message, retryable: true };
      pump();
    },
  });
  options.signal?.addEventListener('abort', () => close('request aborted'), { once: true });

  // The catch-up: a read of [position, shared position), buffered a little at a time.
  const catchUpBuffer: string[] = [];
  // Offsets read by the catch-up (matching or not) move the position once their batch is sent.
  const pendingAdvance: { partition: number; offset: string }[] = [];
  let catchUpDone = catchUp.length === 0;
  let resumeCatchUp: (() => void) | null = null;
  if (!catchUpDone) {
    const codec = codecFor(cluster);
    void readRanges(cluster, topic, catchUp, {
      signal: catchUpAbort.signal,
      partitions: watermarks.map((w) => w.partition),
      timeoutMs: 120_000,
      onRecords: async (_p, records: RawRecord[]) => {
        await codec.prepare(records);
        for (const r of records) {
          const record = new TailRecord(r.partition, r.offset, messageJsonPieces(r, codec, TAIL_PREVIEW_LIMITS), r, codec);
          if (accepts(record)) catchUpBuffer.push(record.json);
          pendingAdvance.push({ partition: r.partition, offset: r.offset });
        }
        pump();
        while (catchUpBuffer.length > MAX_BATCH_ITEMS * 2 && !closed) await new Promise<void>((r) => (resumeCatchUp = r));
        return closed ? 'stop' : 'continue';
      },
    })
      .catch((e: unknown) => {
        failure = isConsoleError(e) ? e.toJSON() : { category: 'unavailable', message: (e as Error).message, retryable: true };
      })
      .finally(() => {
        catchUpDone = true;
        pump();
      });
  }

  const rate = new RateMeter();
  let lastBatchAt = 0;
  let lastProgressAt = 0;
  let lastHeartbeatAt = Date.now();
  let position: Map<number, bigint> = cursor;
  const idOf = () => encodeStreamCursor(topic, position) ?? undefined;
  const text = (frame: string) => encoder.encode(frame);

  const progress = (now: number): string => {
    // Nothing is waiting for this viewer: everything up to the shared position is delivered, dropped or filtered out.
    if (catchUpDone && catchUpBuffer.length === 0 && (source.hub.queuedFor(viewerId) ?? 0) === 0) {
      const next = new Map(position);
      for (const [p, at] of source.positions) if ((next.get(p) ?? -1n) < at) next.set(p, at);
      position = next;
    }
    const partitions: PartitionProgress[] = [...position]
      .sort((a, b) => a[0] - b[0])
      .map(([partition, at]) => {
        const stalled = source.stalled.get(partition);
        return { partition, position: at.toString(), end: (source.positions.get(partition) ?? at).toString(), ...(stalled ? { stalled } : {}) };
      });
    const event: StreamEvent = {
      type: 'progress',
      scanned,
      matched,
      dropped,
      partitions,
      rate: Math.round(rate.rate(now)),
      done: false,
      ...(filterErrors > 0 ? { filterErrors, filterError: firstFilterError } : {}),
    };
    return toEventStreamText({ event, id: idOf() });
  };

  /** The frames of drained batches, each with this viewer's position after it as its id. */
  const framesOf = (batches: readonly TailBatch[]): Uint8Array[] => {
    const chunks: Uint8Array[] = [];
    for (const batch of batches) {
      position = mergePositions(position, batch.after);
      if (batch instanceof SharedBatch) {
        // In step with the source (the usual case): its frame already carries this position.
        if (samePosition(position, batch.position)) chunks.push(batch.withPositionId());
        else {
          const id = idOf();
          if (id !== undefined) chunks.push(text(`id: ${id}\n`));
          chunks.push(batch.body());
        }
      } else chunks.push(text(batchEventStreamText(batch.jsons, idOf())));
    }
    return chunks;
  };

  /**
   * What this viewer can be sent now: frames (progress first when one is due), null when the
   * stream is to end, undefined when there is nothing yet. Synchronous: it runs inside the
   * source's publish, the catch-up's callback, the ticker and the stream's pull.
   */
  const produce = (now: number): Uint8Array[] | null | undefined => {
    if (closed) return null;
    if (failure) {
      const frame = toEventStreamText({ event: { type: 'error', error: failure } });
      close('source failed');
      return [text(frame)];
    }
    const out: Uint8Array[] = [];
    // Progress (position, skipped count, rate) goes out every second even while batches flow.
    if (now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
      lastProgressAt = now;
      out.push(text(progress(now)));
    }
    if (!catchUpDone || catchUpBuffer.length > 0) {
      // The catch-up comes first, in frames of MAX_BATCH_ITEMS, or what it has every BATCH_INTERVAL_MS.
      const waitMs = BATCH_INTERVAL_MS - (now - lastBatchAt);
      if (waitMs > 0 && catchUpBuffer.length < MAX_BATCH_ITEMS) {
        catchUpTimer ??= setTimeout(() => {
          catchUpTimer = undefined;
          pump();
        }, waitMs);
      } else if (catchUpBuffer.length > 0 || (!catchUpDone && pendingAdvance.length > 0)) {
        const jsons = catchUpBuffer.splice(0, MAX_BATCH_ITEMS);
        const advanced = pendingAdvance.splice(0, pendingAdvance.length);
        position = advanceCursor(position, advanced);
        resumeCatchUp?.();
        lastBatchAt = now;
        rate.record(jsons.length, now);
        if (jsons.length) out.push(text(batchEventStreamText(jsons, idOf())));
      }
    } else {
      // Live batches are already ~100 ms apart (the source batches them): send what waits at once.
      const drained = source.hub.drain(viewerId, MAX_DRAIN_RECORDS, now);
      if (!drained) {
        close('evicted');
        return null;
      }
      dropped += drained.dropped;
      if (drained.batches.length) {
        lastBatchAt = now;
        let records = 0;
        for (const b of drained.batches) records += b.count;
        rate.record(records, now);
        out.push(...framesOf(drained.batches));
      }
    }
    if (now - lastHeartbeatAt >= heartbeatMs) {
      lastHeartbeatAt = now;
      out.push(text(eventStreamComment(`heartbeat ${now}`) + toEventStreamText({ event: { type: 'heartbeat', at: now } })));
    }
    return out.length ? out : undefined;
  };

  /**
   * Push, within backpressure: frames are enqueued only while the stream has asked for more (a
   * pull found nothing and left `wanted` set). A viewer whose connection is slow stops asking;
   * its backlog waits in its bounded hub queue, and its next pull takes it. So a published batch
   * reaches every viewer that keeps up in one synchronous pass, with no timer or promise of ours
   * per viewer and batch.
   */
  const send = (chunks: Uint8Array[] | null): void => {
    if (!controller || ended) return;
    try {
      if (chunks) for (const chunk of chunks) controller.enqueue(chunk);
      if (chunks === null || closed) {
        ended = true;
        controller.close();
      }
    } catch (e) {
      // Enqueue throws once the response is gone: the client disconnected.
      ended = true;
      close(`write failed: ${(e as Error).message}`);
    }
  };
  function pump(): void {
    if (!wanted || ended) return;
    const chunks = produce(Date.now());
    if (chunks === undefined) return;
    wanted = false;
    send(chunks);
  }
  const opening = eventStreamComment(`tail of ${topic}`) + notices.map((error) => toEventStreamText({ event: { type: 'error', error } })).join('') + `retry: ${RETRY_MS}\n\n`;
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        lastProgressAt = Date.now();
        c.enqueue(text(opening + progress(lastProgressAt)));
      },
      pull() {
        const chunks = produce(Date.now());
        if (chunks === undefined) wanted = true;
        else send(chunks);
      },
      cancel() {
        ended = true;
        close('client disconnected');
      },
    },
    { highWaterMark: 1 },
  );
}

export type { TailSource };
