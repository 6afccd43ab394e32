import { z } from 'zod';
import { authorize } from '@/lib/auth/guard';
import { isConsoleError } from '@/lib/domain/console-error';
import { endOffsetTotals, liveOverlayFrame, produceRates, type EndOffsetReading, type GroupReading } from '@/lib/domain/design/live/live-overlay';
import { eventStreamComment, EVENT_STREAM_HEADERS } from '@/lib/domain/stream/stream-events';
import { lagSamplerFor } from '@/lib/kafka/groups';
import { endOffsets, topicNames } from '@/lib/kafka/design-live';
import { designStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.string().min(1).max(64) });
const query = z.object({ cluster: z.string().min(1).max(63), intervalMs: z.coerce.number().int().min(500).max(60_000).default(2000) });

/**
 * The designer's live overlay over SSE: every interval, produce rates (end-offset deltas of the
 * design's topics), lag and state of the design's consumer groups (committed offsets, state and
 * members from the cluster's shared lag sampler, which this stream subscribes to), and drift both ways. One `live` event per interval,
 * `error` events when a reading fails; ends when the browser goes away.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const p = params.safeParse(await context.params);
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!p.success || !q.success) return Response.json({ error: 'Name a design and a cluster (?cluster=…).' }, { status: 400 });
  const { id } = p.data;
  const { cluster, intervalMs } = q.data;
  await authorize({ permission: 'design:read', resource: id });
  await authorize({ permission: 'group:read', cluster });

  let design;
  let sampler;
  try {
    design = (await designStore().get(id)).document;
    sampler = lagSamplerFor(cluster);
  } catch (e) {
    if (isConsoleError(e)) return Response.json({ error: e.message }, { status: e.category === 'not-found' ? 404 : 500 });
    throw e;
  }
  const groupIds = [...new Set(design.edges.flatMap((e) => (e.kind === 'consumes' ? [e.consumerGroup] : [])))];
  const topics = design.topics.map((t) => t.name);
  const encoder = new TextEncoder();
  const groups = new Map<string, GroupReading>();

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let previous: EndOffsetReading | null = null;
      const send = (event: string, data: unknown) => {
        if (!closed) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      };
      controller.enqueue(encoder.encode(eventStreamComment('designer live overlay')));
      const unsubscribe = groupIds.length
        ? sampler.subscribe({
            scope: groupIds,
            onSample: ({ states }) => {
              for (const groupId of groupIds) {
                const s = states.get(groupId);
                if (s) groups.set(groupId, { state: s.offsets.description.state, members: s.offsets.description.members.length, committed: s.offsets.committed });
              }
            },
            onError: (e) => send('error', { message: e.message }),
          })
        : () => undefined;

      const tick = async () => {
        try {
          const [names, highs] = await Promise.all([topicNames(cluster), endOffsets(cluster, topics)]);
          const current = { at: Date.now(), totals: endOffsetTotals(highs) };
          // Lag from the sampler's committed offsets and this poll's watermarks: both fresh, and the
          // same watermarks the rates come from.
          send('live', liveOverlayFrame(design, { at: current.at, clusterTopics: names, rates: produceRates(previous, current), highs, groups }));
          previous = current;
        } catch (e) {
          send('error', { message: isConsoleError(e) ? e.message : 'Reading the cluster failed; see the server log.' });
        }
      };
      void tick();
      const timer = setInterval(() => void tick(), intervalMs);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      request.signal.addEventListener('abort', close);
    },
  });
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
