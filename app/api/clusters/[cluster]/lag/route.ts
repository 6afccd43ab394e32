import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { isConsoleError } from '@/lib/domain/console-error';
import { groupId as groupIdSchema } from '@/lib/domain/groups/group-inputs';
import { EVENT_STREAM_HEADERS } from '@/lib/domain/stream/stream-events';
import { lagSamplerFor } from '@/lib/kafka/groups';
import { openLagStream } from '@/lib/kafka/lag-stream';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string }>;

/** Live lag of one consumer group over server-sent events: GET ?group=<id>. */
export async function GET(request: NextRequest, { params }: { params: Params }) {
  const { cluster } = await params;
  const parsed = groupIdSchema.safeParse(request.nextUrl.searchParams.get('group') ?? '');
  await authorize({ permission: 'group:read', cluster, resource: parsed.success ? parsed.data : undefined });
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? 'Invalid group id.' }, { status: 400 });
  let sampler;
  try {
    sampler = lagSamplerFor(cluster);
  } catch (e) {
    if (isConsoleError(e)) return NextResponse.json({ error: e.message }, { status: e.category === 'not-found' ? 404 : 500 });
    throw e;
  }
  return new Response(openLagStream(sampler, { groupId: parsed.data, signal: request.signal }), { headers: EVENT_STREAM_HEADERS });
}
