import type { LiveState, LiveTopic } from './live-state';
import type { PlanStep } from './plan';

/**
 * What the cluster and registry would hold after the steps succeed, computed without touching
 * either. It fails where Kafka or the registry would (creating an existing topic, shrinking
 * partitions, a step before its dependency), so tests catch plans that only look right. Also useful
 * for a dry-run preview.
 */
export function simulateApply(state: LiveState, steps: readonly PlanStep[]): LiveState {
  const topics = new Map(state.topics.map((t) => [t.name, { ...t, configs: { ...t.configs } }]));
  const subjects = new Map(state.subjects.map((s) => [s.subject, { ...s }]));
  const done = new Set<string>();
  const topic = (name: string): LiveTopic => {
    const t = topics.get(name);
    if (!t) throw new Error(`Topic "${name}" does not exist.`);
    return t;
  };

  for (const step of steps) {
    const missing = step.dependsOn.find((d) => !done.has(d));
    if (missing) throw new Error(`Step "${step.id}" runs before "${missing}", which it depends on.`);
    switch (step.kind) {
      case 'create-topic':
        if (topics.has(step.topic)) throw new Error(`Topic "${step.topic}" already exists.`);
        topics.set(step.topic, { name: step.topic, partitions: step.partitions, replicationFactor: step.replicationFactor, configs: { ...step.configs } });
        break;
      case 'add-partitions': {
        const t = topic(step.topic);
        if (step.to <= t.partitions) throw new Error(`Topic "${step.topic}" has ${t.partitions} partitions; cannot grow to ${step.to}.`);
        t.partitions = step.to;
        break;
      }
      case 'alter-configs':
        Object.assign(topic(step.topic).configs, step.set);
        break;
      case 'reset-config':
        delete topic(step.topic).configs[step.key];
        break;
      case 'delete-topic':
        topic(step.topic);
        topics.delete(step.topic);
        break;
      case 'set-compatibility': {
        const s = subjects.get(step.subject);
        subjects.set(step.subject, s ? { ...s, compatibility: step.to } : { subject: step.subject, latest: null, compatibility: step.to });
        break;
      }
      case 'register-schema': {
        const s = subjects.get(step.subject);
        const latest = { version: (s?.latest?.version ?? 0) + 1, format: step.format, definition: step.definition };
        subjects.set(step.subject, { subject: step.subject, latest, compatibility: s?.compatibility ?? null });
        break;
      }
    }
    done.add(step.id);
  }
  return { ...state, topics: [...topics.values()], subjects: [...subjects.values()] };
}
