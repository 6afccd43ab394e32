'use server';
import { z } from 'zod';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';
import { designId, revision } from '@/lib/domain/design/edit/design-inputs';

export const restoreDesignVersion = defineAction({
  name: 'restore-design-version',
  schema: z.object({ id: designId, revision, baseRevision: revision }),
  permission: 'design:write',
  handler: async ({ id, revision: from, baseRevision }) => {
    const restored = await designStore().restore(id, { revision: from, baseRevision });
    return { revision: restored.revision, document: restored.document };
  },
});
