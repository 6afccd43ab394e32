'use server';
import { z } from 'zod';
import { formatSchema } from '@/lib/domain/schemas/format-schema';
import { sampleMessage } from '@/lib/domain/schemas/sample-message';
import { validateSchema } from '@/lib/domain/schemas/validate-schema';
import { SCHEMA_FORMATS } from '@/lib/domain/design/model';
import { defineAction } from '../safe-action';

/**
 * Validation, a sample message and the formatted text for the schema editor. On the server because
 * ajv compiles validators with `new Function` (which a strict CSP forbids in the page) and avsc and
 * protobufjs expect Node's Buffer; a round trip on the console's own host is a few milliseconds.
 */
export const analyzeSchema = defineAction({
  name: 'analyze-schema',
  schema: z.object({ format: z.enum(SCHEMA_FORMATS), definition: z.string().max(1_000_000) }),
  permission: 'schema:read',
  handler: async ({ format, definition }) => {
    const validation = validateSchema(format, definition);
    const sample = validation.ok ? sampleMessage(format, definition) : null;
    const formatted = validation.ok ? formatSchema(format, definition) : null;
    return {
      problems: validation.ok ? validation.warnings : validation.problems,
      valid: validation.ok,
      sample: sample?.ok ? sample.text : null,
      formatted: formatted?.ok ? formatted.text : null,
    };
  },
});
