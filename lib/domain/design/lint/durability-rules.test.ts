import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '../fixtures';
import { minInsyncReplicasRule, replicationFactorRule, uncleanLeaderElectionRule } from './durability-rules';
import { lintDesign } from './lint-design';

const environments = [{ name: 'dev' }, { name: 'prod', production: true }];
const withTopic = (overrides: Parameters<typeof topic>[1]) => design({ topics: [topic('orders', overrides)], schemas: [schemaFor('orders')], environments });

describe('replication-factor-production', () => {
  const run = (rf: number, environment?: string) => lintDesign(withTopic({ replicationFactor: rf, configs: {} }), { rules: [replicationFactorRule], environment }).map((f) => `${f.severity}: ${f.message}`);

  it.each([
    [1, undefined, ['error: Topic "orders" has replication factor 1 in production; with fewer than 3 replicas one broker failure either stops writes or risks losing them.']],
    [2, 'prod', ['error: Topic "orders" has replication factor 2 in production; with fewer than 3 replicas one broker failure either stops writes or risks losing them.']],
    [3, 'prod', []],
    [1, 'dev', []],
  ])('RF %i in %s', (rf, env, expected) => expect(run(rf, env)).toEqual(expected));
});

describe('min-insync-replicas', () => {
  const run = (rf: number, minIsr: string | undefined, environment = 'prod') =>
    lintDesign(withTopic({ replicationFactor: rf, configs: minIsr === undefined ? {} : { 'min.insync.replicas': minIsr } }), { rules: [minInsyncReplicasRule], environment }).map((f) => `${f.severity}: ${f.message}`);

  it.each([
    [3, '2', []],
    [1, '1', []],
    [2, '1', []],
    [5, '4', []],
    [3, '4', ['error: Topic "orders" has min.insync.replicas 4 but only 3 replicas: no write with acks=all can succeed.']],
    [1, '2', ['error: Topic "orders" has min.insync.replicas 2 but only 1 replica: no write with acks=all can succeed.']],
    [3, '3', ['warning: Topic "orders" has min.insync.replicas equal to its replication factor (3): any one broker down stops acks=all writes.']],
    [3, '1', ['warning: Topic "orders" has min.insync.replicas 1 with 3 replicas: an acknowledged write may exist on fewer copies than the topic can afford.']],
    [3, undefined, ['warning: Topic "orders" does not set min.insync.replicas, so the broker default applies (1 unless the cluster changed it): an acks=all write may be acknowledged by a single replica.']],
  ])('RF %i, min.insync.replicas %s', (rf, minIsr, expected) => expect(run(rf, minIsr)).toEqual(expected));

  it('does not ask for min.insync.replicas outside production', () => {
    expect(run(3, undefined, 'dev')).toEqual([]);
  });

  it('suggests RF − 1', () => {
    const [f] = lintDesign(withTopic({ replicationFactor: 3, configs: { 'min.insync.replicas': '4' } }), { rules: [minInsyncReplicasRule] });
    expect(f).toMatchObject({ ruleId: 'min-insync-replicas', elementId: 'orders', fix: 'Set min.insync.replicas of "orders" to 2.' });
  });
});

describe('unclean-leader-election', () => {
  const run = (value: string | undefined, environment?: string) =>
    lintDesign(withTopic({ configs: { 'min.insync.replicas': '2', ...(value === undefined ? {} : { 'unclean.leader.election.enable': value }) } }), { rules: [uncleanLeaderElectionRule], environment }).map((f) => f.severity);

  it.each([
    ['true', 'prod', ['error']],
    ['true', undefined, ['error']],
    ['true', 'dev', ['warning']],
    ['false', 'prod', []],
    [undefined, 'prod', []],
  ])('%s in %s', (value, env, expected) => expect(run(value, env)).toEqual(expected));
});
