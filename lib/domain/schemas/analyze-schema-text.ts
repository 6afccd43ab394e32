import type { SchemaFormat } from '../design/model';
import { formatSchema } from './format-schema';
import type { SchemaProblem } from './json-text';
import { sampleMessage } from './sample-message';
import { validateSchema } from './validate-schema';

/** What the schema editor shows for one text: problems (or warnings of a valid schema), a sample message, the formatted text. */
export interface SchemaAnalysis {
  problems: SchemaProblem[];
  valid: boolean;
  sample: string | null;
  formatted: string | null;
}

export function analyzeSchemaText(format: SchemaFormat, definition: string): SchemaAnalysis {
  const validation = validateSchema(format, definition);
  const sample = validation.ok ? sampleMessage(format, definition) : null;
  const formatted = validation.ok ? formatSchema(format, definition) : null;
  return {
    problems: validation.ok ? validation.warnings : validation.problems,
    valid: validation.ok,
    sample: sample?.ok ? sample.text : null,
    formatted: formatted?.ok ? formatted.text : null,
  };
}
