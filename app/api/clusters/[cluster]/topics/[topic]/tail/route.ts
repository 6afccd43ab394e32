import type { NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { EVENT_STREAM_HEADERS } from '@/lib/domain/stream/stream-events';
import { openTailStream } from '@/lib/kafka/tail-stream';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; topic: string }>;

/**
 * Live tail over server-sent events: GET ?filter=<expression>[&cursor=<position>]. A reconnecting
 * EventSource sends Last-Event-ID, which resumes exactly after the last batch it received.
 */
export async function GET(request: NextRequest, { params }: { params: Params }) {
  const { cluster, topic: rawTopic } = await params;
  const topic = decodeURIComponent(rawTopic);
  await authorize({ permission: 'message:read', cluster, resource: topic });
  const search = request.nextUrl.searchParams;
  const body = await openTailStream({
    cluster,
    topic,
    filter: search.get('filter') ?? undefined,
    resumeFrom: request.headers.get('last-event-id') ?? search.get('cursor') ?? undefined,
    signal: request.signal,
  });
  return new Response(body, { headers: EVENT_STREAM_HEADERS });
}
