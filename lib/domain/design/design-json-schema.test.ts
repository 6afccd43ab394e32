import { describe, expect, it } from 'vitest';
import { designJsonSchema } from './design-json-schema';

describe('schemas/design.v1.schema.json', () => {
  // The published contract is generated; if this fails after a model change, review the diff and
  // accept it with `npx vitest run --project unit -u`. A contract change that breaks old files
  // needs a new version and a migration instead.
  it('is exactly what the zod model generates', async () => {
    await expect(`${JSON.stringify(designJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../../schemas/design.v1.schema.json');
  });
});
