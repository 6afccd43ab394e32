import type { NodeTypes } from '@xyflow/react';
import { ConnectorNode, NoteNode, SchemaNode } from './other-nodes';
import { ServiceNode } from './service-node';
import { DlqNode, RetryTopicNode, TopicNode } from './topic-nodes';

/** At module scope: React Flow re-mounts every node when this object changes identity. */
export const nodeTypes = {
  service: ServiceNode,
  topic: TopicNode,
  'retry-topic': RetryTopicNode,
  dlq: DlqNode,
  schema: SchemaNode,
  connector: ConnectorNode,
  note: NoteNode,
} satisfies NodeTypes;
