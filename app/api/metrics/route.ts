import { NextResponse, type NextRequest } from 'next/server';
import { Registry } from 'prom-client';
import { authorize } from '@/lib/auth/guard';
import { consoleMetrics } from '@/lib/metrics/registry';
import { lagMetricsRegistry } from '@/lib/kafka/lag-metrics';

export const dynamic = 'force-dynamic';

/**
 * Prometheus metrics: consumer-group lag and status per cluster (optionally ?cluster=name), and the
 * console's own counters (process, live streams). Text exposition format 0.0.4.
 */
export async function GET(request: NextRequest) {
  await authorize({ permission: 'metrics:read' });
  const only = request.nextUrl.searchParams.get('cluster') ?? undefined;
  let lag: Registry;
  try {
    lag = await lagMetricsRegistry(only);
  } catch (e) {
    return NextResponse.json({ error: (e as Error).message }, { status: 500 });
  }
  const merged = Registry.merge([consoleMetrics, lag]);
  return new Response(await merged.metrics(), { headers: { 'Content-Type': merged.contentType, 'Cache-Control': 'no-store' } });
}
