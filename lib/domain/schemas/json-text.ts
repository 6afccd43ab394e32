import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/**
 * Problems found in a schema text, positioned for the editor (Monaco markers are 1-based).
 * `path` is a JSON pointer into the schema document where one is known.
 */
export interface SchemaProblem {
  message: string;
  severity: 'error' | 'warning';
  line?: number;
  column?: number;
  path?: string;
}

export interface TextPosition {
  line: number;
  column: number;
}

/** A JSON document together with the positions of its nodes, so problems found on the value can point into the text. */
export interface JsonText {
  readonly text: string;
  readonly value: unknown;
  /** Where the node at `pointer` starts; for an object member, where its key starts. Falls back to the deepest ancestor that exists. */
  locate(pointer: string): TextPosition | undefined;
  /** Pointers of every node for which `match` holds, in document order. */
  find(match: (node: { key?: string; value: unknown; pointer: string; parentPointer?: string }) => boolean): string[];
}

const PARSE_ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":"',
  CommaExpected: 'Expected "," or a closing bracket',
  CloseBraceExpected: 'Expected "}"',
  CloseBracketExpected: 'Expected "]"',
  EndOfFileExpected: 'Unexpected content after the end of the document',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Comments are not allowed in JSON',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid \\u escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Control characters must be escaped in strings',
};

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function trailingCommaAt(text: string, offset: number): boolean {
  const closer = text.charAt(offset);
  if (closer !== '}' && closer !== ']') return false;
  return /,\s*$/.test(text.slice(0, offset));
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerSegments(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return [];
  return body
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + segments.map((s) => '/' + escapePointerSegment(s)).join('');
}

/**
 * Parses strict JSON (no comments, no trailing commas) with jsonc-parser, which reports every syntax error
 * with its offset whatever the JavaScript engine; V8's and Firefox's JSON.parse messages differ and only
 * sometimes carry a position.
 */
export function parseJsonText(text: string): { ok: true; json: JsonText } | { ok: false; problems: SchemaProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    // Only the first error: the parser's recovery makes the ones after it mostly echoes of it.
    const first = errors[0];
    if (first === undefined) return { ok: false, problems: [{ message: 'The schema is empty.', severity: 'error', line: 1, column: 1 }] };
    const code = printParseErrorCode(first.error);
    const message = trailingCommaAt(text, first.offset) ? 'Trailing commas are not allowed in JSON; remove the comma.' : `${PARSE_ERROR_MESSAGES[code] ?? code}.`;
    return { ok: false, problems: [{ message, severity: 'error', ...positionAt(text, first.offset) }] };
  }
  let value: unknown;
  try {
    // jsonc-parser's values lose nothing JSON.parse keeps, but JSON.parse is the reference for what the registry will accept.
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ message: `Invalid JSON: ${(e as Error).message}`, severity: 'error', line: 1, column: 1 }] };
  }
  return { ok: true, json: jsonText(text, value, root) };
}

function jsonText(text: string, value: unknown, root: Node): JsonText {
  const nodeAt = (pointer: string): Node => {
    let node = root;
    for (const segment of pointerSegments(pointer)) {
      const next = childNode(node, segment);
      if (next === undefined) break;
      node = next;
    }
    return node;
  };
  return {
    text,
    value,
    locate: (pointer) => positionAt(text, nodeAt(pointer).offset),
    find: (match) => {
      const found: string[] = [];
      const walk = (node: unknown, pointer: string, key: string | undefined, parentPointer: string | undefined) => {
        if (match({ key, value: node, pointer, parentPointer })) found.push(pointer);
        if (Array.isArray(node)) {
          node.forEach((child, i) => walk(child, joinPointer(pointer, i), undefined, pointer));
        } else if (typeof node === 'object' && node !== null) {
          for (const [k, v] of Object.entries(node)) walk(v, joinPointer(pointer, k), k, pointer);
        }
      };
      walk(value, '', undefined, undefined);
      return found;
    },
  };
}

/** The member node (key and value) for an object segment, so a marker lands on the key; the element for an array index. */
function childNode(node: Node, segment: string): Node | undefined {
  if (node.type === 'property') node = node.children?.[1] ?? node;
  if (node.type === 'object') {
    return node.children?.find((prop) => prop.children?.[0]?.value === segment);
  }
  if (node.type === 'array' && /^\d+$/.test(segment)) {
    return node.children?.[Number(segment)];
  }
  return undefined;
}
