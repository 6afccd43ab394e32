import { TOPIC_CONFIGS, topicConfigSpec } from '@/lib/domain/topics/topic-config-catalog';

export const CONFIG_NAMES_LIST_ID = 'topic-config-names';

/** Suggestions for config names: every known topic config, with its one-line description. */
export function ConfigNameOptions() {
  return (
    <datalist id={CONFIG_NAMES_LIST_ID}>
      {TOPIC_CONFIGS.map((c) => (
        <option key={c.name} value={c.name}>
          {c.description}
        </option>
      ))}
    </datalist>
  );
}

export const configValuesListId = (name: string) => `topic-config-values-${name.replace(/[^a-z0-9]/gi, '-')}`;

/** Suggestions for a config's value when the catalog knows its allowed values (enums, lists, booleans). */
export function ConfigValueOptions({ name }: { name: string }) {
  const spec = topicConfigSpec(name);
  const values = spec?.type === 'boolean' ? ['true', 'false'] : spec?.values;
  if (!values) return null;
  return (
    <datalist id={configValuesListId(name)}>
      {values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}

/** What kind of value a config takes, as placeholder text. */
export function configValuePlaceholder(name: string): string {
  const spec = topicConfigSpec(name);
  if (!spec) return 'value';
  switch (spec.type) {
    case 'long':
    case 'int':
      return spec.unit === 'ms' ? 'milliseconds' : spec.unit === 'bytes' ? 'bytes' : 'whole number';
    case 'double':
      return 'number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return spec.values!.join(' | ');
    case 'list':
      return spec.values!.join(', ');
    case 'string':
      return 'text';
  }
}
