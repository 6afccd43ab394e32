'use server';
import { z } from 'zod';
import { saveDesign as checkDesign } from '@/lib/domain/design/document';
import { designStore } from '@/lib/store';
import { defineAction, ValidationFailure } from '../safe-action';
import { designId, revision } from '@/lib/domain/design/edit/design-inputs';

export const saveDesign = defineAction({
  name: 'save-design',
  // The document is checked against the design format below, where its problems keep their paths.
  schema: z.object({ id: designId, baseRevision: revision, document: z.unknown() }),
  permission: 'design:write',
  handler: async ({ id, baseRevision, document }) => {
    const checked = checkDesign(document as never);
    if (!checked.ok) throw new ValidationFailure(Object.fromEntries(checked.problems.slice(0, 20).map((p) => [p.path.join('.') || 'document', p.message])));
    const saved = await designStore().save(id, { document: checked.design, baseRevision });
    return { revision: saved.revision, updatedAt: saved.updatedAt };
  },
});
