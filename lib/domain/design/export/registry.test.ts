import { describe, expect, it } from 'vitest';
import { DESIGN_TEMPLATES, designTemplate } from '../templates';
import { DESIGN_EXPORTERS, designExporter, fileStem } from './registry';
import { featureDesign } from './testing/feature-design';

describe('DESIGN_EXPORTERS', () => {
  it('lists every format once, in menu order', () => {
    expect(DESIGN_EXPORTERS.map((e) => e.id)).toEqual(['asyncapi', 'terraform-kafka', 'terraform-kafka-acls', 'terraform-confluent', 'strimzi-v1', 'strimzi-v1beta2', 'kafka-topics-sh', 'rpk', 'design-yaml', 'design-json']);
    expect(designExporter('strimzi-v1')?.label).toBe('Strimzi KafkaTopic (v1)');
    expect(designExporter('nope')).toBeUndefined();
  });

  it.each(DESIGN_EXPORTERS.map((e) => [e.id, e] as const))('%s exports every template in every environment', (_, exporter) => {
    for (const { document } of [...DESIGN_TEMPLATES, { document: featureDesign }]) {
      for (const environment of [null, ...document.environments.map((e) => e.name)]) {
        const text = exporter.run(document, { environment });
        expect(text.length).toBeGreaterThan(0);
        expect(text.endsWith('\n')).toBe(true);
      }
    }
  });

  it('suggests file names from the design name and environment', () => {
    const d = designTemplate('task-management')!.document;
    expect(DESIGN_EXPORTERS.map((e) => e.fileName(d, 'dev'))).toEqual([
      'task-management.dev.asyncapi.yaml',
      'task-management.dev.kafka.tf',
      'task-management.dev.kafka-acls.tf',
      'task-management.dev.confluent.tf',
      'task-management.dev.kafkatopics.yaml',
      'task-management.dev.kafkatopics-v1beta2.yaml',
      'task-management.dev.create-topics.sh',
      'task-management.dev.create-topics-rpk.sh',
      'task-management.design.yaml',
      'task-management.design.json',
    ]);
    expect(designExporter('asyncapi')?.fileName(d)).toBe('task-management.asyncapi.yaml');
  });

  it.each([
    ['Task management', 'task-management'],
    ['Transactional outbox (Debezium)', 'transactional-outbox-debezium'],
    ['Überweisungen & Zahlungen', 'uberweisungen-zahlungen'],
    ['../../etc/passwd', 'etc-passwd'],
    ['!!!', 'design'],
  ])('fileStem(%j) is %j', (name, stem) => {
    expect(fileStem(name)).toBe(stem);
  });
});
