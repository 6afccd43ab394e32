'use server';
import { z } from 'zod';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';
import { designId, revision } from '@/lib/domain/design/edit/design-inputs';

export const getDesignVersion = defineAction({
  name: 'get-design-version',
  schema: z.object({ id: designId, revision }),
  permission: 'design:read',
  handler: async ({ id, revision: r }) => designStore().getVersion(id, r),
});
