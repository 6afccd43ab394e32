import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { isConsoleError } from '@/lib/domain/console-error';
import { kafkajsMessageService } from '@/lib/kafka/messages-service';
import { statusOf } from '@/lib/kafka/messages-http';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; topic: string }>;

/** One record with its whole value: GET ?partition=0&offset=42 ("load the whole value"). */
export async function GET(request: NextRequest, { params }: { params: Params }) {
  const { cluster, topic: rawTopic } = await params;
  const topic = decodeURIComponent(rawTopic);
  await authorize({ permission: 'message:read', cluster, resource: topic });
  const partition = Number(request.nextUrl.searchParams.get('partition'));
  const offset = request.nextUrl.searchParams.get('offset') ?? '';
  if (!Number.isInteger(partition) || partition < 0 || !/^\d{1,19}$/.test(offset)) {
    return NextResponse.json({ error: { category: 'invalid-input', message: 'Give ?partition=<n>&offset=<n>.', retryable: false } }, { status: 400 });
  }
  try {
    const message = await kafkajsMessageService(cluster).fetchOne(topic, partition, offset);
    if (!message) return NextResponse.json({ error: { category: 'not-found', message: `Partition ${partition} of "${topic}" has no record at offset ${offset} (deleted by retention or compaction?).`, retryable: false } }, { status: 404 });
    return NextResponse.json({ message }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (isConsoleError(e)) return NextResponse.json({ error: e.toJSON() }, { status: statusOf(e) });
    throw e;
  }
}
