'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';
import { designId, designName, revision } from '@/lib/domain/design/edit/design-inputs';

export const renameDesign = defineAction({
  name: 'rename-design',
  schema: z.object({ id: designId, name: designName, baseRevision: revision }),
  permission: 'design:write',
  handler: async ({ id, name, baseRevision }) => {
    const renamed = await designStore().rename(id, { name, baseRevision });
    revalidatePath('/designs');
    return { id, name: renamed.name, revision: renamed.revision };
  },
});
