'use server';
import { z } from 'zod';
import { isConsoleError } from '@/lib/domain/console-error';
import { SCHEMA_FORMATS } from '@/lib/domain/design/model';
import type { SchemaAnalysis } from '@/lib/domain/schemas/analyze-schema-text';
import { schemaWorker } from '@/lib/schema-analysis/schema-worker';
import { defineAction } from '../safe-action';

/**
 * Validation, a sample message and the formatted text for the schema editor. On the server because
 * avsc and protobufjs expect Node's Buffer, and ajv compiles validators with `new Function` (which
 * a strict CSP forbids in the page); in a worker thread with a time and memory limit, because that
 * makes a schema code the server runs (schema-worker.ts).
 *
 * A schema stopped at a limit is reported as a problem of the schema, so the editor shows why
 * beside the text rather than an error banner.
 */
export const analyzeSchema = defineAction({
  name: 'analyze-schema',
  schema: z.object({ format: z.enum(SCHEMA_FORMATS), definition: z.string().max(1_000_000) }),
  permission: 'schema:read',
  handler: async ({ format, definition }): Promise<SchemaAnalysis> => {
    try {
      return await schemaWorker().analyze(format, definition);
    } catch (e) {
      if (!isConsoleError(e) || (e.category !== 'timeout' && e.category !== 'invalid-input')) throw e;
      return { problems: [{ message: e.message, severity: 'error' }], valid: false, sample: null, formatted: null };
    }
  },
});
