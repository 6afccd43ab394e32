/** Kafka's own rules for topic names (org.apache.kafka.common.internals.Topic). */
export const TOPIC_NAME_MAX_LENGTH = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Returns why `name` is not a legal topic name, or null when it is. */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a topic name.';
  if (name === '.' || name === '..') return `A topic cannot be named "${name}".`;
  if (name.length > TOPIC_NAME_MAX_LENGTH) {
    return `Topic names are at most ${TOPIC_NAME_MAX_LENGTH} characters; this one has ${name.length}.`;
  }
  if (!LEGAL.test(name)) {
    const bad = [...new Set([...name].filter((c) => !/[a-zA-Z0-9._-]/.test(c)))].map((c) => (c === ' ' ? 'space' : `"${c}"`));
    return `Topic names may use only letters, digits, ".", "_" and "-"; remove ${bad.join(', ')}.`;
  }
  return null;
}

/**
 * Internal topics are Kafka's, Connect's and the registry's bookkeeping; hidden from lists by
 * default. Same conventions as AKHQ: a leading underscore, or a Connect/registry state topic name.
 */
const INTERNAL = [/^_/, /_schemas$/, /connect-configs?$/, /connect-offsets$/, /connect-status$/];

export function isInternalTopic(name: string): boolean {
  return INTERNAL.some((re) => re.test(name));
}

/**
 * Kafka warns about names that differ only by "." vs "_" because metric names collide.
 * Returns the existing topic that would collide, if any.
 */
export function collidingTopic(name: string, existing: Iterable<string>): string | undefined {
  const key = name.replace(/\./g, '_');
  for (const other of existing) {
    if (other !== name && other.replace(/\./g, '_') === key) return other;
  }
  return undefined;
}
