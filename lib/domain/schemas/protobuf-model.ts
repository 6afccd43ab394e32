import protobuf from 'protobufjs';

export type ProtobufParseResult =
  | { ok: true; root: protobuf.Root; packageName?: string; unresolvedImports: string[] }
  | { ok: false; message: string; line?: number; token?: string };

/**
 * Parses a .proto text with protobufjs and resolves its types. Imports of Google's well-known types
 * (google/protobuf/timestamp.proto and friends) are supplied from protobufjs' bundled copies; other
 * imports are the subject's schema references, which only the registry can resolve, so type resolution
 * is skipped when there are any.
 */
export function parseProtobuf(text: string): ProtobufParseResult {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, new protobuf.Root(), { keepCase: true, alternateCommentMode: true });
  } catch (e) {
    return parseError((e as Error).message);
  }
  const unresolvedImports: string[] = [];
  for (const name of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
    const common = protobuf.common.get(name);
    if (common?.nested) parsed.root.addJSON(common.nested);
    else unresolvedImports.push(name);
  }
  if (unresolvedImports.length === 0) {
    try {
      parsed.root.resolveAll();
    } catch (e) {
      return parseError((e as Error).message);
    }
  }
  return { ok: true, root: parsed.root, ...(parsed.package ? { packageName: parsed.package } : {}), unresolvedImports };
}

/** protobufjs reports "illegal token 'x' (line 5)" for syntax and "no such type: Foo in Type .Task" for resolution. */
function parseError(raw: string): { ok: false; message: string; line?: number; token?: string } {
  const lineMatch = / \((?:[^,()]+, )?line (\d+)\)$/.exec(raw);
  const message = lineMatch ? raw.slice(0, lineMatch.index) : raw;
  const token = /'([^']+)'/.exec(message)?.[1] ?? /no such type: (\S+)/.exec(message)?.[1] ?? /duplicate (?:id|name) '?(\w+)'?/.exec(message)?.[1];
  const missingType = /^no such Type or Enum '([^']+)' in Type \.?(.+)$/.exec(message);
  const illegal = /^illegal token '([^']+)', '([^']+)' expected$/.exec(message);
  const friendly = missingType
    ? `Unknown type "${missingType[1]}" in message ${missingType[2]}: define or import it.`
    : illegal
      ? `Expected "${illegal[2]}" before "${illegal[1]}".`
      : `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
  return { ok: false, message: friendly, ...(lineMatch?.[1] ? { line: Number(lineMatch[1]) } : {}), ...(token ? { token } : {}) };
}

/** Message types in declaration order; the registry's default message for a subject is the first one. */
export function protobufMessageTypes(root: protobuf.Root): protobuf.Type[] {
  const types: protobuf.Type[] = [];
  const visit = (ns: protobuf.NamespaceBase) => {
    for (const nested of ns.nestedArray) {
      if (nested instanceof protobuf.Type) {
        types.push(nested);
        visit(nested);
      } else if (nested instanceof protobuf.Namespace && !nested.fullName.startsWith('.google.protobuf')) {
        visit(nested);
      }
    }
  };
  visit(root);
  return types;
}
