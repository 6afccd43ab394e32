/**
 * What an action's audit record names as its resource. A group action names the group (its input
 * may also carry topics), a design action the design id, a topic action the topic; a create names
 * what it creates. Pure, so the rule is unit-tested.
 */
export function auditResource(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const fields = input as Record<string, unknown>;
  for (const key of ['groupId', 'id', 'topic', 'name'] as const) {
    const value = fields[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** Topics an action touches besides its main resource (offset resets name them), for the audit record. */
export function auditTopics(input: unknown): string[] | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const fields = input as Record<string, unknown>;
  const resource = auditResource(input);
  const topics = new Set<string>();
  if (typeof fields.topic === 'string' && fields.topic !== resource) topics.add(fields.topic);
  if (Array.isArray(fields.topics)) {
    for (const entry of fields.topics) {
      if (typeof entry === 'string') topics.add(entry);
      else if (entry && typeof entry === 'object' && typeof (entry as { topic?: unknown }).topic === 'string') topics.add((entry as { topic: string }).topic);
    }
  }
  return topics.size ? [...topics] : undefined;
}
