import { collidingTopic } from '../topics/topic-name';
import { topicConfigProblem, topicConfigSpec } from '../topics/topic-config-catalog';
import { indexDesign, type DesignIndex, type ElementKind } from './design-index';
import type { DesignDocument, Topic } from './model';

export interface DesignProblem {
  /** Where in the document, as zod reports paths, so a form can put the message beside the field. */
  path: (string | number)[];
  message: string;
  /** The element to focus on the canvas; null for document-level problems. */
  elementId: string | null;
}

const KIND_LABEL: Record<ElementKind, string> = { service: 'Service', topic: 'Topic', schema: 'Schema', edge: 'Edge', connector: 'Connector', note: 'Note' };

/**
 * What JSON Schema cannot say about a structurally valid document: references resolve, ids and
 * names are unique, config keys and values are ones Kafka accepts, retry/dlq wiring points at
 * topics of the right kind. A design with problems can be saved (the canvas is often mid-edit)
 * but should not be planned against a cluster.
 */
export function designProblems(design: DesignDocument): DesignProblem[] {
  const index = indexDesign(design);
  const problems: DesignProblem[] = [];
  const report = (path: (string | number)[], message: string, elementId: string | null) => problems.push({ path, message, elementId });

  duplicateIds(design, report);

  const topicNames: string[] = [];
  design.topics.forEach((topic, i) => {
    const at = ['topics', i];
    const duplicate = topicNames.includes(topic.name);
    const collision = duplicate ? undefined : collidingTopic(topic.name, topicNames);
    if (duplicate) report([...at, 'name'], `Topic "${topic.name}" appears twice; give each topic its own name.`, topic.id);
    if (collision) report([...at, 'name'], `Topic "${topic.name}" collides with "${collision}": Kafka treats "." and "_" alike in metric names and refuses the second one. Rename one of them.`, topic.id);
    topicNames.push(topic.name);
    configProblems(topic.configs, [...at, 'configs'], `Topic "${topic.name}"`, topic.id, report);
    topicWiring(topic, index, at, report);
  });

  const subjects = new Set<string>();
  design.schemas.forEach((schema, i) => {
    if (subjects.has(schema.subject)) report(['schemas', i, 'subject'], `Subject "${schema.subject}" is described twice; merge the two schemas.`, schema.id);
    subjects.add(schema.subject);
    if (schema.format !== 'PROTOBUF' && !isJson(schema.definition)) {
      report(['schemas', i, 'definition'], `Schema "${schema.subject}" is ${schema.format === 'AVRO' ? 'Avro' : 'JSON Schema'}, so its definition must be JSON; it does not parse.`, schema.id);
    }
  });

  design.edges.forEach((edge, i) => {
    const at = ['edges', i];
    const service = index.services.get(edge.serviceId);
    if (!service) report([...at, 'serviceId'], `Edge "${edge.id}" starts at "${edge.serviceId}", which is not a service in this design.`, edge.id);
    if (!index.topics.has(edge.topicId)) report([...at, 'topicId'], `Edge "${edge.id}" points at "${edge.topicId}", which is not a topic in this design.`, edge.id);
    if (service && edge.kind === 'produces' && service.role === 'consumer') {
      report([...at, 'kind'], `Service "${service.name}" is a consumer but edge "${edge.id}" has it produce; make its role "both".`, edge.id);
    }
    if (service && edge.kind === 'consumes' && service.role === 'producer') {
      report([...at, 'kind'], `Service "${service.name}" is a producer but edge "${edge.id}" has it consume; make its role "both".`, edge.id);
    }
    if (edge.kind === 'consumes' && edge.retry) {
      edge.retry.retryTopicIds.forEach((id, j) => {
        if (index.topics.get(id)?.kind !== 'retry') report([...at, 'retry', 'retryTopicIds', j], `Edge "${edge.id}" retries through "${id}", which is not a retry topic in this design.`, edge.id);
      });
      const dlq = edge.retry.dlqTopicId;
      if (dlq !== undefined && index.topics.get(dlq)?.kind !== 'dlq') report([...at, 'retry', 'dlqTopicId'], `Edge "${edge.id}" dead-letters to "${dlq}", which is not a dlq topic in this design.`, edge.id);
    }
  });

  design.connectors.forEach((connector, i) => {
    connector.topicIds.forEach((id, j) => {
      if (!index.topics.has(id)) report(['connectors', i, 'topicIds', j], `Connector "${connector.name}" lists "${id}", which is not a topic in this design.`, connector.id);
    });
  });

  design.notes.forEach((note, i) => {
    if (note.attachedTo !== undefined && !index.kinds.has(note.attachedTo)) report(['notes', i, 'attachedTo'], `Note "${note.id}" is attached to "${note.attachedTo}", which is not in this design.`, note.id);
  });

  const environments = new Set<string>();
  design.environments.forEach((env, i) => {
    const at = ['environments', i];
    if (environments.has(env.name)) report([...at, 'name'], `Environment "${env.name}" is defined twice.`, null);
    environments.add(env.name);
    configProblems(env.topicDefaults?.configs ?? {}, [...at, 'topicDefaults', 'configs'], `Environment "${env.name}"`, null, report);
    for (const [topicId, override] of Object.entries(env.topics)) {
      const topic = index.topics.get(topicId);
      if (!topic) report([...at, 'topics', topicId], `Environment "${env.name}" overrides "${topicId}", which is not a topic in this design.`, null);
      configProblems(override.configs ?? {}, [...at, 'topics', topicId, 'configs'], `Environment "${env.name}", topic "${topic?.name ?? topicId}"`, topic ? topic.id : null, report);
    }
  });

  const defaultEnvironment = design.settings?.defaultEnvironment;
  if (defaultEnvironment !== undefined && !environments.has(defaultEnvironment)) {
    report(['settings', 'defaultEnvironment'], `The default environment "${defaultEnvironment}" is not one of this design's environments; pick another in the design settings.`, null);
  }

  return problems;
}

type Report = (path: (string | number)[], message: string, elementId: string | null) => void;

function duplicateIds(design: DesignDocument, report: Report) {
  const seen = new Map<string, ElementKind>();
  const collections: [keyof DesignDocument & string, ElementKind, readonly { id: string }[]][] = [
    ['services', 'service', design.services],
    ['topics', 'topic', design.topics],
    ['schemas', 'schema', design.schemas],
    ['edges', 'edge', design.edges],
    ['connectors', 'connector', design.connectors],
    ['notes', 'note', design.notes],
  ];
  for (const [collection, kind, items] of collections) {
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first) report([collection, i, 'id'], `${KIND_LABEL[kind]} id "${item.id}" is already used by a ${first}; ids must be unique across the design.`, item.id);
      else seen.set(item.id, kind);
    });
  }
}

/** `null` values (environment removals) only need a known key. */
function configProblems(configs: Record<string, string | null>, path: (string | number)[], owner: string, elementId: string | null, report: Report) {
  for (const [key, value] of Object.entries(configs)) {
    const problem = value === null ? (topicConfigSpec(key) ? null : topicConfigProblem(key, '')) : topicConfigProblem(key, value);
    if (problem) report([...path, key], `${owner}: ${problem}`, elementId);
  }
}

function topicWiring(topic: Topic, index: DesignIndex, at: (string | number)[], report: Report) {
  const name = `Topic "${topic.name}"`;
  if (topic.kind === 'events') {
    if (topic.sourceTopicId !== undefined) report([...at, 'sourceTopicId'], `${name} is an events topic; only retry and dlq topics have a source topic.`, topic.id);
  } else {
    const source = topic.sourceTopicId === undefined ? undefined : index.topics.get(topic.sourceTopicId);
    if (topic.sourceTopicId === undefined) report([...at, 'sourceTopicId'], `${name} is a ${topic.kind} topic; name the topic whose records it holds in sourceTopicId.`, topic.id);
    else if (!source || source.id === topic.id) report([...at, 'sourceTopicId'], `${name} names "${topic.sourceTopicId}" as its source, which is not another topic in this design.`, topic.id);
  }
  if (topic.retryDelayMs !== undefined && topic.kind !== 'retry') report([...at, 'retryDelayMs'], `${name} has a retry delay but is not a retry topic.`, topic.id);
  if (topic.valueSchemaId !== undefined && !index.schemas.has(topic.valueSchemaId)) report([...at, 'valueSchemaId'], `${name} uses schema "${topic.valueSchemaId}", which is not in this design.`, topic.id);
  if (topic.key?.schemaId !== undefined && !index.schemas.has(topic.key.schemaId)) report([...at, 'key', 'schemaId'], `${name} keys on schema "${topic.key.schemaId}", which is not in this design.`, topic.id);
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
