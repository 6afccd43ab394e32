'use server';
import { z } from 'zod';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';
import { designId } from '@/lib/domain/design/edit/design-inputs';

/** A read, as an action so the canvas can fetch it on demand through the same guard. */
export const listDesignVersions = defineAction({
  name: 'list-design-versions',
  schema: z.object({ id: designId }),
  permission: 'design:read',
  handler: async ({ id }) => designStore().listVersions(id),
});
