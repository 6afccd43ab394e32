import 'server-only';
import { clusterConfig } from '@/lib/config/load-config';
import { toConsoleError } from './errors';
import { groupsAdminFor } from './groups-admin';
import type { ConsumerGroupService } from './groups-port';
import { kafkajsGroupService } from './groups-service';
import { takeLagSnapshot } from './groups-snapshot';
import { LagSampler } from './lag-sampler';
import { consumerProtocolGroupsOf } from './consumer-protocol-groups';

export type { ConsumerGroupService } from './groups-port';

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} must be a whole number of at least ${min}; got "${raw}".`);
  return n;
}

/** Sampler settings from the environment: interval (ms), Burrow window (samples), chart points per group. */
export function lagSamplerSettings() {
  const intervalMs = envInt('KEA_LAG_SAMPLE_INTERVAL_MS', 5000, 100);
  const samplesPerPartition = envInt('KEA_LAG_WINDOW_SAMPLES', 12, 2);
  // Trends are judged over at least 30 s, whatever the interval: a consumer that pauses on one
  // partition for two polls is not stalled yet.
  const minSamples = Math.min(samplesPerPartition, Math.max(3, Math.ceil(30_000 / intervalMs) + 1));
  return { intervalMs, samplesPerPartition, minSamples, seriesCapacity: envInt('KEA_LAG_HISTORY_POINTS', 360, 2) };
}

const globalForSamplers = globalThis as unknown as { keaLagSamplers?: Map<string, LagSampler> };
const samplers = (globalForSamplers.keaLagSamplers ??= new Map());

/** The cluster's one lag sampler (created on first use; it polls only while someone listens). */
export function lagSamplerFor(clusterName: string): LagSampler {
  clusterConfig(clusterName);
  let sampler = samplers.get(clusterName);
  if (!sampler) {
    const { intervalMs, samplesPerPartition, minSamples, seriesCapacity } = lagSamplerSettings();
    sampler = new LagSampler({
      intervalMs,
      book: { samplesPerPartition, minSamples, seriesCapacity },
      snapshot: (scope) =>
        groupsAdminFor(clusterName)
          .run((admin, retry) => takeLagSnapshot(admin, scope, { onUnknownTopic: retry ? 'record' : 'throw', describeConsumerProtocol: consumerProtocolGroupsOf(clusterName) }))
          .catch((e: unknown) => {
            throw toConsoleError(e, { clusterName });
          }),
    });
    samplers.set(clusterName, sampler);
  }
  return sampler;
}

/** Every sampler created so far, by cluster (for /api/metrics). */
export function lagSamplers(): ReadonlyMap<string, LagSampler> {
  return samplers;
}

/** The consumer groups of one configured cluster. Throws ConsoleError(not-found) for an unknown name. */
export function consumerGroups(clusterName: string): ConsumerGroupService {
  return kafkajsGroupService(clusterName, lagSamplerFor(clusterName));
}
