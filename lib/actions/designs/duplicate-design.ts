'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';
import { designId } from '@/lib/domain/design/edit/design-inputs';

export const duplicateDesign = defineAction({
  name: 'duplicate-design',
  schema: z.object({ id: designId }),
  permission: 'design:write',
  handler: async ({ id }) => {
    const copy = await designStore().duplicate(id);
    revalidatePath('/designs');
    return { id: copy.id, name: copy.name };
  },
});
