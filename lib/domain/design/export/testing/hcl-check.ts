import { parse } from '@cdktn/hcl2json';
import { format } from '@cdktn/hcl-tools';

/**
 * Test support: HashiCorp's own HCL parser and formatter (Go, compiled to WebAssembly, as shipped
 * by CDK Terrain). Used by tests only; the exporters never import it.
 */

/** The file as Terraform's JSON syntax; throws with the parser's diagnostics when the HCL is invalid. */
export async function parseHcl(source: string, filename = 'main.tf'): Promise<unknown> {
  return parse(filename, source);
}

/** What `terraform fmt` would make of the file. */
export async function formatHcl(source: string): Promise<string> {
  return format(source);
}

/**
 * A string from the JSON syntax back to its value. The JSON syntax is itself a template language
 * (`${` interpolates there too), so the parser keeps escaped introducers escaped; this undoes
 * exactly that, left to right, per the spec: `$${` is a literal `${`, `%%{` a literal `%{`.
 */
export function templateLiteral(jsonSyntaxString: string): string {
  return jsonSyntaxString.replace(/\$\$\{|%%\{/g, (m) => m.slice(1));
}
