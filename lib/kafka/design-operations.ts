import 'server-only';
import { ConsoleError, isConsoleError } from '@/lib/domain/console-error';
import { resolveEnvironment } from '@/lib/domain/design/environment';
import type { LiveState, LiveTopic } from '@/lib/domain/design/live-state';
import type { DesignDocument } from '@/lib/domain/design/model';
import { planChanges, type Plan, type PlanStep } from '@/lib/domain/design/plan';
import { designRegistry, type DesignRegistry } from '@/lib/registry/design-registry';
import type { ClusterService, TopicService } from './ports';
import { resetAdmin } from './client-pool';
import { kafka } from './index';

/**
 * Plan and apply for the designer, over the same ports the console uses (TopicService and the
 * design registry), so tests can wrap a port to inject a failure.
 *
 * Applying re-plans before every step and runs the step only if the fresh plan still has it: a
 * step that already happened (an earlier run, another tab, a person with the CLI) is skipped, so
 * running the same plan twice changes nothing the second time and re-running after a partial
 * failure finishes the job.
 */
export interface DesignPorts {
  cluster: Pick<ClusterService, 'brokerCount'>;
  topics: Pick<TopicService, 'list' | 'describe' | 'create' | 'addPartitions' | 'alterConfigs' | 'delete'>;
  /** Null when the cluster has no registry configured: schema steps then fail with that reason. */
  registry: Pick<DesignRegistry, 'liveSubjects' | 'setCompatibility' | 'register'> | null;
  /** Replaces a Kafka client that proved broken (see executeStep). */
  recover?: () => Promise<void>;
}

export function designPorts(clusterName: string): DesignPorts {
  const k = kafka(clusterName);
  let registry: DesignPorts['registry'] = null;
  try {
    registry = designRegistry(clusterName);
  } catch {
    registry = null;
  }
  return { cluster: k.cluster, topics: k.topics, registry, recover: () => resetAdmin(clusterName) };
}

const DESCRIBE_CONCURRENCY = 8;

async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * Listing reads metadata for every topic; a topic deleted between the name list and the metadata
 * read (someone cleaning up, a test suite) fails the whole read with UNKNOWN_TOPIC_OR_PARTITION.
 * The next read no longer names it, so try again a few times.
 */
async function listTopicsSettled(ports: DesignPorts) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ports.topics.list();
    } catch (e) {
      if (attempt >= 4 || !isConsoleError(e) || e.category !== 'not-found') throw e;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

/**
 * The cluster and registry as a plan compares them: every topic (deletions are planned, and
 * withheld, for topics the design does not name), with the configs set on the topic itself for the
 * ones the design names; and the subjects the design describes.
 */
export async function readLiveState(ports: DesignPorts, design: DesignDocument, environment: string | null): Promise<LiveState> {
  const { design: resolved } = resolveEnvironment(design, environment);
  const wanted = new Set(resolved.topics.map((t) => t.name));
  const [summaries, brokerCount] = await Promise.all([listTopicsSettled(ports), ports.cluster.brokerCount()]);
  const named = summaries.filter((s) => wanted.has(s.name));
  const others = summaries.filter((s) => !wanted.has(s.name) && !s.internal);
  const described = await mapBounded(named, DESCRIBE_CONCURRENCY, async (s): Promise<LiveTopic> => {
    const d = await ports.topics.describe(s.name);
    const configs = Object.fromEntries(d.configs.filter((c) => c.source === 'topic' && c.value !== null).map((c) => [c.name, c.value!]));
    return { name: s.name, partitions: d.partitions.length, replicationFactor: d.replicationFactor, configs };
  });
  const subjects = ports.registry && resolved.schemas.length ? await ports.registry.liveSubjects([...new Set(resolved.schemas.map((s) => s.subject))]) : [];
  return {
    topics: [...described, ...others.map((s) => ({ name: s.name, partitions: s.partitions, replicationFactor: s.replicationFactor, configs: {} }))],
    subjects,
    brokerCount,
  };
}

export async function planDesign(ports: DesignPorts, design: DesignDocument, options: { environment: string | null; include?: readonly string[] }): Promise<Plan> {
  const live = await readLiveState(ports, design, options.environment);
  return planChanges(design, live, { environment: options.environment, include: options.include });
}

export type StepOutcome = { outcome: 'ok' | 'skipped' | 'failed'; stepId: string; message: string; step: PlanStep | null };

/**
 * Runs one step; throws ConsoleError. kafkajs's admin refreshes metadata for every topic it has
 * ever described before creating or altering one, so once any of those topics is deleted (by
 * anyone) its writes fail with UNKNOWN_TOPIC_OR_PARTITION about a topic they never touch. A
 * "not found" from a step whose topic exists (or is being created) is that: retry once on a
 * fresh client.
 */
export async function executeStep(ports: DesignPorts, step: PlanStep): Promise<void> {
  try {
    await runStep(ports, step);
  } catch (e) {
    const topicStep = step.kind === 'create-topic' || step.kind === 'add-partitions' || step.kind === 'alter-configs' || step.kind === 'reset-config';
    if (!topicStep || !ports.recover || !isConsoleError(e) || e.category !== 'not-found') throw e;
    await ports.recover();
    await runStep(ports, step);
  }
}

async function runStep(ports: DesignPorts, step: PlanStep): Promise<void> {
  const registry = () => {
    if (!ports.registry) throw new ConsoleError({ category: 'unsupported', message: 'This cluster has no schema registry configured, so schemas cannot be registered.', retryable: false });
    return ports.registry;
  };
  switch (step.kind) {
    case 'create-topic':
      return ports.topics.create({ name: step.topic, partitions: step.partitions, replicationFactor: step.replicationFactor, configs: step.configs });
    case 'add-partitions':
      return ports.topics.addPartitions({ topic: step.topic, count: step.to });
    case 'alter-configs':
      return ports.topics.alterConfigs({ topic: step.topic, set: step.set, reset: [] });
    case 'reset-config':
      return ports.topics.alterConfigs({ topic: step.topic, set: {}, reset: [step.key] });
    case 'delete-topic':
      return ports.topics.delete(step.topic);
    case 'set-compatibility':
      return registry().setCompatibility(step.subject, step.to);
    case 'register-schema':
      await registry().register(step.subject, { format: step.format, definition: step.definition, references: step.references });
      return;
  }
}

/**
 * Re-plans, then runs `stepId` if it is still needed and everything it depends on is done.
 * Never throws for a failing step: the failure is the outcome, with the cluster's own words.
 */
export async function applyStep(ports: DesignPorts, design: DesignDocument, options: { environment: string | null; include?: readonly string[]; stepId: string }): Promise<StepOutcome> {
  const plan = await planDesign(ports, design, options);
  const step = plan.steps.find((s) => s.id === options.stepId) ?? null;
  if (!step) {
    const impossible = plan.impossible.find((i) => i.id.endsWith(options.stepId.split(':').slice(1).join(':')));
    return { outcome: 'skipped', stepId: options.stepId, step: null, message: impossible ? impossible.message : 'Already done: the cluster matches the design here.' };
  }
  const waiting = step.dependsOn.find((d) => plan.steps.some((s) => s.id === d));
  if (waiting) return { outcome: 'failed', stepId: step.id, step, message: `Waits for "${waiting}", which has not succeeded yet; apply that step first.` };
  try {
    await executeStep(ports, step);
    return { outcome: 'ok', stepId: step.id, step, message: step.description };
  } catch (e) {
    if (!isConsoleError(e)) throw e;
    return { outcome: 'failed', stepId: step.id, step, message: e.message };
  }
}
