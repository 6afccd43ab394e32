'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { blankDesign, designFromTemplate } from '@/lib/domain/design/edit/new-design';
import { designStore } from '@/lib/store';
import { defineAction, ValidationFailure } from '../safe-action';
import { designName } from '@/lib/domain/design/edit/design-inputs';

export const createDesign = defineAction({
  name: 'create-design',
  schema: z.object({ name: designName, templateId: z.string().max(100).nullable() }),
  permission: 'design:write',
  handler: async ({ name, templateId }) => {
    const document = templateId ? designFromTemplate(templateId, name) : blankDesign(name);
    if (!document) throw new ValidationFailure({ templateId: `There is no template "${templateId}".` });
    const created = await designStore().create({ document, origin: templateId ? `template:${templateId}` : 'blank' });
    revalidatePath('/designs');
    return { id: created.id };
  },
});
