import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '../fixtures';
import { LINT_RULES, lintAllEnvironments, lintDesign, lintRule } from './lint-design';

describe('rule registry', () => {
  it('has unique ids, each rule citing at least one https source', () => {
    expect(new Set(LINT_RULES.map((r) => r.id)).size).toBe(LINT_RULES.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it('covers the rules the designer promises', () => {
    expect(LINT_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'replication-factor-production',
        'min-insync-replicas',
        'unclean-leader-election',
        'topic-naming',
        'compacted-topic-needs-key',
        'partitions-cover-consumer-parallelism',
        'keyed-topic-partition-growth',
        'retry-needs-dlq',
        'topic-has-schema',
        'exactly-once-producer',
      ]),
    );
    expect(lintRule('retry-needs-dlq')?.severity).toBe('error');
    expect(lintRule('nope')).toBeUndefined();
  });
});

const messy = design({
  topics: [topic('orders', { replicationFactor: 1, configs: { 'min.insync.replicas': '1' }, valueSchemaId: undefined }), topic('Payments')],
  schemas: [schemaFor('Payments')],
  environments: [{ name: 'dev', topicDefaults: { replicationFactor: 1 } }, { name: 'prod', production: true }],
});

describe('lintDesign', () => {
  it('lists errors first, then by rule, each finding complete', () => {
    expect(lintDesign(messy).map((f) => [f.severity, f.ruleId, f.elementId])).toEqual([
      ['error', 'replication-factor-production', 'orders'],
      ['warning', 'topic-has-schema', 'orders'],
      ['warning', 'topic-naming', 'Payments'],
    ]);
    for (const f of lintDesign(messy)) {
      expect(f.message).toMatch(/"(orders|Payments)"/);
      expect(f.fix.length).toBeGreaterThan(10);
      expect(f.environment).toBeNull();
    }
  });

  it('resolves the environment first and tags findings with it', () => {
    const dev = lintDesign(messy, { environment: 'dev' });
    expect(dev.map((f) => [f.ruleId, f.elementId, f.environment])).toEqual([
      ['min-insync-replicas', 'Payments', 'dev'],
      ['topic-has-schema', 'orders', 'dev'],
      ['topic-naming', 'Payments', 'dev'],
    ]);
  });

  it('skips disabled rules', () => {
    expect(lintDesign(messy, { disabledRules: ['topic-naming', 'topic-has-schema', 'min-insync-replicas'] }).map((f) => f.ruleId)).toEqual(['replication-factor-production']);
  });

  it('reports integrity problems as findings', () => {
    const broken = design({ topics: [topic('orders', { valueSchemaId: 'ghost' })] });
    expect(lintDesign(broken).filter((f) => f.ruleId === 'design-integrity')).toEqual([
      { ruleId: 'design-integrity', severity: 'error', elementId: 'orders', environment: null, message: 'Topic "orders" uses schema "ghost", which is not in this design.', fix: expect.any(String) },
    ]);
  });
});

describe('lintAllEnvironments', () => {
  it('lists each finding once, under the first environment that has it', () => {
    expect(lintAllEnvironments(messy).map((f) => [f.ruleId, f.elementId, f.environment])).toEqual([
      ['replication-factor-production', 'orders', null],
      ['min-insync-replicas', 'Payments', 'dev'],
      ['topic-has-schema', 'orders', null],
      ['topic-naming', 'Payments', null],
    ]);
  });
});
