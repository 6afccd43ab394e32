/**
 * Topic-level configs of Apache Kafka 4.x: what each means in a sentence, and how to check a value
 * before the broker does, so the form can say precisely what is wrong. The broker still validates
 * everything (it is the authority); this catalog only makes errors arrive earlier and clearer.
 */
export type ConfigType = 'long' | 'int' | 'double' | 'boolean' | 'enum' | 'list' | 'string';

export interface TopicConfigSpec {
  name: string;
  type: ConfigType;
  description: string;
  /** Allowed values for enums and lists. */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** Shown next to numbers so "604800000" reads as "7 days". */
  unit?: 'ms' | 'bytes';
}

const spec = (s: TopicConfigSpec) => s;
const LONG_MAX = Number.MAX_SAFE_INTEGER;

export const TOPIC_CONFIGS: readonly TopicConfigSpec[] = [
  spec({ name: 'cleanup.policy', type: 'list', values: ['delete', 'compact'], description: 'How old segments are discarded: delete by retention time/size, compact to the latest value per key, or both.' }),
  spec({ name: 'compression.type', type: 'enum', values: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'], description: 'Compression the broker stores batches with; "producer" keeps what the producer sent.' }),
  spec({ name: 'compression.gzip.level', type: 'int', min: 1, max: 9, description: 'Level used when compression.type is gzip.' }),
  spec({ name: 'compression.lz4.level', type: 'int', min: 1, max: 17, description: 'Level used when compression.type is lz4.' }),
  spec({ name: 'compression.zstd.level', type: 'int', min: -131072, max: 22, description: 'Level used when compression.type is zstd.' }),
  spec({ name: 'delete.retention.ms', type: 'long', min: 0, unit: 'ms', description: 'How long tombstones are kept on a compacted topic, so consumers still see deletes.' }),
  spec({ name: 'file.delete.delay.ms', type: 'long', min: 0, unit: 'ms', description: 'Wait before a deleted segment file is removed from disk.' }),
  spec({ name: 'flush.messages', type: 'long', min: 1, description: 'Force an fsync after this many messages (normally left to the OS and replication).' }),
  spec({ name: 'flush.ms', type: 'long', min: 0, unit: 'ms', description: 'Force an fsync after this much time (normally left to the OS and replication).' }),
  spec({ name: 'follower.replication.throttled.replicas', type: 'string', description: 'Replicas whose follower-side replication is throttled (partition:broker list, or *).' }),
  spec({ name: 'index.interval.bytes', type: 'int', min: 0, unit: 'bytes', description: 'How often an offset index entry is written.' }),
  spec({ name: 'leader.replication.throttled.replicas', type: 'string', description: 'Replicas whose leader-side replication is throttled (partition:broker list, or *).' }),
  spec({ name: 'local.retention.bytes', type: 'long', min: -2, unit: 'bytes', description: 'With tiered storage: bytes kept on local disk before only the remote copy remains (-2 = retention.bytes).' }),
  spec({ name: 'local.retention.ms', type: 'long', min: -2, unit: 'ms', description: 'With tiered storage: time kept on local disk before only the remote copy remains (-2 = retention.ms).' }),
  spec({ name: 'max.compaction.lag.ms', type: 'long', min: 1, unit: 'ms', description: 'Longest a message may stay uncompacted.' }),
  spec({ name: 'max.message.bytes', type: 'int', min: 0, unit: 'bytes', description: 'Largest record batch the broker accepts for this topic.' }),
  spec({ name: 'message.timestamp.after.max.ms', type: 'long', min: 0, unit: 'ms', description: 'How far in the future a CreateTime timestamp may be before the record is rejected.' }),
  spec({ name: 'message.timestamp.before.max.ms', type: 'long', min: 0, unit: 'ms', description: 'How far in the past a CreateTime timestamp may be before the record is rejected.' }),
  spec({ name: 'message.timestamp.type', type: 'enum', values: ['CreateTime', 'LogAppendTime'], description: 'Whether record timestamps come from the producer or from the broker at append.' }),
  spec({ name: 'min.cleanable.dirty.ratio', type: 'double', min: 0, max: 1, description: 'Share of the log that must be uncompacted before the cleaner compacts it.' }),
  spec({ name: 'min.compaction.lag.ms', type: 'long', min: 0, unit: 'ms', description: 'Shortest time a message stays uncompacted.' }),
  spec({ name: 'min.insync.replicas', type: 'int', min: 1, description: 'Replicas that must acknowledge a write with acks=all; usually replication factor − 1.' }),
  spec({ name: 'preallocate', type: 'boolean', description: 'Preallocate segment files on disk.' }),
  spec({ name: 'remote.log.copy.disable', type: 'boolean', description: 'With tiered storage: stop copying segments to remote storage.' }),
  spec({ name: 'remote.log.delete.on.disable', type: 'boolean', description: 'With tiered storage: delete remote segments when remote storage is turned off.' }),
  spec({ name: 'remote.storage.enable', type: 'boolean', description: 'Move old segments to tiered (remote) storage.' }),
  spec({ name: 'retention.bytes', type: 'long', min: -1, unit: 'bytes', description: 'Per-partition size kept before old segments are deleted (-1 = unlimited).' }),
  spec({ name: 'retention.ms', type: 'long', min: -1, unit: 'ms', description: 'How long messages are kept before deletion (-1 = forever).' }),
  spec({ name: 'segment.bytes', type: 'int', min: 1_048_576, unit: 'bytes', description: 'Size of a log segment file; retention and compaction act on whole segments.' }),
  spec({ name: 'segment.index.bytes', type: 'int', min: 4, unit: 'bytes', description: 'Size of the offset index per segment.' }),
  spec({ name: 'segment.jitter.ms', type: 'long', min: 0, unit: 'ms', description: 'Random jitter on segment.ms so segments do not all roll at once.' }),
  spec({ name: 'segment.ms', type: 'long', min: 1, unit: 'ms', description: 'Roll a new segment after this long, even if it is not full.' }),
  spec({ name: 'unclean.leader.election.enable', type: 'boolean', description: 'Let an out-of-sync replica become leader (availability over durability: may lose data).' }),
];

const BY_NAME = new Map(TOPIC_CONFIGS.map((c) => [c.name, c]));

export function topicConfigSpec(name: string): TopicConfigSpec | undefined {
  return BY_NAME.get(name);
}

/** Returns why `value` is not acceptable for config `name`, or null when it is. */
export function topicConfigProblem(name: string, value: string): string | null {
  const s = BY_NAME.get(name);
  if (!s) {
    const hint = closestConfigName(name);
    return `"${name}" is not a topic config${hint ? `; did you mean "${hint}"?` : '.'}`;
  }
  const v = value.trim();
  if (v === '' && s.type !== 'string') return `${name} needs a value.`;
  switch (s.type) {
    case 'long':
    case 'int': {
      if (!/^-?\d+$/.test(v)) return `${name} must be a whole number; "${value}" is not.`;
      return rangeProblem(s, Number(v));
    }
    case 'double': {
      if (!/^-?\d+(\.\d+)?$/.test(v)) return `${name} must be a number; "${value}" is not.`;
      return rangeProblem(s, Number(v));
    }
    case 'boolean':
      return v === 'true' || v === 'false' ? null : `${name} must be true or false.`;
    case 'enum':
      return s.values!.includes(v) ? null : `${name} must be one of ${s.values!.join(', ')}; "${value}" is not.`;
    case 'list': {
      const items = v.split(',').map((x) => x.trim());
      const bad = items.filter((x) => !s.values!.includes(x));
      return bad.length === 0 ? null : `${name} takes ${s.values!.join(' and/or ')} (comma-separated); "${bad.join(', ')}" is not allowed.`;
    }
    case 'string':
      return null;
  }
}

function rangeProblem(s: TopicConfigSpec, n: number): string | null {
  const max = s.max ?? (s.type === 'int' ? 2_147_483_647 : LONG_MAX);
  if (s.min !== undefined && n < s.min) return `${s.name} must be at least ${s.min}; ${n} is too small.`;
  if (n > max) return `${s.name} must be at most ${max}; ${n} is too large.`;
  return null;
}

/** Nearest known name by edit distance, for typo hints ("retention.m" → "retention.ms"). */
export function closestConfigName(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 4)) + 1;
  for (const c of TOPIC_CONFIGS) {
    const d = editDistance(name, c.name);
    if (d < bestDistance) {
      best = c.name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** "604800000" ms → "7 d"; used beside raw values, never instead of them. */
export function humanizeConfigValue(name: string, value: string | null): string | null {
  const s = BY_NAME.get(name);
  if (!s?.unit || value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  if (s.unit === 'ms') {
    const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
    for (const [size, label] of units) if (n >= size && n % size === 0) return `${n / size} ${label}`;
    return null;
  }
  const units: [number, string][] = [[1024 ** 3, 'GiB'], [1024 ** 2, 'MiB'], [1024, 'KiB']];
  for (const [size, label] of units) if (n >= size) return `${+(n / size).toFixed(1)} ${label}`;
  return null;
}
