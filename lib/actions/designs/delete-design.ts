'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';
import { designId } from '@/lib/domain/design/edit/design-inputs';

export const deleteDesign = defineAction({
  name: 'delete-design',
  schema: z.object({ id: designId }),
  permission: 'design:write',
  handler: async ({ id }) => {
    await designStore().delete(id);
    revalidatePath('/designs');
    return { id };
  },
});
