import { createTopicInput, createTopicStateProblems, type CreateTopicInput } from '@/lib/domain/topics/topic-inputs';
import { topicConfigSpec } from '@/lib/domain/topics/topic-config-catalog';

export interface ConfigRow {
  id: number;
  key: string;
  value: string;
}

export interface CreateTopicValues {
  name: string;
  partitions: string;
  replicationFactor: string;
  configs: ConfigRow[];
}

export interface RowErrors {
  key?: string;
  value?: string;
}

export interface CreateTopicCheck {
  /** name / partitions / replicationFactor / form → message. */
  fields: Record<string, string>;
  /** Config row id → its key and value messages. */
  rows: Record<number, RowErrors>;
  input: CreateTopicInput | null;
}

/**
 * Checks the form with the same zod schema the action uses, plus what the form can know of the
 * cluster (its broker count), and places each message on the input it is about.
 */
export function checkCreateTopic(cluster: string, values: CreateTopicValues, brokerCount: number | null): CreateTopicCheck {
  const fields: Record<string, string> = {};
  const rows: Record<number, RowErrors> = {};
  const configs: Record<string, string> = {};
  const rowByKey = new Map<string, number>();

  for (const row of values.configs) {
    const key = row.key.trim();
    if (key === '') {
      if (row.value.trim() !== '') rows[row.id] = { key: 'Enter a config name, or remove this row.' };
      continue;
    }
    if (rowByKey.has(key)) {
      rows[row.id] = { key: `${key} is already set above; each config can be set once.` };
      continue;
    }
    rowByKey.set(key, row.id);
    configs[key] = row.value.trim();
  }

  const blank = (s: string) => s.trim() === '';
  if (blank(values.partitions)) fields.partitions = 'Enter the number of partitions.';
  if (blank(values.replicationFactor)) fields.replicationFactor = 'Enter the replication factor.';

  const parsed = createTopicInput.safeParse({
    cluster,
    name: values.name,
    partitions: blank(values.partitions) ? undefined : values.partitions,
    replicationFactor: blank(values.replicationFactor) ? undefined : values.replicationFactor,
    configs,
  });
  const all: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || 'form';
      all[key] ??= issue.message;
    }
  }
  const partial = { name: values.name, partitions: Number(values.partitions), replicationFactor: Number(values.replicationFactor), configs, cluster };
  if (brokerCount !== null && Number.isInteger(partial.replicationFactor) && partial.replicationFactor >= 1) {
    for (const [key, message] of Object.entries(createTopicStateProblems(partial, { brokerCount, exists: false }))) all[key] ??= message;
  }
  placeErrors(all, fields, rows, rowByKey);
  const ok = Object.keys(fields).length === 0 && Object.keys(rows).length === 0;
  return { fields, rows, input: ok && parsed.success ? parsed.data : null };
}

/** Puts action/zod keys ("name", "configs.retention.ms") on their inputs; the rest go to "form". */
export function placeErrors(errors: Record<string, string>, fields: Record<string, string>, rows: Record<number, RowErrors>, rowByKey: ReadonlyMap<string, number>): void {
  for (const [key, message] of Object.entries(errors)) {
    if (key === 'name' || key === 'partitions' || key === 'replicationFactor') {
      fields[key] ??= message;
    } else if (key.startsWith('configs.')) {
      const configKey = key.slice('configs.'.length);
      const id = rowByKey.get(configKey);
      if (id === undefined) {
        fields.form ??= message;
      } else {
        const slot: keyof RowErrors = topicConfigSpec(configKey) ? 'value' : 'key';
        rows[id] = { ...rows[id], [slot]: rows[id]?.[slot] ?? message };
      }
    } else {
      fields.form = fields.form ? `${fields.form} ${message}` : message;
    }
  }
}

export function rowIndexByKey(rows: readonly ConfigRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r.key.trim() && !out.has(r.key.trim())) out.set(r.key.trim(), r.id);
  return out;
}
