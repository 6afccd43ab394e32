'use server';
import { produceMessageInput } from '@/lib/domain/messages/produce-input';
import { kafkajsMessageService } from '@/lib/kafka/messages-service';
import { defineAction } from '../safe-action';

/** Sends one record through the cluster's shared idempotent producer (acks=all). */
export const produceMessage = defineAction({
  name: 'produce-message',
  schema: produceMessageInput,
  permission: 'message:produce',
  handler: (input) => kafkajsMessageService(input.cluster).produce(input),
});
