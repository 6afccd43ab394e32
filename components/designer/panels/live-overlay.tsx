'use client';
import { useEffect, useState } from 'react';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import type { LiveOverlayFrame } from '@/lib/domain/design/live/live-overlay';
import { useCanvas, useCanvasStoreApi } from '../canvas/canvas-context';

/**
 * Subscribes to the design's live stream while the overlay is on: rates on edges and topics, lag on
 * consumers, drift marks on nodes (they read the store). Reconnects are EventSource's own; the
 * stream closes when the overlay is switched off or the page goes away.
 */
export function LiveOverlay({ clusters }: { clusters: PublicCluster[] }) {
  const store = useCanvasStoreApi();
  const designId = useCanvas((s) => s.designId);
  const revision = useCanvas((s) => s.revision);
  const live = useCanvas((s) => s.live);
  const [cluster, setCluster] = useState(clusters[0]?.name ?? '');

  useEffect(() => {
    if (!cluster) return;
    const source = new EventSource(`/api/designs/${designId}/live?cluster=${encodeURIComponent(cluster)}`);
    source.addEventListener('live', (e) => {
      const frame = JSON.parse((e as MessageEvent<string>).data) as LiveOverlayFrame;
      store.getState().setLive({ connected: true, error: null, topicRates: frame.topicRates, groups: frame.groups, missing: frame.missing, extra: frame.extra, sampledAt: frame.sampledAt });
    });
    source.addEventListener('error', (e) => {
      const data = (e as MessageEvent<string>).data;
      const message = data ? (JSON.parse(data) as { message: string }).message : 'Connection to the console lost; retrying…';
      const prev = store.getState().live;
      store.getState().setLive({ ...(prev ?? { topicRates: {}, groups: {}, missing: [], extra: [], sampledAt: null }), connected: false, error: message });
    });
    return () => {
      source.close();
      store.getState().setLive(null);
    };
    // The stream reads the saved design: reconnect after a save so new topics and groups are included.
  }, [cluster, designId, revision, store]);

  return (
    <div aria-label="Live overlay status" className="absolute top-2 right-2 z-10 w-72 rounded-md border border-sky-200 bg-white/95 p-2 text-xs shadow dark:border-sky-900 dark:bg-slate-900/95">
      <div className="flex items-center justify-between gap-2">
        <span className="font-semibold">
          <span className={`mr-1 inline-block size-2 rounded-full ${live?.connected ? 'bg-emerald-500' : 'bg-slate-400'}`} aria-hidden />
          Live
        </span>
        <select className="input !w-36 !py-0.5 text-xs" value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Live cluster">
          {clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.displayName}
            </option>
          ))}
        </select>
      </div>
      {live?.error && <p className="mt-1 text-red-700">{live.error}</p>}
      {live?.sampledAt && (
        <p data-testid="live-status" className="mt-1 text-slate-600 dark:text-slate-400">
          Updated {new Date(live.sampledAt).toLocaleTimeString('en-GB')} · {live.missing.length} designed topic{live.missing.length === 1 ? '' : 's'} missing in the cluster
          {live.extra.length > 0 && (
            <span className="block" title={live.extra.join(', ')}>
              {live.extra.length} cluster topic{live.extra.length === 1 ? '' : 's'} not in the design: {live.extra.slice(0, 3).join(', ')}
              {live.extra.length > 3 ? ', …' : ''}
            </span>
          )}
        </p>
      )}
    </div>
  );
}
