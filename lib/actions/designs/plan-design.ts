'use server';
import { z } from 'zod';
import { clusterName, designId, environmentName, revision } from '@/lib/domain/design/edit/design-inputs';
import { lintDesign } from '@/lib/domain/design/lint/lint-design';
import { designPorts, planDesign } from '@/lib/kafka/design-operations';
import { designStore } from '@/lib/store';
import { ConsoleError } from '@/lib/domain/console-error';
import { defineAction } from '../safe-action';

/** The plan for the saved design (what apply will run), against the cluster and registry as they are now. */
export const planDesignChanges = defineAction({
  name: 'plan-design',
  schema: z.object({ id: designId, revision, cluster: clusterName, environment: environmentName, include: z.array(z.string().max(600)).max(10_000).default([]) }),
  permission: 'design:read',
  handler: async ({ id, revision: planned, cluster, environment, include }) => {
    const stored = await designStore().get(id);
    if (stored.revision !== planned) {
      throw new ConsoleError({ category: 'conflict', message: `The design is at revision ${stored.revision}, this tab at ${planned}: reload or save before planning, so the plan is for the design you see.`, retryable: false });
    }
    const plan = await planDesign(designPorts(cluster), stored.document, { environment, include });
    const errors = lintDesign(stored.document, { environment }).filter((f) => f.severity === 'error').length;
    return { plan, lintErrors: errors };
  },
});
