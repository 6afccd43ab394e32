import { describe, expect, it } from 'vitest';
import { saveDesign } from '../document';
import { design, topic } from '../fixtures';
import { lintDesign } from '../lint/lint-design';
import { designProblems } from '../validate';
import { addEnvironment, environmentNameProblem, removeEnvironment, replaceEnvironment, setDesignSettings } from './environments';

const base = design({
  topics: [topic('orders', { replicationFactor: 1, configs: {} })],
  environments: [{ name: 'dev', topicDefaults: { replicationFactor: 1 } }],
  settings: { defaultEnvironment: 'dev' },
});

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe('environment edits', () => {
  it.each([
    ['', 'Give the environment a name, e.g. "prod".'],
    ['Prod', 'Environment names are lower-case letters, digits and "-", starting with a letter or digit.'],
    ['-prod', 'Environment names are lower-case letters, digits and "-", starting with a letter or digit.'],
    ['dev', 'This design already has an environment "dev"; pick another name.'],
    ['x'.repeat(64), 'Too big: expected string to have <=63 characters'],
  ])('refuses the name %j: %s', (name, message) => {
    expect(environmentNameProblem(base, name)).toBe(message);
    expect(addEnvironment(base, name, true)).toEqual({ ok: false, field: 'name', message });
  });

  it('adds an environment that the save path accepts as it is', () => {
    const { design: next } = ok(addEnvironment(base, 'prod', true));
    expect(next.environments.at(-1)).toEqual({ name: 'prod', production: true, topics: {} });
    expect(base.environments).toHaveLength(1);
    const saved = saveDesign(next);
    expect(saved.ok && saved.design).toEqual(next);
  });

  it('renames an environment and carries the default environment along', () => {
    const { design: next } = ok(replaceEnvironment(base, 0, { ...base.environments[0]!, name: 'local' }));
    expect(next.environments.map((e) => e.name)).toEqual(['local']);
    expect(next.settings).toEqual({ defaultEnvironment: 'local' });
    expect(designProblems(next).filter((p) => p.path[0] === 'settings')).toEqual([]);
  });

  it('keeps a name when the environment keeps it, and refuses another environment’s name', () => {
    const two = ok(addEnvironment(base, 'prod', true)).design;
    expect(ok(replaceEnvironment(two, 0, { ...two.environments[0]!, production: true })).design.environments[0]?.production).toBe(true);
    expect(replaceEnvironment(two, 0, { ...two.environments[0]!, name: 'prod' })).toEqual({ ok: false, field: 'name', message: 'This design already has an environment "prod"; pick another name.' });
  });

  it('removes an environment and clears a default that named it', () => {
    const next = removeEnvironment(base, 'dev');
    expect(next.environments).toEqual([]);
    expect(next.settings).toBeUndefined();
    expect(removeEnvironment(base, 'nope')).toBe(base);
  });
});

describe('design settings', () => {
  it('stores only what differs from the defaults', () => {
    expect(setDesignSettings(base, { lint: { topicNamePattern: undefined, disabledRules: [] } }).settings).toBeUndefined();
    expect(setDesignSettings(base, { defaultEnvironment: 'dev', lint: { disabledRules: ['topic-has-schema'] } }).settings).toEqual({ defaultEnvironment: 'dev', lint: { disabledRules: ['topic-has-schema'] } });
  });

  it('reports a default environment the design does not have', () => {
    const dangling = { ...base, settings: { defaultEnvironment: 'prod' } };
    expect(designProblems(dangling).filter((p) => p.path[0] === 'settings')).toEqual([
      { path: ['settings', 'defaultEnvironment'], message: 'The default environment "prod" is not one of this design\'s environments; pick another in the design settings.', elementId: null },
    ]);
  });

  it('feeds the naming pattern and disabled rules to lint', () => {
    const named = design({ topics: [topic('Orders')] });
    expect(lintDesign(named).map((f) => f.ruleId)).toContain('topic-naming');
    expect(lintDesign(setDesignSettings(named, { lint: { topicNamePattern: '^[A-Z][a-z]+$' } })).map((f) => f.ruleId)).not.toContain('topic-naming');
    expect(lintDesign(setDesignSettings(named, { lint: { disabledRules: ['topic-naming'] } })).map((f) => f.ruleId)).not.toContain('topic-naming');
    expect(lintDesign(named, { disabledRules: [] }).map((f) => f.ruleId)).toContain('topic-naming');
  });

  it('lints production rules only where the environment is production', () => {
    const withProd = ok(addEnvironment(base, 'prod', true)).design;
    const overridden = ok(replaceEnvironment(withProd, 1, { ...withProd.environments[1]!, topicDefaults: { replicationFactor: 3 } })).design;
    const rf = (env: string | null, d = overridden) => lintDesign(d, { environment: env }).filter((f) => f.ruleId === 'replication-factor-production').length;
    expect(rf('dev')).toBe(0);
    expect(rf('prod', withProd)).toBe(1);
    expect(rf('prod')).toBe(0);
    expect(rf(null)).toBe(1);
  });
});
