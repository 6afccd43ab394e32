import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { isConsoleError } from '@/lib/domain/console-error';
import { browseRequestOf, browseSearchParams } from '@/lib/domain/messages/browse-plan';
import { toCsv } from '@/lib/domain/messages/message-export-csv';
import { toJsonLines } from '@/lib/domain/messages/message-export';
import { kafkajsMessageService } from '@/lib/kafka/messages-service';
import { statusOf } from '@/lib/kafka/messages-http';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; topic: string }>;

/**
 * The browse page as a file: the same search params as the page (so the same records), plus
 * ?format=jsonl|csv. Reading the page again rather than posting it from the browser keeps the
 * export as large as the server allows and the values decoded the same way.
 */
export async function GET(request: NextRequest, { params }: { params: Params }) {
  const { cluster, topic: rawTopic } = await params;
  const topic = decodeURIComponent(rawTopic);
  await authorize({ permission: 'message:read', cluster, resource: topic });
  const search = Object.fromEntries(request.nextUrl.searchParams);
  const format = search.format === 'csv' ? 'csv' : 'jsonl';
  const parsed = browseSearchParams.safeParse(search);
  if (!parsed.success) return NextResponse.json({ error: { category: 'invalid-input', message: parsed.error.issues[0]!.message, retryable: false } }, { status: 400 });
  try {
    const page = await kafkajsMessageService(cluster).browse(browseRequestOf(topic, parsed.data));
    const body = format === 'csv' ? toCsv(page.messages) : toJsonLines(page.messages);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const filename = `${topic.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.${format === 'csv' ? 'csv' : 'jsonl'}`;
    return new Response(body, {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    if (isConsoleError(e)) return NextResponse.json({ error: e.toJSON() }, { status: statusOf(e) });
    throw e;
  }
}
