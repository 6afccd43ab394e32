import type { NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { searchParams } from '@/lib/domain/messages/search-plan';
import { EVENT_STREAM_HEADERS, toEventStreamText } from '@/lib/domain/stream/stream-events';
import { openSearchStream } from '@/lib/kafka/search-stream';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; topic: string }>;

/** Search over server-sent events: GET ?filter=&from=oldest|offset|timestamp&offset=&ts=&partition=&max=. Close the connection to cancel. */
export async function GET(request: NextRequest, { params }: { params: Params }) {
  const { cluster, topic: rawTopic } = await params;
  const topic = decodeURIComponent(rawTopic);
  await authorize({ permission: 'message:read', cluster, resource: topic });
  const parsed = searchParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const error = { category: 'invalid-input' as const, message: issue.message, retryable: false, field: issue.path.map(String).join('.') };
    return new Response(toEventStreamText({ event: { type: 'error', error } }), { headers: EVENT_STREAM_HEADERS });
  }
  return new Response(openSearchStream(cluster, topic, parsed.data, request.signal), { headers: EVENT_STREAM_HEADERS });
}
