import { describe, expect, it } from 'vitest';
import type { LagSnapshot } from '@/lib/domain/groups/group-model';
import type { SnapshotScope } from './groups-snapshot';
import { LagSampler } from './lag-sampler';
import { openLagStream } from './lag-stream';

let committed = 0;
const snapshot = async (scope: SnapshotScope): Promise<LagSnapshot> => ({
      takenAt: Date.now(),
      complete: false,
      groups: (scope === 'all' ? [] : scope).filter((g) => g !== 'gone').map((groupId) => ({
        description: { groupId, state: 'Stable', protocolType: 'consumer', protocol: 'RoundRobinAssigner', members: [] },
        committed: [{ topic: 't', partition: 0, offset: String(++committed) }],
      })),
      watermarks: { t: [{ partition: 0, low: '0', high: '100' }] },
      watermarkErrors: {},
      durationMs: 1,
    });
const sampler = () => new LagSampler({ intervalMs: 100, snapshot });

async function readFrames(stream: ReadableStream<Uint8Array>, count: number): Promise<string[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const frames: string[] = [];
  while (frames.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const parts = text.split('\n\n');
    text = parts.pop()!;
    frames.push(...parts);
  }
  reader.releaseLock();
  return frames;
}

describe('openLagStream', () => {
  it('sends a comment, then lag events per poll; cancelling unsubscribes and stops the sampler', async () => {
    const s = sampler();
    const stream = openLagStream(s, { groupId: 'billing' });
    const frames = await readFrames(stream, 3);
    expect(frames[0]).toMatch(/^: lag of group billing, every 100 ms$/);
    expect(frames[1]).toMatch(/^event: lag\ndata: \{"type":"lag","group":\{"groupId":"billing"/);
    const data = JSON.parse(frames[2]!.split('data: ')[1]!);
    expect(data).toMatchObject({ type: 'lag', state: 'Stable', memberCount: 0, group: { groupId: 'billing', partitions: [{ topic: 't', partition: 0 }] } });
    expect(typeof data.sampledAt).toBe('number');
    expect(s.subscriberCount).toBe(1);
    await stream.cancel();
    expect(s.subscriberCount).toBe(0);
    expect(s.running).toBe(false);
  });

  it('the request’s abort signal closes the stream and unsubscribes', async () => {
    const s = sampler();
    const abort = new AbortController();
    const stream = openLagStream(s, { groupId: 'billing', signal: abort.signal });
    await readFrames(stream, 2);
    abort.abort();
    expect(s.subscriberCount).toBe(0);
    const reader = stream.getReader();
    // Whatever was queued drains, then the stream ends.
    for (let i = 0; i < 5; i++) if ((await reader.read()).done) return;
    throw new Error('stream did not end after abort');
  });

  it('sends heartbeats when nothing else goes out, and an error when the group disappears', async () => {
    const s = new LagSampler({ intervalMs: 60_000, snapshot });
    const stream = openLagStream(s, { groupId: 'gone', heartbeatMs: 100 });
    const frames = await readFrames(stream, 3);
    expect(frames.some((f) => f.startsWith('event: error') && f.includes('Group \\"gone\\" no longer exists.'))).toBe(true);
    expect(frames.some((f) => f.startsWith('event: heartbeat'))).toBe(true);
    await stream.cancel();
  });

  it('a client that stops reading is dropped instead of queueing without bound', async () => {
    const s = sampler();
    const stream = openLagStream(s, { groupId: 'billing', heartbeatMs: 60_000 });
    await expect.poll(() => s.subscriberCount, { timeout: 10_000, interval: 100 }).toBe(0);
    await stream.cancel().catch(() => undefined);
  }, 15_000);
});
