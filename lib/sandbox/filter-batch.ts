import type { FilterInput } from '@/lib/domain/messages/message-model';

/**
 * How a batch of messages travels into the sandbox in one string, and the QuickJS code that takes
 * it apart again (kept here, beside the encoder, so the two cannot drift).
 *
 * Why not simply the JSON of the messages: QuickJS's JSON.parse costs about 20 ns per character
 * of string content (it builds strings one character at a time), so a 1 KB event that is mostly
 * one long text field costs more to parse than everything else the search does with it. Long
 * strings are therefore left out of the JSON (a 0 stands in their place), appended raw after it,
 * and put back with substring, which copies them in one go. The text is:
 *
 *   <JSON array of the messages, long strings replaced by 0>\n<JSON array of patches>\n<the long strings, back to back>
 *
 * A message is a row [key, value, headers, partition, offset, timestamp] rather than an object:
 * QuickJS looks up every key of every object it parses, and these six per message add up.
 * JSON.stringify never writes a raw newline, so the first two newlines are the separators. A patch
 * is flat in the array: message index, path length, the path's keys (from the row, e.g. 1 for the
 * value, then "note"), then start and end of the string within the tail, in UTF-16 units (the unit of
 * both engines' string indexes). The values a filter sees are exactly those of the plain JSON.
 */
export const LONG_STRING = 256;

export function encodeFilterBatch(messages: readonly FilterInput[]): string {
  const patches: (string | number)[] = [];
  const strings: string[] = [];
  let tail = 0;
  const path: (string | number)[] = [];
  let index = 0;

  const isLong = (text: string) => text.length >= LONG_STRING && text.isWellFormed() && !text.includes('\u0000');
  const take = (text: string) => {
    patches.push(index, path.length, ...path, tail, tail + text.length);
    strings.push(text);
    tail += text.length;
  };

  /**
   * The node, or a copy of it with its long strings replaced by 0 (the original is never changed).
   * Lone surrogates would not survive UTF-8, and NUL cannot enter the engine as a C string: such
   * strings stay in the JSON. Written as plain loops: it runs for every message of a search.
   */
  const skeleton = (node: unknown): unknown => {
    if (typeof node === 'string') {
      if (!isLong(node)) return node;
      take(node);
      return 0;
    }
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (value === null || (typeof value !== 'object' && typeof value !== 'string') || (typeof value === 'string' && value.length < LONG_STRING)) continue;
        path.push(i);
        const replaced = skeleton(value);
        path.pop();
        if (replaced !== value) (copy ??= node.slice())[i] = replaced;
      }
      return copy ?? node;
    }
    let copy: Record<string, unknown> | null = null;
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const value = record[key];
      if (value === null || (typeof value !== 'object' && typeof value !== 'string') || (typeof value === 'string' && value.length < LONG_STRING)) continue;
      path.push(key);
      const replaced = skeleton(value);
      path.pop();
      // defineProperty rather than assignment: a key named __proto__ must stay a plain property.
      if (replaced !== value) Object.defineProperty((copy ??= { ...record }), key, { value: replaced, enumerable: true, writable: true, configurable: true });
    }
    return copy ?? record;
  };

  const rows: unknown[] = [];
  for (; index < messages.length; index++) {
    const m = messages[index]!;
    const row: unknown[] = [m.key, m.value, m.headers, m.partition, m.offset, m.timestamp];
    for (let part = 0; part < 3; part++) {
      path.push(part);
      row[part] = skeleton(row[part]);
      path.pop();
    }
    rows.push(row);
  }
  return `${JSON.stringify(rows)}\n${JSON.stringify(patches)}\n${strings.join('')}`;
}

/**
 * QuickJS source of `decodeBatch(text)`, for the sandbox's prologue. `parse`, `indexOf` and
 * `substring` are captured before any user code runs, so an expression that replaces JSON.parse
 * or String.prototype methods cannot change how later batches decode.
 */
export const DECODE_BATCH_SOURCE =
  'const indexOf = Function.prototype.call.bind(String.prototype.indexOf); const substring = Function.prototype.call.bind(String.prototype.substring); ' +
  'const decodeBatch = function (text) { const a = indexOf(text, "\\n"); const b = indexOf(text, "\\n", a + 1); ' +
  'const batch = parse(substring(text, 0, a)); const patches = parse(substring(text, a + 1, b)); const base = b + 1; ' +
  'for (let p = 0; p < patches.length; ) { let o = batch[patches[p]]; const depth = patches[p + 1]; p += 2; ' +
  'for (let k = 1; k < depth; k++) o = o[patches[p++]]; const last = patches[p++]; o[last] = substring(text, base + patches[p], base + patches[p + 1]); p += 2; } ' +
  'return batch; };';
