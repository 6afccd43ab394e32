import { NextResponse } from 'next/server';
import { authorize } from '@/lib/auth/guard';
import { tailSourceStats } from '@/lib/kafka/tail-source';

export const dynamic = 'force-dynamic';

/** The live tails this server runs for a cluster: topic, shared consumer group, viewers, rate. */
export async function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  await authorize({ permission: 'message:read', cluster });
  return NextResponse.json({ tails: tailSourceStats(cluster) }, { headers: { 'Cache-Control': 'no-store' } });
}
