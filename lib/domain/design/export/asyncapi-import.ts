import { parse } from 'yaml';
import { topicNameProblem } from '../../topics/topic-name';
import {
  ACKS,
  COMPATIBILITY_LEVELS,
  DELIVERY_SEMANTICS,
  designDocumentSchema,
  ELEMENT_ID_PATTERN,
  ISOLATION_LEVELS,
  SERVICE_LANGUAGES,
  SERVICE_ROLES,
  type DesignDocument,
  type DesignDocumentInput,
  type SchemaFormat,
} from '../model';
import { designFormatOf } from './asyncapi-format';
import { bindingOf, channelKeyOf, componentRef, int, isObject, schemaValue, str, unescapePointer, type Json } from './json-reading';

export type AsyncApiImportResult = { ok: true; design: DesignDocument; warnings: string[] } | { ok: false; message: string };

type TopicInput = NonNullable<DesignDocumentInput['topics']>[number];
type SchemaInput = NonNullable<DesignDocumentInput['schemas']>[number];
type EdgeInput = NonNullable<DesignDocumentInput['edges']>[number];
type ServiceInput = NonNullable<DesignDocumentInput['services']>[number];

/** When a channel binding does not say; reported as a warning so the user checks them. */
const ASSUMED_PARTITIONS = 1;
const ASSUMED_REPLICATION_FACTOR = 3;

/**
 * An AsyncAPI 3.0 document (YAML or JSON) as a design: channels → topics (partitions, replicas and
 * configs from the Kafka channel binding), components.schemas and message payloads → schemas,
 * send/receive operations → produces/consumes edges (the service from the binding's clientId, the
 * consumer group from its groupId), plus what our own exporter keeps in `x-` extensions
 * (asyncapi-format.ts). Reads the document as data and follows local `$ref`s only; nothing is
 * fetched. What it has to guess or leave out is listed in `warnings`.
 */
export function importAsyncApi(text: string): AsyncApiImportResult {
  let root: unknown;
  try {
    root = parse(text);
  } catch (e) {
    return { ok: false, message: `The file is neither YAML nor JSON: ${(e as Error).message}` };
  }
  if (!isObject(root) || typeof root.asyncapi !== 'string') return { ok: false, message: 'This is not an AsyncAPI document: it has no "asyncapi" version field.' };
  if (!root.asyncapi.startsWith('3.')) return { ok: false, message: `This is AsyncAPI ${root.asyncapi}; only 3.x documents can be imported. Convert it first (asyncapi convert).` };
  return new Importer(root).run();
}

class Importer {
  private readonly warnings: string[] = [];
  private readonly usedIds = new Set<string>();
  private readonly schemas: SchemaInput[] = [];
  /** components.schemas key → schema id */
  private readonly componentSchemaIds = new Map<string, string>();
  private readonly topics: TopicInput[] = [];
  /** channel key → topic id */
  private readonly channelTopicIds = new Map<string, string>();
  private readonly edges: EdgeInput[] = [];
  /** service id → what its operations do */
  private readonly serviceRoles = new Map<string, Set<'send' | 'receive'>>();
  /** clientId (or x-services id) → service id */
  private readonly serviceIds = new Map<string, string>();
  private readonly listedServices: (Omit<ServiceInput, 'role'> & { role: ServiceInput['role'] | undefined })[] = [];

  constructor(private readonly root: Json) {}

  run(): AsyncApiImportResult {
    const info = isObject(this.root.info) ? this.root.info : {};
    this.importComponentSchemas();
    this.importChannels();
    this.importListedServices();
    this.importOperations(typeof info.title === 'string' ? info.title : 'application');
    const document: DesignDocumentInput = {
      version: 1,
      name: typeof info.title === 'string' && info.title.trim() ? info.title.slice(0, 200) : 'Imported AsyncAPI document',
      description: typeof info.description === 'string' ? info.description : undefined,
      services: this.services(),
      topics: this.topics,
      schemas: this.schemas,
      edges: this.edges,
    };
    const parsed = designDocumentSchema.safeParse(document);
    if (!parsed.success) {
      return { ok: false, message: `The document maps to an invalid design: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
    }
    return { ok: true, design: parsed.data, warnings: this.warnings };
  }

  private importComponentSchemas() {
    const components = isObject(this.root.components) ? this.root.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    for (const [key, entry] of Object.entries(schemas)) {
      const schema = this.schemaFrom(entry, key, `components.schemas.${key}`);
      if (schema) this.componentSchemaIds.set(key, schema.id);
    }
  }

  /** A schema from a components.schemas entry or an inline payload; null (with a warning) when it is not one a registry can hold. */
  private schemaFrom(entry: unknown, idBase: string, where: string, subjectFallback?: string): SchemaInput | null {
    const resolved = this.resolve(entry);
    if (!isObject(resolved)) {
      this.warn(`${where} is not a schema object; left out.`);
      return null;
    }
    const multiFormat = typeof resolved.schemaFormat === 'string';
    const format = designFormatOf(multiFormat ? (resolved.schemaFormat as string) : undefined);
    const body = multiFormat ? this.resolve(resolved.schema) : withoutExtensions(resolved);
    if (format === null) {
      this.warn(`${where} is ${String(resolved.schemaFormat)}, which a schema registry cannot hold; left out.`);
      return null;
    }
    let designFormat: SchemaFormat;
    let definition: string;
    if (format === 'PROTOBUF') {
      if (typeof body !== 'string') {
        this.warn(`${where} is Protobuf but not given as text; left out.`);
        return null;
      }
      designFormat = 'PROTOBUF';
      definition = body;
    } else {
      if (body === undefined || (isObject(body) && typeof body.$ref === 'string')) {
        this.warn(`${where} points at a schema outside the document; left out (nothing is fetched).`);
        return null;
      }
      if (format === 'ASYNCAPI') this.warn(`${where} is an AsyncAPI schema; imported as JSON Schema (draft-07), which it is a superset of.`);
      designFormat = format === 'ASYNCAPI' ? 'JSON' : format;
      definition = JSON.stringify(body, null, 2);
    }
    const ext = multiFormat ? resolved : {};
    const id = this.uniqueId(idBase);
    const compatibility = COMPATIBILITY_LEVELS.find((c) => c === ext['x-compatibility']);
    const schema: SchemaInput = {
      id,
      subject: typeof ext['x-subject'] === 'string' ? ext['x-subject'] : (subjectFallback ?? id),
      format: designFormat,
      definition,
      compatibility,
      references: Array.isArray(ext['x-references']) ? (ext['x-references'] as SchemaInput['references']) : [],
      description: typeof ext['x-description'] === 'string' ? ext['x-description'] : undefined,
    };
    this.schemas.push(schema);
    return schema;
  }

  private importChannels() {
    const channels = isObject(this.root.channels) ? this.root.channels : {};
    const messageSubjects = new Map<string, string>();
    for (const [key, raw] of Object.entries(channels)) {
      const channel = this.resolve(raw);
      if (!isObject(channel)) continue;
      const binding = bindingOf(channel);
      const name = str(binding.topic) ?? str(channel.address) ?? key;
      const problem = topicNameProblem(name);
      if (problem) {
        this.warn(`Channel "${key}" has the address "${name}", which is not a Kafka topic name (${problem}); left out.`);
        continue;
      }
      const partitions = int(binding.partitions);
      const replicas = int(binding.replicas);
      if (partitions === undefined) this.warn(`Channel "${key}" does not say how many partitions topic "${name}" has; assumed ${ASSUMED_PARTITIONS}.`);
      if (replicas === undefined) this.warn(`Channel "${key}" does not say how many replicas topic "${name}" has; assumed ${ASSUMED_REPLICATION_FACTOR}.`);
      const id = this.uniqueId(key);
      this.channelTopicIds.set(key, id);
      const { valueSchemaId, key: topicKey } = this.channelMessages(channel, key, name, messageSubjects);
      const kind = channel['x-topic-kind'] === 'retry' || channel['x-topic-kind'] === 'dlq' ? channel['x-topic-kind'] : 'events';
      this.topics.push({
        id,
        name,
        kind,
        sourceTopicId: str(channel['x-source-topic']),
        retryDelayMs: int(channel['x-retry-delay-ms']),
        partitions: partitions ?? ASSUMED_PARTITIONS,
        replicationFactor: replicas ?? ASSUMED_REPLICATION_FACTOR,
        configs: topicConfigs(binding),
        key: topicKey,
        valueSchemaId,
        owner: str(channel['x-owner']),
        description: str(channel.description),
      });
    }
    for (const schema of this.schemas) if (schema.subject === schema.id && messageSubjects.has(schema.id)) schema.subject = messageSubjects.get(schema.id)!;
    for (const topic of this.topics) {
      // Channel keys name the source in x-source-topic; our exporter uses topic ids as keys, others may not.
      if (topic.sourceTopicId !== undefined) topic.sourceTopicId = this.channelTopicIds.get(topic.sourceTopicId) ?? topic.sourceTopicId;
      // A retry or dead-letter topic carries its source's records: the design gets that schema from the source.
      const source = this.topics.find((t) => t.id === topic.sourceTopicId);
      if (topic.kind !== 'events' && source && source.valueSchemaId === topic.valueSchemaId) topic.valueSchemaId = undefined;
    }
  }

  private channelMessages(channel: Json, channelKey: string, topicName: string, messageSubjects: Map<string, string>): Pick<TopicInput, 'valueSchemaId' | 'key'> {
    const messages = isObject(channel.messages) ? Object.entries(channel.messages) : [];
    let valueSchemaId: string | undefined;
    let key: TopicInput['key'];
    for (const [messageKey, raw] of messages) {
      const message = this.resolve(raw);
      if (!isObject(message)) continue;
      const binding = isObject(message.bindings) && isObject(message.bindings.kafka) ? message.bindings.kafka : {};
      if (message.payload !== undefined && valueSchemaId === undefined) {
        const subject = str(message.name) ?? `${topicName}-value`;
        const component = componentRef(message.payload);
        if (component !== null) {
          valueSchemaId = this.componentSchemaIds.get(component);
          if (valueSchemaId !== undefined && !messageSubjects.has(valueSchemaId)) messageSubjects.set(valueSchemaId, subject);
        } else valueSchemaId = this.schemaFrom(message.payload, messageKey, `The payload of message "${messageKey}" in channel "${channelKey}"`, subject)?.id;
      } else if (message.payload !== undefined) {
        this.warn(`Channel "${channelKey}" has more than one message; a topic has one value schema, so only the first is kept.`);
      }
      if (binding.key !== undefined && key === undefined) key = this.keyFrom(binding, channelKey);
    }
    return { valueSchemaId, key };
  }

  private keyFrom(binding: Json, channelKey: string): TopicInput['key'] {
    const meaning = str(binding['x-key-meaning']);
    const component = componentRef(binding.key);
    if (component !== null) {
      const schemaId = this.componentSchemaIds.get(component);
      return { meaning: meaning ?? `Described by schema ${component}.`, schemaId };
    }
    const keySchema = this.resolve(binding.key);
    const description = isObject(keySchema) ? str(keySchema.description) : undefined;
    if (!description) this.warn(`The key of channel "${channelKey}" has no description; its schema is noted as the key's meaning.`);
    return { meaning: (meaning ?? description ?? `Key schema: ${JSON.stringify(keySchema)}`).slice(0, 500) };
  }

  private importOperations(applicationTitle: string) {
    const operations = isObject(this.root.operations) ? this.root.operations : {};
    const fallbackService = slug(applicationTitle);
    for (const [key, raw] of Object.entries(operations)) {
      const op = this.resolve(raw);
      if (!isObject(op) || op['x-derived-from'] !== undefined) continue;
      const channelKey = isObject(op.channel) ? channelKeyOf(op.channel.$ref) : null;
      const topicId = channelKey === null ? undefined : this.channelTopicIds.get(channelKey);
      if (topicId === undefined || (op.action !== 'send' && op.action !== 'receive')) {
        this.warn(`Operation "${key}" is not a send or receive on an imported channel; left out.`);
        continue;
      }
      const binding = bindingOf(op);
      let serviceId = schemaValue(binding.clientId);
      if (serviceId === undefined) {
        serviceId = fallbackService;
        this.warn(`Operation "${key}" names no clientId; attributed to "${serviceId}", the application the document describes.`);
      }
      serviceId = this.serviceIdFor(serviceId);
      const roles = this.serviceRoles.get(serviceId) ?? new Set();
      roles.add(op.action);
      this.serviceRoles.set(serviceId, roles);
      const id = this.uniqueId(key);
      const description = str(op.description);
      if (op.action === 'send') {
        this.edges.push({
          id,
          kind: 'produces',
          serviceId,
          topicId,
          delivery: DELIVERY_SEMANTICS.find((d) => d === op['x-delivery']),
          acks: ACKS.find((a) => a === op['x-acks']),
          idempotence: typeof op['x-idempotence'] === 'boolean' ? op['x-idempotence'] : undefined,
          transactional: typeof op['x-transactional'] === 'boolean' ? op['x-transactional'] : undefined,
          description,
        });
        continue;
      }
      let consumerGroup = schemaValue(binding.groupId);
      if (consumerGroup === undefined) {
        consumerGroup = serviceId;
        this.warn(`Operation "${key}" receives without a groupId; consumer group "${consumerGroup}" assumed.`);
      }
      this.edges.push({
        id,
        kind: 'consumes',
        serviceId,
        topicId,
        consumerGroup,
        delivery: DELIVERY_SEMANTICS.find((d) => d === op['x-delivery']),
        isolationLevel: ISOLATION_LEVELS.find((l) => l === op['x-isolation-level']),
        parallelism: int(op['x-parallelism']),
        retry: this.retryFrom(op['x-retry']),
        description,
      });
    }
  }

  private retryFrom(raw: unknown): Extract<EdgeInput, { kind: 'consumes' }>['retry'] {
    if (!isObject(raw) || int(raw.maxAttempts) === undefined) return undefined;
    const topicOf = (key: unknown) => (typeof key === 'string' ? (this.channelTopicIds.get(key) ?? key) : undefined);
    return {
      maxAttempts: int(raw.maxAttempts)!,
      backoffMs: int(raw.backoffMs),
      backoffMultiplier: typeof raw.backoffMultiplier === 'number' ? raw.backoffMultiplier : undefined,
      retryTopicIds: Array.isArray(raw.retryChannels) ? raw.retryChannels.map(topicOf).filter((t): t is string => t !== undefined) : [],
      dlqTopicId: topicOf(raw.deadLetterChannel),
    };
  }

  /** The services our exporter lists in x-services, with what operations cannot say (name, language, owner). */
  private importListedServices() {
    const listed = Array.isArray(this.root['x-services']) ? this.root['x-services'].filter(isObject) : [];
    for (const s of listed) {
      const clientId = str(s.id);
      if (clientId === undefined || this.serviceIds.has(clientId)) continue;
      const id = this.serviceIdFor(clientId);
      this.listedServices.push({
        id,
        name: str(s.name) ?? id,
        role: SERVICE_ROLES.find((r) => r === s.role),
        language: SERVICE_LANGUAGES.find((l) => l === s.language),
        owner: str(s.owner),
        description: str(s.description),
      });
    }
  }

  private serviceIdFor(clientId: string): string {
    let id = this.serviceIds.get(clientId);
    if (id === undefined) {
      id = this.uniqueId(clientId);
      this.serviceIds.set(clientId, id);
    }
    return id;
  }

  /** Listed services keep their role; the others get the role their operations show. */
  private services(): ServiceInput[] {
    const services: ServiceInput[] = this.listedServices.map((s) => ({ ...s, role: s.role ?? roleOf(this.serviceRoles.get(s.id)) }));
    const listed = new Set(services.map((s) => s.id));
    for (const [id, actions] of this.serviceRoles) if (!listed.has(id)) services.push({ id, name: id, role: roleOf(actions) });
    return services;
  }

  /** Follows local `$ref`s (`#/...`), up to a depth that no honest document needs; external ones are left as they are. */
  private resolve(value: unknown, depth = 0): unknown {
    if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/') || depth > 16) return value;
    let target: unknown = this.root;
    for (const segment of value.$ref.slice(2).split('/')) {
      const key = unescapePointer(segment);
      target = isObject(target) ? target[key] : undefined;
    }
    return this.resolve(target, depth + 1);
  }

  private uniqueId(base: string): string {
    const id = toElementId(base);
    let candidate = id;
    for (let n = 2; this.usedIds.has(candidate); n++) candidate = `${id.slice(0, 120)}-${n}`;
    this.usedIds.add(candidate);
    return candidate;
  }

  private warn(message: string) {
    this.warnings.push(message);
  }
}

function roleOf(actions: ReadonlySet<string> | undefined): ServiceInput['role'] {
  if (actions?.has('send') && actions.has('receive')) return 'both';
  return actions?.has('receive') ? 'consumer' : 'producer';
}

function topicConfigs(binding: Json): Record<string, string> {
  const configs: Record<string, string> = {};
  const typed = isObject(binding.topicConfiguration) ? binding.topicConfiguration : {};
  for (const [key, value] of Object.entries(typed)) {
    if (Array.isArray(value)) configs[key] = value.join(',');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') configs[key] = String(value);
  }
  const raw = isObject(binding['x-raw-configs']) ? binding['x-raw-configs'] : {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') configs[key] = value;
  return configs;
}

function withoutExtensions(schema: Json): Json {
  return Object.fromEntries(Object.entries(schema).filter(([k]) => !k.startsWith('x-')));
}

/** Any key as an element id: letters, digits, ".", "_", "-", starting with a letter or digit. */
function toElementId(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 128);
  return ELEMENT_ID_PATTERN.test(cleaned) ? cleaned : 'element';
}

function slug(title: string): string {
  return toElementId(title.toLowerCase().replace(/\s+/g, '-'));
}
