'use server';
import { previewOffsetResetInput } from '@/lib/domain/groups/group-inputs';
import { consumerGroups } from '@/lib/kafka/groups';
import { defineAction } from '../safe-action';

/** Reads only: what a reset would commit. Guarded as a read of the group. */
export const previewOffsetReset = defineAction({
  name: 'preview-offset-reset',
  schema: previewOffsetResetInput,
  permission: 'group:read',
  handler: ({ cluster, ...input }) => consumerGroups(cluster).previewOffsetReset(input),
});
