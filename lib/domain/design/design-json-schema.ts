import { z } from 'zod';
import { designDocumentSchema } from './model';

export const DESIGN_SCHEMA_ID = 'urn:kafka-event-architect:schemas:design.v1';

/**
 * The published contract, `schemas/design.v1.schema.json`, is exactly this value (a test compares
 * the file with it; `npx vitest run --project unit -u` rewrites the file after a model change).
 * `io: 'input'` because files may omit defaulted fields; `unrepresentable: 'throw'` so a zod type
 * with no JSON Schema equivalent fails the build instead of silently widening the contract.
 */
export function designJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(designDocumentSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  const { $schema, ...rest } = generated;
  return { $schema, $id: DESIGN_SCHEMA_ID, ...rest };
}
