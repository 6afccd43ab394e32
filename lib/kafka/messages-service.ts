import 'server-only';
import type { Producer } from 'kafkajs';
import { ConsoleError } from '@/lib/domain/console-error';
import { assemblePage, planBrowse, type BrowseRequest, type BrowseResult, type PartitionWatermarks, type RangeResult } from '@/lib/domain/messages/browse-plan';
import { toMessageView, type PreviewLimits, type RawRecord } from '@/lib/domain/messages/decode-part';
import type { MessageView } from '@/lib/domain/messages/message-model';
import type { ProduceMessageInput } from '@/lib/domain/messages/produce-input';
import { codecFor, encodeWithSubject, type MessageCodec } from '@/lib/registry/message-codec';
import type { MessageFilter } from '@/lib/sandbox/message-filter';
import { readRanges } from './browse-consumer';
import { withAdmin } from './call';
import { isUnknownTopicError, toConsoleError } from './errors';
import { compileUserFilter, filterInputOfRecord } from './messages-filter';
import { producerFor, replaceProducer } from './messages-producer';
import type { MessageService, ProducedRecord } from './messages-ports';

/** A page travels to the browser in one response: previews are kept short, the whole value is one click away. */
export const PAGE_PREVIEW_LIMITS: PreviewLimits = { maxChars: 8 * 1024, maxBinaryBytes: 4 * 1024, hexBytes: 64 };
/** What a filter sees: whole values up to this size (a cut value is tested as its text prefix). */
export const FILTER_LIMITS: PreviewLimits = { maxChars: 1024 * 1024, maxBinaryBytes: 1024 * 1024, hexBytes: 0 };
export const MAX_FULL_VALUE_BYTES = 8 * 1024 * 1024;
const FULL_LIMITS: PreviewLimits = { maxChars: MAX_FULL_VALUE_BYTES, maxBinaryBytes: MAX_FULL_VALUE_BYTES, hexBytes: 256 };

export async function topicWatermarks(clusterName: string, topic: string): Promise<PartitionWatermarks[]> {
  return withAdmin(
    clusterName,
    async (admin) => {
      if (!(await admin.listTopics()).includes(topic)) throw new ConsoleError({ category: 'not-found', message: `Topic "${topic}" does not exist.`, retryable: false });
      try {
        return (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, low: o.low, high: o.high }));
      } catch (e) {
        // kafkajs looks for "broker -1" when a partition has no leader and calls the whole cluster unreachable: say which partitions are offline.
        const { topics } = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => ({ topics: [] }));
        const leaderless = (topics[0]?.partitions ?? []).filter((p) => p.leader < 0).map((p) => p.partitionId);
        if (leaderless.length) throw offlinePartitions(topic, leaderless);
        throw e;
      }
    },
    { topic },
  );
}

function offlinePartitions(topic: string, partitions: number[]): ConsoleError {
  const which = partitions.length === 1 ? `Partition ${partitions[0]}` : `Partitions ${partitions.join(', ')}`;
  return new ConsoleError({
    category: 'unavailable',
    title: partitions.length === 1 ? 'A partition is offline' : 'Partitions are offline',
    message: `${which} of topic "${topic}" ${partitions.length === 1 ? 'has' : 'have'} no leader: the brokers that hold ${partitions.length === 1 ? 'its' : 'their'} replicas are down, or a leader is being elected. Its messages can be read once one is back.`,
    retryable: true,
  });
}

/** Decodes a batch for display; with a filter, tests whole values first and decodes matches again for the preview. */
export class RecordMatcher {
  evaluationErrors = 0;
  firstError: string | undefined;

  constructor(
    private readonly codec: MessageCodec,
    private readonly filter: MessageFilter | null,
    private readonly limits: PreviewLimits,
  ) {}

  async matches(records: readonly RawRecord[]): Promise<MessageView[]> {
    await this.codec.prepare(records);
    const preview = (r: RawRecord) => toMessageView(r, (b) => this.codec.decode(b, this.limits));
    const filter = this.filter;
    if (!filter) return records.map(preview);
    // One sandbox call per batch of records (testBatch), not one per record.
    const outcomes = filter.testBatch(records.map((r) => filterInputOfRecord(r, this.codec, FILTER_LIMITS, filter.parameters)));
    const out: MessageView[] = [];
    records.forEach((r, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) {
        this.evaluationErrors++;
        this.firstError ??= `${outcome.error.message} (partition ${r.partition}, offset ${r.offset})`;
      } else if (outcome.match) {
        out.push(preview(r));
      }
    });
    return out;
  }
}

export function kafkajsMessageService(clusterName: string): MessageService {
  return {
    async browse(request: BrowseRequest): Promise<BrowseResult> {
      const watermarks = await topicWatermarks(clusterName, request.topic);
      let timestampOffsets: Map<number, string> | undefined;
      if (request.start.from === 'timestamp') {
        const at = request.start.timestamp;
        const found = await withAdmin(clusterName, (admin) => admin.fetchTopicOffsetsByTimestamp(request.topic, at), { topic: request.topic });
        timestampOffsets = new Map(found.map((o) => [o.partition, o.offset]));
      }
      const planned = planBrowse(request, watermarks, { timestampOffsets });
      if (!planned.ok) throw new ConsoleError({ category: 'invalid-input', message: planned.error, retryable: false });
      const { plan } = planned;
      const filter = await compileUserFilter(request.filter);
      try {
        const matcher = new RecordMatcher(codecFor(clusterName), filter, PAGE_PREVIEW_LIMITS);
        const results = new Map<number, RangeResult>(plan.ranges.map((r) => [r.partition, { partition: r.partition, matches: [], scannedTo: r.from, scanned: 0 }]));
        const read = await readRanges(clusterName, request.topic, plan.ranges, {
          partitions: watermarks.map((w) => w.partition),
          onRecords: async (partition, records) => {
            const result = results.get(partition)!;
            result.scanned += records.length;
            result.matches.push(...(await matcher.matches(records)));
            // Going forward a partition never needs more than a page of matches; going back, the newest ones count, so read the range to its end.
            return plan.direction === 'forward' && result.matches.length >= request.limit ? 'partition-done' : 'continue';
          },
        });
        for (const [partition, position] of read.positions) results.get(partition)!.scannedTo = position;
        const page = assemblePage(request.topic, plan, [...results.values()], request.limit, watermarks);
        return { ...page, filterErrors: matcher.evaluationErrors, ...(matcher.firstError ? { filterError: matcher.firstError } : {}) };
      } finally {
        filter?.dispose();
      }
    },

    async fetchOne(topic, partition, offset) {
      const at = BigInt(offset);
      const codec = codecFor(clusterName);
      let found: MessageView | null = null;
      await readRanges(clusterName, topic, [{ partition, from: at, to: at + 1n }], {
        consumerOptions: { maxBytesPerPartition: MAX_FULL_VALUE_BYTES + 1024 * 1024, maxBytes: MAX_FULL_VALUE_BYTES + 1024 * 1024 },
        onRecords: async (_p, records) => {
          await codec.prepare(records);
          const record = records.find((r) => r.offset === offset);
          if (record) found = toMessageView(record, (b) => codec.decode(b, FULL_LIMITS));
          return 'stop' as const;
        },
      });
      return found;
    },

    async produce(input: ProduceMessageInput): Promise<ProducedRecord> {
      let value: Buffer | null = null;
      let schemaId: number | undefined;
      if (input.value !== null) {
        switch (input.encoding) {
          case 'text':
          case 'json':
            value = Buffer.from(input.value, 'utf8');
            break;
          case 'base64':
            value = Buffer.from(input.value.replace(/\s+/g, ''), 'base64');
            break;
          case 'schema': {
            const encoded = await encodeWithSubject(clusterName, input.subject!, JSON.parse(input.value));
            value = encoded.bytes;
            schemaId = encoded.schemaId;
            break;
          }
        }
      }
      const send = async (producer: Producer) =>
        producer.send({
          topic: input.topic,
          acks: -1,
          messages: [
            {
              key: input.key === undefined || input.key === '' ? null : input.key,
              value,
              partition: input.partition,
              headers: Object.fromEntries(groupHeaders(input.headers)),
            },
          ],
        });
      try {
        const producer = await producerFor(clusterName);
        // An unknown-topic failure comes from kafkajs's metadata refresh, before anything is sent:
        // a fresh producer (without deleted topics in its list) may try once more.
        const [meta] = await send(producer).catch(async (e: unknown) => {
          if (!isUnknownTopicError(e)) throw e;
          replaceProducer(clusterName, producer);
          return send(await producerFor(clusterName));
        });
        if (!meta) throw new ConsoleError({ category: 'internal', message: 'The broker did not acknowledge the record.', retryable: true });
        return { partition: meta.partition, offset: meta.baseOffset ?? '0', ...(schemaId !== undefined ? { schemaId } : {}) };
      } catch (e) {
        throw toConsoleError(e, { clusterName, topic: input.topic });
      }
    },
  };
}

/** kafkajs takes repeated header keys as arrays. */
function groupHeaders(headers: readonly { key: string; value: string }[]): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const { key, value } of headers) {
    const existing = out.get(key);
    out.set(key, existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return out;
}

