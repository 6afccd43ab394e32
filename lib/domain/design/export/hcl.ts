/**
 * A small HCL (native syntax) writer, limited to what the Terraform exporters emit: blocks,
 * attributes, strings, numbers, booleans, null, lists, maps, references (`var.x`), heredocs and
 * `#` comments.
 *
 * Why our own: npm has HCL *parsers* (the Go parser compiled to WebAssembly among them, which the
 * tests use), but no maintained writer for HCL2: `hcl2js` writes HCL1 only, json2hcl-style tools
 * handle attributes but not blocks. Terraform's JSON syntax would avoid a writer altogether, but a
 * `.tf.json` file is not what people review or edit. The output is laid out the way
 * `terraform fmt` lays it out (2-space indent, aligned `=` in runs of single-line attributes), so a
 * formatter run on it is a no-op; hcl.test.ts checks that with the real formatter.
 *
 * Escaping follows the HCL native syntax spec for quoted templates: `\\`, `\"`, `\n`, `\r`, `\t`,
 * `\uNNNN` for other control characters, and the template introducers `${` and `%{` doubled to
 * `$${` and `%%{` so user text can never become an interpolation or a directive.
 */

const REFERENCE = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;
const TYPE_CONSTRAINT = /^((list|set|map)\()?(string|number|bool|any)\)?$/;

/**
 * A Terraform expression written as is: a reference (`var.kafka_cluster_id`,
 * `kafka_topic.orders.name`) or a simple type constraint (`list(string)`). Anything else is
 * refused, so no user text can reach the output unquoted.
 */
export class HclExpression {
  constructor(readonly source: string) {
    const typeConstraint = TYPE_CONSTRAINT.test(source) && source.includes('(') === source.includes(')');
    if (!REFERENCE.test(source) && !typeConstraint) throw new Error(`Not a plain reference: ${JSON.stringify(source)}`);
  }
}

/** A multi-line string as a heredoc; the value is exactly `text` (see renderHeredoc). */
export class HclHeredoc {
  constructor(readonly text: string) {}
}

export type HclValue = string | number | boolean | null | HclExpression | HclHeredoc | readonly HclValue[] | { readonly [key: string]: HclValue };

export type HclBodyItem =
  | { type: 'attribute'; name: string; value: HclValue }
  | { type: 'block'; name: string; labels: readonly string[]; body: readonly HclBodyItem[] }
  | { type: 'comment'; text: string }
  | { type: 'blank' };

export const ref = (source: string) => new HclExpression(source);
export const heredoc = (text: string) => new HclHeredoc(text);
export const attribute = (name: string, value: HclValue): HclBodyItem => ({ type: 'attribute', name, value });
export const block = (name: string, labels: readonly string[], body: readonly HclBodyItem[]): HclBodyItem => ({ type: 'block', name, labels, body });
export const comment = (text: string): HclBodyItem => ({ type: 'comment', text });
export const blank: HclBodyItem = { type: 'blank' };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Identifiers that mean something else as an object key (`null = 1` would be a null key). */
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);
const INDENT = '  ';

export function isHclIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** The body of a quoted HCL string, without the quotes. */
export function escapeHclString(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const next = value.charAt(i + 1);
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && next === '{') out += `${c}${c}`;
    else if (c < ' ' || c === '\u007f') out += `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

export function quoteHclString(value: string): string {
  return `"${escapeHclString(value)}"`;
}

/** A whole file: top-level items, with the layout given by `blank` items. */
export function writeHcl(items: readonly HclBodyItem[]): string {
  return `${renderBody(items, 0).join('\n')}\n`;
}

function renderBody(items: readonly HclBodyItem[], depth: number): string[] {
  const indent = INDENT.repeat(depth);
  const lines: string[] = [];
  let run: Assignment[] = [];
  const flush = () => {
    lines.push(...alignAssignments(run, indent));
    run = [];
  };
  for (const item of items) {
    if (item.type === 'attribute') {
      if (!isHclIdentifier(item.name)) throw new Error(`Not an HCL attribute name: ${JSON.stringify(item.name)}`);
      run.push(assignment(item.name, item.value, depth));
      continue;
    }
    flush();
    if (item.type === 'blank') lines.push('');
    else if (item.type === 'comment') lines.push(...commentLines(item.text).map((l) => `${indent}${l}`));
    else lines.push(...renderBlock(item, depth));
  }
  flush();
  return lines;
}

interface Assignment {
  lead: string;
  /** The first line continues `lead = `; the others are complete lines. */
  value: string[];
  /**
   * Whether terraform fmt sees the assignment as one line with balanced brackets. A bare heredoc
   * does (its body and closing marker are one token to the formatter); chomp(<<EOT ...) does not,
   * because its closing parenthesis comes on a later line.
   */
  oneLine: boolean;
}

/**
 * Consecutive assignments get their "=" aligned, as terraform fmt does: one whose first line opens
 * a bracket it does not close (a multi-line object, list or call) is left as is and ends the run.
 */
function alignAssignments(assignments: readonly Assignment[], indent: string): string[] {
  const lines: string[] = [];
  let run: Assignment[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.lead.length));
    for (const a of run) lines.push(`${indent}${a.lead.padEnd(width)} = ${a.value[0]}`, ...a.value.slice(1));
    run = [];
  };
  for (const a of assignments) {
    if (!a.oneLine) {
      flush();
      lines.push(`${indent}${a.lead} = ${a.value[0]}`, ...a.value.slice(1));
    } else run.push(a);
  }
  flush();
  return lines;
}

function assignment(lead: string, value: HclValue, depth: number): Assignment {
  const lines = renderValue(value, depth);
  const first = lines[0] ?? '';
  const oneLine = value instanceof HclHeredoc ? first.startsWith('<<') : !/[[{(]$/.test(first);
  return { lead, value: lines, oneLine };
}

function renderBlock(item: Extract<HclBodyItem, { type: 'block' }>, depth: number): string[] {
  if (!isHclIdentifier(item.name)) throw new Error(`Not an HCL block type: ${JSON.stringify(item.name)}`);
  const indent = INDENT.repeat(depth);
  const head = [item.name, ...item.labels.map(quoteHclString)].join(' ');
  if (item.body.length === 0) return [`${indent}${head} {}`];
  return [`${indent}${head} {`, ...renderBody(item.body, depth + 1), `${indent}}`];
}

function commentLines(text: string): string[] {
  return text.split('\n').map((line) => (line.trim() === '' ? '#' : `# ${line.replace(/\r/g, '')}`));
}

/** A value as lines: the first continues the `name = ` line, the others are complete lines. */
function renderValue(value: HclValue, depth: number): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'string') return [quoteHclString(value)];
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`HCL has no literal for ${value}`);
    return [String(value)];
  }
  if (value instanceof HclExpression) return [value.source];
  if (value instanceof HclHeredoc) return renderHeredoc(value.text, depth);
  const indent = INDENT.repeat(depth);
  if (isList(value)) {
    const items = value.map((v) => renderValue(v, depth + 1));
    if (items.every((l) => l.length === 1)) return [`[${items.map((l) => l[0]).join(', ')}]`];
    return ['[', ...items.flatMap((l) => [`${indent}${INDENT}${l[0]}`, ...l.slice(1)].map((line, i, all) => (i === all.length - 1 ? `${line},` : line))), `${indent}]`];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return ['{}'];
  // A bare identifier key is a literal name in an object constructor (`source = ...`); anything
  // else, such as "retention.ms", is quoted.
  const assignments = entries.map(([key, v]) => assignment(isHclIdentifier(key) && !KEYWORDS.has(key) ? key : quoteHclString(key), v, depth + 1));
  return ['{', ...alignAssignments(assignments, `${indent}${INDENT}`), `${indent}}`];
}

function isList(value: HclValue): value is readonly HclValue[] {
  return Array.isArray(value);
}

/**
 * `<<EOT` (not the indented `<<-EOT`): the flush form strips the common leading whitespace, which
 * would change a text whose lines are all indented. A heredoc's value always ends with a newline,
 * so a text without one is wrapped in chomp(), which removes exactly the newline the heredoc adds.
 * The marker is one that does not occur as a line of the text.
 */
function renderHeredoc(text: string, depth: number): string[] {
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  let marker = 'EOT';
  for (let n = 1; lines.some((l) => l.trim() === marker); n++) marker = `EOT${n}`;
  const body = lines.map((l) => escapeTemplateIntroducers(l));
  if (text.endsWith('\n')) return [`<<${marker}`, ...body, marker];
  return [`chomp(<<${marker}`, ...body, marker, `${INDENT.repeat(depth)})`];
}

/** In a heredoc only the template introducers need escaping; backslashes and quotes are literal there. */
function escapeTemplateIntroducers(line: string): string {
  return line.replace(/([$%])\{/g, '$1$1{');
}
