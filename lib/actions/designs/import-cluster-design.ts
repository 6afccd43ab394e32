'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { clusterName, designName } from '@/lib/domain/design/edit/design-inputs';
import { designFromCluster } from '@/lib/domain/design/edit/import-cluster';
import { readClusterSnapshot } from '@/lib/kafka/design-cluster-snapshot';
import { designStore } from '@/lib/store';
import { defineAction, ValidationFailure } from '../safe-action';

/** A new design from a live cluster: topics, groups as consumers, subjects as schemas, connectors. */
export const importClusterDesign = defineAction({
  name: 'import-cluster-design',
  schema: z.object({ cluster: clusterName, name: designName, filter: z.string().trim().max(249).default('') }),
  permission: 'design:write',
  handler: async ({ cluster, name, filter }) => {
    const { snapshot, warnings } = await readClusterSnapshot(cluster, filter);
    if (snapshot.topics.length === 0) throw new ValidationFailure({ filter: filter ? `No topic of cluster "${cluster}" contains "${filter}".` : `Cluster "${cluster}" has no topics to import.` });
    const imported = designFromCluster(snapshot, { name });
    const created = await designStore().create({ document: imported.design, origin: `cluster:${cluster}` });
    revalidatePath('/designs');
    return { id: created.id, name: created.name, warnings: [...warnings, ...imported.warnings] };
  },
});
