import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * The console's own metrics, exposed with the consumer-group lag at GET /api/metrics (Prometheus
 * text format). Any feature adds its counters here through `consoleCounter` / `consoleGauge`: they
 * are get-or-create, so a module evaluated twice (dev reloads, two route bundles) shares one series.
 * Names start with `kea_`; label values must stay few (a cluster, a stream kind), never a topic or
 * a group id per message.
 */
const globalForMetrics = globalThis as unknown as { keaMetrics?: Registry };

function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kea_' });
  return registry;
}

export const consoleMetrics: Registry = (globalForMetrics.keaMetrics ??= createRegistry());

export function consoleCounter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  const existing = consoleMetrics.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames: [...labelNames], registers: [consoleMetrics] });
}

export function consoleGauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  const existing = consoleMetrics.getSingleMetric(name);
  if (existing) return existing as Gauge<L>;
  return new Gauge<L>({ name, help, labelNames: [...labelNames], registers: [consoleMetrics] });
}
