import 'server-only';
import { isConsoleError, type ConsoleErrorShape } from '@/lib/domain/console-error';
import { parseTimestamp } from '@/lib/domain/messages/browse-plan';
import { planSearch, type SearchParams } from '@/lib/domain/messages/search-plan';
import { batchEventStreamText, eventStreamComment, toEventStreamText, type PartitionProgress } from '@/lib/domain/stream/stream-events';
import { RateMeter } from '@/lib/domain/stream/rate-meter';
import { codecFor } from '@/lib/registry/message-codec';
import { readRanges } from './browse-consumer';
import { withAdmin } from './call';
import { compileUserFilter } from './messages-filter';
import { RecordMatcher, topicWatermarks } from './messages-service';
import { TAIL_PREVIEW_LIMITS } from './tail-source';

/**
 * Search over SSE: progress events (scanned, matched, per-partition position and end) every
 * PROGRESS_MS, batches of matches, and a final progress with done=true. Closing the connection
 * cancels the scan (its fetches stop; nothing was joined, nothing is left on the cluster). No ids: a search that
 * lost its connection is started again, not resumed.
 */
const PROGRESS_MS = 250;
const BATCH_MS = 100;
const MAX_BUFFERED_FRAMES = 8;
const encoder = new TextEncoder();

export function openSearchStream(cluster: string, topic: string, params: SearchParams, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const frames: string[] = [];
  let waiting: (() => void) | null = null;
  let drained: (() => void) | null = null;
  let finished = false;
  const abort = new AbortController();
  signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const push = (frame: string) => {
    frames.push(frame);
    waiting?.();
    waiting = null;
  };

  const run = async () => {
    const filter = await compileUserFilter(params.filter);
    try {
      const watermarks = await topicWatermarks(cluster, topic);
      let byTime: Map<number, string> | undefined;
      if (params.from === 'timestamp') {
        const at = parseTimestamp(params.ts!)!;
        byTime = new Map((await withAdmin(cluster, (admin) => admin.fetchTopicOffsetsByTimestamp(topic, at), { topic })).map((o) => [o.partition, o.offset]));
      }
      const ranges = planSearch(params, watermarks, byTime);
      if ('error' in ranges) throw Object.assign(new Error(ranges.error), { shape: { category: 'invalid-input', message: ranges.error, retryable: false, field: 'partition' } });
      const matcher = new RecordMatcher(codecFor(cluster), filter, TAIL_PREVIEW_LIMITS);
      const positions = new Map(ranges.map((r) => [r.partition, r.from]));
      const ends = new Map(ranges.map((r) => [r.partition, r.to]));
      const rate = new RateMeter({ windowMs: 3_000, buckets: 6 });
      let scanned = 0;
      let matched = 0;
      let pending: string[] = [];
      let lastBatch = 0;
      let lastProgress = 0;
      const progress = (done: boolean) => {
        const partitions: PartitionProgress[] = [...positions].map(([partition, at]) => ({ partition, position: at.toString(), end: ends.get(partition)!.toString() }));
        push(
          toEventStreamText({
            event: {
              type: 'progress',
              scanned,
              matched,
              dropped: 0,
              partitions,
              rate: Math.round(rate.rate(Date.now())),
              done,
              ...(matcher.evaluationErrors ? { filterErrors: matcher.evaluationErrors, filterError: matcher.firstError } : {}),
            },
          }),
        );
      };
      const flush = (force: boolean) => {
        const now = Date.now();
        if (pending.length && (force || now - lastBatch >= BATCH_MS)) {
          push(batchEventStreamText(pending));
          pending = [];
          lastBatch = now;
        }
        if (force || now - lastProgress >= PROGRESS_MS) {
          progress(false);
          lastProgress = now;
        }
      };
      progress(false);
      const result = await readRanges(cluster, topic, ranges, {
        signal: abort.signal,
        partitions: watermarks.map((w) => w.partition),
        timeoutMs: 30 * 60_000,
        idleMs: 5_000,
        onRecords: async (partition, records) => {
          scanned += records.length;
          rate.record(records.length, Date.now());
          positions.set(partition, BigInt(records.at(-1)!.offset) + 1n);
          for (const m of await matcher.matches(records)) {
            if (matched >= params.max) break;
            matched++;
            pending.push(JSON.stringify(m));
          }
          flush(false);
          while (frames.length > MAX_BUFFERED_FRAMES && !abort.signal.aborted) await new Promise<void>((r) => (drained = r));
          return matched >= params.max ? 'stop' : 'continue';
        },
      });
      for (const [p, at] of result.positions) if (at > (positions.get(p) ?? 0n)) positions.set(p, at);
      flush(true);
      progress(true);
    } finally {
      filter?.dispose();
    }
  };

  void run()
    .catch((e: unknown) => {
      const shape: ConsoleErrorShape = isConsoleError(e)
        ? e.toJSON()
        : ((e as { shape?: ConsoleErrorShape }).shape ?? { category: 'internal', message: (e as Error).message, retryable: false });
      push(toEventStreamText({ event: { type: 'error', error: shape } }));
    })
    .finally(() => {
      finished = true;
      waiting?.();
    });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(eventStreamComment(`search of ${topic}`)));
      },
      async pull(controller) {
        while (frames.length === 0 && !finished) await new Promise<void>((r) => (waiting = r));
        if (frames.length) {
          try {
            controller.enqueue(encoder.encode(frames.splice(0, frames.length).join('')));
          } catch {
            abort.abort();
          }
          drained?.();
          drained = null;
          return;
        }
        controller.close();
      },
      cancel() {
        abort.abort();
        drained?.();
      },
    },
    { highWaterMark: 1 },
  );
}
