import type { ApplyOffsetResetInput, PreviewOffsetResetInput } from '@/lib/domain/groups/group-inputs';
import type { AppliedOffsetReset, ConsumerGroupDetail, ConsumerGroupSummary, OffsetResetPreview } from '@/lib/domain/groups/group-model';

/**
 * Consumer groups of one cluster, in plain DTOs; every method throws only ConsoleError.
 * Implementation: kafkajs (groups-service.ts), reading lag through the cluster's shared sampler.
 */
export interface ConsumerGroupService {
  /** Every group with its lag and Burrow status, read at most one sampling interval ago. */
  list(): Promise<ConsumerGroupSummary[]>;
  /** Members, assignments and per-partition lag; not-found when the group does not exist. */
  describe(groupId: string): Promise<ConsumerGroupDetail>;
  /** What a reset would commit, per partition; changes nothing. */
  previewOffsetReset(input: Omit<PreviewOffsetResetInput, 'cluster'>): Promise<OffsetResetPreview>;
  /** Commits the previewed offsets; refused unless the group is Empty. */
  applyOffsetReset(input: Omit<ApplyOffsetResetInput, 'cluster'>): Promise<AppliedOffsetReset>;
  /** Deletes an Empty group and its committed offsets. */
  delete(groupId: string): Promise<void>;
}
