'use server';
import { z } from 'zod';
import { authorize, type Permission } from '@/lib/auth/guard';
import { ConsoleError } from '@/lib/domain/console-error';
import { clusterName, designId, environmentName, revision } from '@/lib/domain/design/edit/design-inputs';
import type { PlanStepKind } from '@/lib/domain/design/plan';
import { applyStep, designPorts } from '@/lib/kafka/design-operations';
import { designStore } from '@/lib/store';
import { defineAction } from '../safe-action';

/** Each kind of step needs the same permission as doing it by hand in the console. */
const STEP_PERMISSION: Record<PlanStepKind, Permission> = {
  'create-topic': 'topic:create',
  'add-partitions': 'topic:alter',
  'alter-configs': 'topic:alter',
  'reset-config': 'topic:alter',
  'delete-topic': 'topic:delete',
  'set-compatibility': 'schema:write',
  'register-schema': 'schema:write',
};

/**
 * Applies one step of the saved design's plan. The step is named by id and re-derived on the
 * server from the stored design and the live cluster, so a client cannot send an arbitrary
 * operation; a step that is no longer needed is skipped. Every attempt is recorded in the design's
 * audit of applies.
 */
export const applyPlanStep = defineAction({
  name: 'apply-plan-step',
  schema: z.object({ id: designId, revision, cluster: clusterName, environment: environmentName, include: z.array(z.string().max(600)).max(10_000).default([]), stepId: z.string().min(1).max(600) }),
  permission: 'design:apply',
  handler: async ({ id, revision: planned, cluster, environment, include, stepId }, { principal }) => {
    const store = designStore();
    const stored = await store.get(id);
    if (stored.revision !== planned) {
      throw new ConsoleError({ category: 'conflict', message: `The design changed (revision ${stored.revision}) since this plan was made from revision ${planned}; plan again.`, retryable: false });
    }
    const kind = stepId.split(':')[0] as PlanStepKind;
    if (!(kind in STEP_PERMISSION)) throw new ConsoleError({ category: 'invalid-input', message: `"${stepId}" is not a plan step.`, retryable: false });
    await authorize({ permission: STEP_PERMISSION[kind], cluster, resource: stepId.slice(kind.length + 1) });
    const result = await applyStep(designPorts(cluster), stored.document, { environment, include, stepId });
    await store.recordApply({
      designId: id,
      designRevision: planned,
      cluster,
      environment,
      stepId,
      stepKind: kind,
      description: result.step?.description ?? result.message,
      outcome: result.outcome,
      error: result.outcome === 'failed' ? result.message : null,
      principal: principal.id,
    });
    return { outcome: result.outcome, message: result.message, stepId };
  },
});
