import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { ProtoBuffSchemaParser } from '@asyncapi/protobuf-schema-parser';

/**
 * Test support: the official AsyncAPI parser, with the Avro and Protobuf schema parsers so that
 * payload schemas are checked in their own format too, not only the document around them.
 */
const parser = new Parser({ schemaParsers: [AvroSchemaParser(), ProtoBuffSchemaParser()] });

export interface Finding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  path: string;
}

export async function asyncApiFindings(document: string): Promise<Finding[]> {
  const { diagnostics } = await parser.parse(document);
  return diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => ({ severity: d.severity === DiagnosticSeverity.Error ? 'error' : 'warning', code: String(d.code), message: d.message, path: d.path.join('.') }));
}
