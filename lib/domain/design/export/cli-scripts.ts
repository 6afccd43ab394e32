import { resolveEnvironment } from '../environment';
import type { DesignDocument, Topic } from '../model';
import { commentText, generatedBy, sortedEntries, type ExportOptions } from './export-types';
import { continuedCommand, shellQuote } from './shell';

export interface CliScriptOptions extends ExportOptions {
  /** The default of the script's bootstrap variable; the variable set in the caller's environment wins. */
  bootstrapServers?: string;
}

const DEFAULT_BOOTSTRAP = 'localhost:9092';

/**
 * A bash script that creates the design's topics with Apache Kafka's kafka-topics.sh. Idempotent
 * through --if-not-exists, which also means it never changes a topic that exists: partitions and
 * configs of existing topics are the plan's job, not this script's.
 */
export function exportKafkaTopicsScript(design: DesignDocument, options: CliScriptOptions = {}): string {
  const { design: resolved } = resolveEnvironment(design, options.environment);
  const lines = [
    '#!/usr/bin/env bash',
    `# ${generatedBy(design, options.environment)}`,
    '# Creates the topics with kafka-topics.sh. Topics that exist already are left as they are',
    '# (--if-not-exists): this script never changes partitions or configs of an existing topic.',
    '#',
    '# Environment: BOOTSTRAP_SERVER (host:port[,host:port]), COMMAND_CONFIG (optional client',
    '# properties file, e.g. for SASL/TLS), KAFKA_TOPICS (path to kafka-topics.sh).',
    'set -euo pipefail',
    '',
    `default_bootstrap_server=${shellQuote(options.bootstrapServers ?? DEFAULT_BOOTSTRAP)}`,
    'BOOTSTRAP_SERVER="${BOOTSTRAP_SERVER:-$default_bootstrap_server}"',
    'KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics.sh}"',
    'connection=(--bootstrap-server "$BOOTSTRAP_SERVER")',
    'if [[ -n "${COMMAND_CONFIG:-}" ]]; then',
    '  connection+=(--command-config "$COMMAND_CONFIG")',
    'fi',
  ];
  for (const topic of resolved.topics) {
    // jopt-simple would read a name starting with "-" as an option; the attached form cannot be misread.
    const topicFlag = topic.name.startsWith('-') ? [`--topic=${shellQuote(topic.name)}`] : ['--topic', shellQuote(topic.name)];
    lines.push(
      '',
      ...topicComment(topic, resolved.topics),
      continuedCommand(
        ['"$KAFKA_TOPICS"', '"${connection[@]}"', '--create', '--if-not-exists', ...topicFlag],
        [['--partitions', String(topic.partitions)], ['--replication-factor', String(topic.replicationFactor)], ...sortedEntries(topic.configs).map(([k, v]) => ['--config', shellQuote(`${k}=${v}`)])],
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The same with Redpanda's rpk. `rpk topic create` has no --if-not-exists, so the script treats
 * TOPIC_ALREADY_EXISTS as success and any other failure as fatal.
 */
export function exportRpkScript(design: DesignDocument, options: CliScriptOptions = {}): string {
  const { design: resolved } = resolveEnvironment(design, options.environment);
  const lines = [
    '#!/usr/bin/env bash',
    `# ${generatedBy(design, options.environment)}`,
    '# Creates the topics with rpk. Topics that exist already are left as they are: this script',
    '# never changes partitions or configs of an existing topic.',
    '#',
    '# Environment: BROKERS (host:port[,host:port]), RPK (path to rpk); further rpk settings',
    '# (SASL, TLS) come from the rpk profile or RPK_* variables as usual.',
    'set -euo pipefail',
    '',
    `default_brokers=${shellQuote(options.bootstrapServers ?? DEFAULT_BOOTSTRAP)}`,
    'BROKERS="${BROKERS:-$default_brokers}"',
    'RPK="${RPK:-rpk}"',
    'connection=(-X "brokers=$BROKERS")',
    '',
    '# create_topic NAME [rpk topic create flags...]',
    'create_topic() {',
    '  local topic="$1" output',
    '  shift',
    '  if output=$("$RPK" topic create "${connection[@]}" "$@" -- "$topic" 2>&1); then',
    `    printf '%s\\n' "$output"`,
    '  elif [[ "$output" == *TOPIC_ALREADY_EXISTS* ]]; then',
    `    printf 'Topic %s exists; left unchanged.\\n' "$topic"`,
    '  else',
    `    printf '%s\\n' "$output" >&2`,
    '    return 1',
    '  fi',
    '}',
  ];
  for (const topic of resolved.topics) {
    const warning = topic.replicationFactor % 2 === 0 ? [`# Redpanda accepts only odd replication factors; ${topic.replicationFactor} will be refused.`] : [];
    lines.push(
      '',
      ...topicComment(topic, resolved.topics),
      ...warning,
      continuedCommand(['create_topic', shellQuote(topic.name)], [['-p', String(topic.partitions)], ['-r', String(topic.replicationFactor)], ...sortedEntries(topic.configs).map(([k, v]) => ['-c', shellQuote(`${k}=${v}`)])]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function topicComment(topic: Topic, topics: readonly Topic[]): string[] {
  const source = topics.find((t) => t.id === topic.sourceTopicId)?.name;
  const of = source ? ` of ${source}` : '';
  const role = topic.kind === 'retry' ? `retry topic${of}${topic.retryDelayMs === undefined ? '' : `, ${topic.retryDelayMs} ms delay`}` : topic.kind === 'dlq' ? `dead-letter topic${of}` : null;
  const about = [role, topic.key ? `key: ${topic.key.meaning}` : null].filter((x): x is string => x !== null).join('; ');
  return about ? [`# ${commentText(about)}`] : [];
}
