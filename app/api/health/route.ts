import { NextResponse, type NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { clusterStatus, overallStatus } from '@/lib/domain/health';
import { checkHealth } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

/**
 * Reachability of Kafka, the Schema Registry and Connect for every configured cluster (or one, with
 * ?cluster=). 200 when everything answers, 503 otherwise, with the details in both cases.
 */
export async function GET(request: NextRequest) {
  await authorize({ permission: 'health:read' });
  const only = request.nextUrl.searchParams.get('cluster') ?? undefined;
  const clusters = await checkHealth(only);
  if (only && clusters.length === 0) return NextResponse.json({ error: `No cluster named "${only}" is configured.` }, { status: 404 });
  const status = overallStatus(clusters);
  return NextResponse.json(
    { status, clusters: clusters.map((c) => ({ ...c, status: clusterStatus(c) })) },
    { status: status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
