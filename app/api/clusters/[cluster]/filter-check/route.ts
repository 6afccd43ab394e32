import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { isConsoleError } from '@/lib/domain/console-error';
import { filterCheckRequest, type FilterCheckResult } from '@/lib/domain/messages/filter-check';
import { statusOf } from '@/lib/kafka/messages-http';
import { checkUserFilterSyntax } from '@/lib/kafka/messages-filter';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string }>;

/**
 * POST {expression}: whether a message filter compiles, and if not the error with its position.
 * Only parses the expression in the sandbox (nothing runs), so it is cheap enough to call as the
 * user types. A route rather than a server action: the input aborts a check it no longer needs,
 * and actions queue one after another per client.
 */
export async function POST(request: NextRequest, { params }: { params: Params }) {
  const { cluster } = await params;
  try {
    await authorize({ permission: 'message:read', cluster });
  } catch (e) {
    if (isConsoleError(e)) return NextResponse.json({ error: e.toJSON() }, { status: statusOf(e) });
    throw e;
  }
  const parsed = filterCheckRequest.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Send {"expression": "..."}.';
    return NextResponse.json({ error: { category: 'invalid-input', message, retryable: false, field: 'filter' } }, { status: 400 });
  }
  const result: FilterCheckResult = await checkUserFilterSyntax(parsed.data.expression);
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
