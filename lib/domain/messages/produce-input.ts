import { z } from 'zod';
import { clusterName, topicName } from '../topics/topic-inputs';

/**
 * The produce form, its server action and the producer share this schema. Values are typed as
 * text; `encoding` says what the text is: sent as UTF-8 ("text", "json", checked to parse), decoded
 * from base64 ("base64"), or parsed as JSON and encoded with a registry subject's latest schema
 * ("schema", validated against it before anything is sent).
 */
export const MAX_PRODUCE_BYTES = 1024 * 1024;

export const produceEncodings = ['text', 'json', 'base64', 'schema'] as const;
export type ProduceEncoding = (typeof produceEncodings)[number];

const header = z.object({ key: z.string().min(1, 'A header needs a name.').max(256), value: z.string().max(64 * 1024) });

export const produceMessageInput = z
  .object({
    cluster: clusterName,
    topic: topicName,
    partition: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int('A partition is a whole number.').min(0, 'Partitions are numbered from 0.').optional()),
    key: z.string().max(MAX_PRODUCE_BYTES).optional(),
    /** null: a tombstone (no value). */
    value: z.string().max(MAX_PRODUCE_BYTES, 'The value is larger than 1 MiB.').nullable(),
    encoding: z.enum(produceEncodings).default('text'),
    subject: z.string().max(512).optional(),
    headers: z.array(header).max(64, 'At most 64 headers.').default([]),
  })
  .superRefine((v, ctx) => {
    if (v.value === null) {
      if (v.encoding === 'schema') ctx.addIssue({ code: 'custom', path: ['value'], message: 'A tombstone has no value to encode with a schema.' });
      return;
    }
    if (v.encoding === 'json' || v.encoding === 'schema') {
      try {
        JSON.parse(v.value);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `The value is not valid JSON: ${(e as Error).message}` });
      }
    }
    if (v.encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(v.value.replace(/\s+/g, ''))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'The value is not base64 (A–Z, a–z, 0–9, +, / and = padding).' });
    }
    if (v.encoding === 'schema' && !v.subject) ctx.addIssue({ code: 'custom', path: ['subject'], message: 'Choose the schema subject to encode the value with.' });
  });
export type ProduceMessageInput = z.infer<typeof produceMessageInput>;
