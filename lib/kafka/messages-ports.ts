import type { BrowseRequest, BrowseResult } from '@/lib/domain/messages/browse-plan';
import type { MessageView } from '@/lib/domain/messages/message-model';
import type { ProduceMessageInput } from '@/lib/domain/messages/produce-input';

export type { BrowseResult };

export interface ProducedRecord {
  partition: number;
  offset: string;
  schemaId?: number;
}

/**
 * Messages of one cluster. Reads never commit offsets and never leave consumer groups behind;
 * failures are ConsoleErrors (a filter that does not compile: invalid-input on field "filter").
 */
export interface MessageService {
  browse(request: BrowseRequest): Promise<BrowseResult>;
  /** One record, with its whole value (up to MAX_FULL_VALUE_BYTES); null when it is not there. */
  fetchOne(topic: string, partition: number, offset: string): Promise<MessageView | null>;
  produce(input: ProduceMessageInput): Promise<ProducedRecord>;
}
