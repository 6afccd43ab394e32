'use server';
import { revalidatePath } from 'next/cache';
import { applyOffsetResetInput } from '@/lib/domain/groups/group-inputs';
import { consumerGroups } from '@/lib/kafka/groups';
import { defineAction } from '../safe-action';

export const resetOffsets = defineAction({
  name: 'reset-offsets',
  schema: applyOffsetResetInput,
  permission: 'group:reset-offsets',
  handler: async ({ cluster, ...input }) => {
    const applied = await consumerGroups(cluster).applyOffsetReset(input);
    revalidatePath(`/clusters/${cluster}/groups`, 'layout');
    return applied;
  },
});
