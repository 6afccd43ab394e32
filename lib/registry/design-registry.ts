import 'server-only';
import { basicAuthHeader } from '@/lib/health/http-probe';
import { clusterConfig } from '@/lib/config/load-config';
import { ConsoleError } from '@/lib/domain/console-error';
import type { LiveSubject } from '@/lib/domain/design/live-state';
import { COMPATIBILITY_LEVELS, SCHEMA_FORMATS, type CompatibilityLevel, type EventSchema, type SchemaFormat } from '@/lib/domain/design/model';

/**
 * What the designer needs from a Confluent-compatible schema registry (Confluent, Apicurio's
 * /apis/ccompat/v7, Karapace): read subjects with their versions and compatibility, register,
 * set compatibility, and ask the registry's own compatibility check. Plain REST with fetch, so
 * writes and the verbose compatibility answer are available (the serde client used for decoding
 * offers neither). Throws only ConsoleError.
 */
export interface RegisteredVersion {
  version: number;
  format: SchemaFormat;
  definition: string;
}

export interface RegistryCompatibility {
  compatible: boolean;
  /** The registry's own explanations, when it gives them (Confluent does with ?verbose=true; Apicurio does not). */
  messages: string[];
}

export interface DesignRegistry {
  subjects(): Promise<string[]>;
  /** Null when the subject does not exist. */
  latest(subject: string): Promise<RegisteredVersion | null>;
  /** Newest `limit` versions, oldest first; empty when the subject does not exist. */
  versions(subject: string, limit?: number): Promise<RegisteredVersion[]>;
  /** The level that applies to the subject (the registry answers the global default when the subject has none of its own). */
  compatibility(subject: string): Promise<CompatibilityLevel | null>;
  setCompatibility(subject: string, level: CompatibilityLevel): Promise<void>;
  register(subject: string, schema: { format: SchemaFormat; definition: string; references: EventSchema['references'] }): Promise<{ id: number }>;
  testCompatibility(subject: string, schema: { format: SchemaFormat; definition: string }): Promise<RegistryCompatibility>;
  /** The subjects' state as a plan compares it. */
  liveSubjects(subjects: readonly string[]): Promise<LiveSubject[]>;
}

const MEDIA = 'application/vnd.schemaregistry.v1+json';

export function designRegistry(clusterName: string): DesignRegistry {
  const config = clusterConfig(clusterName).schemaRegistry;
  const unsupported = () =>
    new ConsoleError({ category: 'unsupported', message: `Cluster "${clusterName}" has no schema registry configured (schemaRegistry.url in the console config).`, retryable: false });

  async function call<T>(method: string, path: string, body?: unknown, allow404 = false): Promise<T | null> {
    if (!config) throw unsupported();
    let res: Response;
    try {
      res = await fetch(`${config.url.replace(/\/$/, '')}${path}`, {
        method,
        headers: { Accept: `${MEDIA}, application/json`, ...(body === undefined ? {} : { 'Content-Type': MEDIA }), ...basicAuthHeader(config.auth) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
        cache: 'no-store',
      });
    } catch (e) {
      throw new ConsoleError({ category: 'unavailable', message: `Cannot reach the schema registry of cluster "${clusterName}" (${config.url}): ${(e as Error).message}.`, retryable: true }, { cause: e });
    }
    if (res.status === 404 && allow404) return null;
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const message = (json as { message?: string } | null)?.message ?? text.slice(0, 300);
      const category = res.status === 409 ? 'conflict' : res.status === 422 || res.status === 400 ? 'invalid-input' : res.status === 404 ? 'not-found' : res.status === 401 || res.status === 403 ? 'forbidden' : 'unavailable';
      throw new ConsoleError({ category, message: `The schema registry refused ${method} ${decodeURIComponent(path)}: ${message} (HTTP ${res.status}).`, retryable: res.status >= 500 });
    }
    return json as T;
  }

  const enc = encodeURIComponent;
  const formatOf = (schemaType: string | undefined): SchemaFormat => (SCHEMA_FORMATS as readonly string[]).includes(schemaType ?? '') ? (schemaType as SchemaFormat) : 'AVRO';
  type VersionBody = { version: number; schema: string; schemaType?: string };
  const toVersion = (v: VersionBody): RegisteredVersion => ({ version: v.version, format: formatOf(v.schemaType), definition: v.schema });

  const self: DesignRegistry = {
    subjects: async () => ((await call<string[]>('GET', '/subjects')) ?? []).sort(),
    latest: async (subject) => {
      const v = await call<VersionBody>('GET', `/subjects/${enc(subject)}/versions/latest`, undefined, true);
      return v ? toVersion(v) : null;
    },
    versions: async (subject, limit = 20) => {
      const numbers = await call<number[]>('GET', `/subjects/${enc(subject)}/versions`, undefined, true);
      if (!numbers) return [];
      const wanted = [...numbers].sort((a, b) => a - b).slice(-limit);
      const out = await Promise.all(wanted.map((n) => call<VersionBody>('GET', `/subjects/${enc(subject)}/versions/${n}`, undefined, true)));
      return out.filter((v): v is VersionBody => v !== null).map(toVersion);
    },
    compatibility: async (subject) => {
      const c = await call<{ compatibilityLevel?: string; compatibility?: string }>('GET', `/config/${enc(subject)}`, undefined, true);
      const level = c?.compatibilityLevel ?? c?.compatibility;
      return level && (COMPATIBILITY_LEVELS as readonly string[]).includes(level) ? (level as CompatibilityLevel) : null;
    },
    setCompatibility: async (subject, level) => {
      await call('PUT', `/config/${enc(subject)}`, { compatibility: level });
    },
    register: async (subject, schema) => {
      const body = { schema: schema.definition, ...(schema.format === 'AVRO' ? {} : { schemaType: schema.format }), ...(schema.references.length ? { references: schema.references } : {}) };
      const r = await call<{ id: number }>('POST', `/subjects/${enc(subject)}/versions`, body);
      return { id: r?.id ?? -1 };
    },
    testCompatibility: async (subject, schema) => {
      const body = { schema: schema.definition, ...(schema.format === 'AVRO' ? {} : { schemaType: schema.format }) };
      const r = await call<{ is_compatible?: boolean; messages?: string[] }>('POST', `/compatibility/subjects/${enc(subject)}/versions/latest?verbose=true`, body);
      return { compatible: r?.is_compatible === true, messages: r?.messages ?? [] };
    },
    liveSubjects: async (subjects) => {
      if (!config) return [];
      const existing = new Set(await self.subjects());
      return Promise.all(
        subjects.map(async (subject): Promise<LiveSubject> => {
          const [latest, compatibility] = await Promise.all([existing.has(subject) ? self.latest(subject) : Promise.resolve(null), self.compatibility(subject)]);
          return { subject, latest, compatibility };
        }),
      );
    },
  };
  return self;
}
