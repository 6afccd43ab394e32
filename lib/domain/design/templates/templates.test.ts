import { describe, expect, it } from 'vitest';
import { lintDesign } from '../lint/lint-design';
import { designProblems } from '../validate';
import { DESIGN_TEMPLATES, designTemplate } from '.';

describe.each(DESIGN_TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_, template) => {
  const environments = [null, ...template.document.environments.map((e) => e.name)];

  it('is consistent', () => {
    expect(designProblems(template.document)).toEqual([]);
  });

  it.each(environments)('lints without errors in %s, and only with the warnings it means to teach', (environment) => {
    const findings = lintDesign(template.document, { environment });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warnings = findings.filter((f) => f.severity !== 'error').map((f) => `${f.ruleId} ${f.elementId}`);
    expect(warnings.sort()).toEqual(template.expectedWarnings.map((w) => `${w.ruleId} ${w.elementId}`).sort());
  });

  it('has a production and a dev environment', () => {
    expect(template.document.environments.map((e) => [e.name, e.production])).toEqual([
      ['dev', false],
      ['prod', true],
    ]);
  });
});

describe('task-management template', () => {
  const d = designTemplate('task-management')!.document;

  it('has the topics, services and schemas the product describes', () => {
    expect(d.topics.filter((t) => t.kind === 'events').map((t) => t.name)).toEqual(['task-events', 'reminders', 'task-updates']);
    expect(d.topics.filter((t) => t.kind !== 'events').map((t) => `${t.kind}:${t.name}`)).toEqual(['retry:reminders.retry-1', 'retry:reminders.retry-2', 'dlq:reminders.dlq', 'dlq:task-events.dlq']);
    expect(d.services.map((s) => `${s.id}:${s.role}`)).toEqual(['chat-api:producer', 'recurring-task-engine:both', 'notification-service:consumer', 'audit-log:consumer', 'websocket-sync:consumer']);
    expect(new Set(d.schemas.map((s) => s.format))).toEqual(new Set(['AVRO', 'JSON']));
  });
});

describe('designTemplate', () => {
  it('finds templates by id', () => {
    expect(DESIGN_TEMPLATES.map((t) => t.id)).toEqual(['task-management', 'retry-dlq', 'outbox-cdc', 'cqrs-read-model']);
    expect(designTemplate('retry-dlq')?.title).toBe('Retry topics and a dead-letter topic');
    expect(designTemplate('nope')).toBeUndefined();
  });
});
