import { describe, expect, it } from 'vitest';
import { design, topic } from '../fixtures';
import { compactedTopicKeyRule } from './compaction-rule';
import { lintDesign } from './lint-design';

const run = (policy: string | undefined, keyed: boolean) =>
  lintDesign(design({ topics: [topic('state', { configs: policy ? { 'cleanup.policy': policy } : {}, key: keyed ? { meaning: 'entityId' } : undefined, valueSchemaId: undefined })] }), { rules: [compactedTopicKeyRule] }).map((f) => f.message);

describe('compacted-topic-needs-key', () => {
  it.each([
    ['compact', true, []],
    ['delete', false, []],
    [undefined, false, []],
    ['compact', false, ['Topic "state" is compacted but its records have no key: compaction keeps the latest value per key, and the broker rejects records without one.']],
    ['delete, compact', false, ['Topic "state" is compacted but its records have no key: compaction keeps the latest value per key, and the broker rejects records without one.']],
  ])('cleanup.policy=%s, keyed %s', (policy, keyed, expected) => expect(run(policy, keyed)).toEqual(expected));
});
