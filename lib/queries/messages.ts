import 'server-only';
import { browseRequestOf, browseSearchParams } from '@/lib/domain/messages/browse-plan';
import { kafkajsMessageService, topicWatermarks } from '@/lib/kafka/messages-service';
import { hasRegistry, listSubjects } from '@/lib/registry/registry-client';
import { ConsoleError } from '@/lib/domain/console-error';
import { guardedLoad } from './guarded-load';

type Search = Record<string, string | string[] | undefined>;

const firstValues = (search: Search) => Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

/** A page of messages for the browse view; a bad query or filter comes back as an error naming the field. */
export function loadMessagePage(cluster: string, topic: string, search: Search) {
  return guardedLoad({ permission: 'message:read', cluster, resource: topic }, async () => {
    const parsed = browseSearchParams.safeParse(firstValues(search));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConsoleError({ category: 'invalid-input', message: issue.message, retryable: false, field: issue.path.map(String).join('.') || 'form' });
    }
    const request = browseRequestOf(topic, parsed.data);
    return { request, page: await kafkajsMessageService(cluster).browse(request) };
  });
}

/** Registry subjects for the produce form (empty when the cluster has no registry). */
export function loadSubjects(cluster: string) {
  return guardedLoad({ permission: 'message:produce', cluster }, async () => (hasRegistry(cluster) ? listSubjects(cluster) : []));
}

/** The topic's partitions (and that it exists), for the messages pages. */
export function loadTopicPartitions(cluster: string, topic: string) {
  return guardedLoad({ permission: 'message:read', cluster, resource: topic }, () => topicWatermarks(cluster, topic));
}
