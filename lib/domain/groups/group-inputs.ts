import { z } from 'zod';
import { INT64_MAX } from '../lag/offsets';
import type { OffsetResetStrategy } from '../lag/offset-reset';
import { clusterName, topicName } from '../topics/topic-inputs';

/** One zod schema per input, shared by the forms, the server actions and the adapter. */

export const groupId = z
  .string()
  .min(1, 'Enter a consumer group id.')
  .max(1000, 'Group ids longer than 1,000 characters are not supported here.')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'Group ids cannot contain control characters.');

// zod runs every check even after a failed regex: refinements parse only what the regex admits.
const offsetText = z.string().trim().regex(/^\d{1,19}$/, 'Offsets are whole numbers ≥ 0.').refine((s) => !/^\d{1,19}$/.test(s) || BigInt(s) <= INT64_MAX, `Offsets go up to ${INT64_MAX}.`);

/** What the form sends; timestamps are resolved to offsets by the adapter before planning. */
export const resetStrategyInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earliest') }),
  z.object({ kind: z.literal('latest') }),
  z.object({
    kind: z.literal('timestamp'),
    timestamp: z.coerce
      .number({ error: 'Choose a date and time.' })
      .int('Choose a date and time.')
      .min(0, 'Choose a date after 1970.')
      .max(8_640_000_000_000_000, 'Choose a real date.'),
  }),
  z.object({ kind: z.literal('offset'), offset: offsetText }),
  z.object({
    kind: z.literal('shift'),
    by: z
      .string()
      .trim()
      .regex(/^[+-]?\d{1,18}$/, 'Shift by a whole number of messages, negative to move back (e.g. -100).')
      .refine((s) => !/^[+-]?\d{1,18}$/.test(s) || BigInt(s) !== 0n, 'A shift of 0 changes nothing.'),
  }),
]);
export type ResetStrategyInput = z.infer<typeof resetStrategyInput>;

export const RESET_KINDS = ['earliest', 'latest', 'timestamp', 'offset', 'shift'] as const satisfies readonly OffsetResetStrategy['kind'][];

export const previewOffsetResetInput = z
  .object({
    cluster: clusterName,
    groupId,
    /** One topic, or null for every topic the group has offsets for. */
    topic: topicName.nullable(),
    /** Some partitions of that one topic; absent or null for all of them. */
    partitions: z
      .array(z.number().int().min(0).max(2_147_483_647))
      .min(1, 'Choose at least one partition to reset.')
      .max(100_000)
      .nullish(),
    strategy: resetStrategyInput,
  })
  .refine((v) => !v.partitions || v.topic !== null, { message: 'Choose one topic before choosing partitions.', path: ['partitions'] });
export type PreviewOffsetResetInput = z.infer<typeof previewOffsetResetInput>;

/**
 * Applying commits exactly what the preview showed (as kafka-consumer-groups --from-file does), so
 * "latest" does not silently become a later offset than the one the operator approved.
 */
export const applyOffsetResetInput = z.object({
  cluster: clusterName,
  groupId,
  topics: z
    .array(
      z.object({
        topic: topicName,
        partitions: z.array(z.object({ partition: z.number().int().min(0), offset: offsetText })).min(1, 'Nothing to reset in this topic.'),
      }),
    )
    .min(1, 'Preview the reset first.'),
});
export type ApplyOffsetResetInput = z.infer<typeof applyOffsetResetInput>;

export const deleteGroupInput = z
  .object({ cluster: clusterName, groupId, confirmation: z.string() })
  .refine((v) => v.confirmation === v.groupId, { message: 'Type the group id exactly to confirm.', path: ['confirmation'] });
export type DeleteGroupInput = z.infer<typeof deleteGroupInput>;

/** Checks an approved target against the partition as it is now; null when it can still be applied. */
export function resetTargetProblem(topic: string, target: { partition: number; offset: string }, now: { low: string; high: string } | undefined): string | null {
  if (!now) return `Topic "${topic}" has no partition ${target.partition} any more; preview again.`;
  const offset = BigInt(target.offset);
  if (offset < BigInt(now.low) || offset > BigInt(now.high)) {
    return `Partition ${target.partition} of "${topic}" now holds offsets ${now.low} to ${now.high}; ${target.offset} is outside them (retention deleted records since the preview). Preview again.`;
  }
  return null;
}
