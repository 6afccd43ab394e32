import type { FilterInput } from '@/lib/domain/messages/message-model';
import type { FilterParameter } from './filter-projection';

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
 *   <JSON of the messages' columns, long strings replaced by 0>\n<JSON array of patches>\n<the long strings, back to back>
 *
 * The messages go as six columns [keys, values, headers, partitions, offsets, timestamps], one
 * array each, then their number; a column the expression never names (filter-projection.ts's
 * parametersRead) goes as an empty array, so the parameter is undefined in the sandbox. Columns rather than an object or a row per message: QuickJS looks up every key of every
 * object it parses, and its JSON.parse costs about a microsecond per array, which for the few
 * bytes a projected message is (filter-projection.ts) was a third of the parse.
 * JSON.stringify never writes a raw newline, so the first two newlines are the separators. A patch
 * is flat in the array: path length, the path's keys from the columns (e.g. 1 for the values, the
 * message's index, then "note"), then start and end of the string within the tail, in UTF-16 units
 * (the unit of both engines' string indexes). The values a filter sees are exactly those of the
 * plain JSON.
 */
export const LONG_STRING = 256;

export function encodeFilterBatch(messages: readonly FilterInput[], parameters?: ReadonlySet<FilterParameter>): string {
  const patches: (string | number)[] = [];
  const strings: string[] = [];
  let tail = 0;
  const path: (string | number)[] = [];
  let index = 0;

  const isLong = (text: string) => text.length >= LONG_STRING && text.isWellFormed() && !text.includes('\u0000');
  const take = (text: string) => {
    patches.push(path.length, ...path, tail, tail + text.length);
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

  /** The skeleton of one message's key, value or headers, its patches' paths starting at its column and index. */
  const cell = (column: number, node: unknown): unknown => {
    if (node === null || (typeof node !== 'object' && typeof node !== 'string')) return node;
    path.push(column, index);
    const replaced = skeleton(node);
    path.pop();
    path.pop();
    return replaced;
  };

  // Filled with push, not preallocated: JSON.stringify is faster on packed arrays than on holey ones.
  const keys: unknown[] = [];
  const values: unknown[] = [];
  const headers: unknown[] = [];
  const partitions: number[] = [];
  const offsets: string[] = [];
  const timestamps: number[] = [];
  const sends = (name: FilterParameter) => !parameters || parameters.has(name);
  const [key, value, header, partition, offset, timestamp] = [sends('key'), sends('value'), sends('headers'), sends('partition'), sends('offset'), sends('timestamp')];
  for (; index < messages.length; index++) {
    const m = messages[index]!;
    if (key) keys.push(cell(0, m.key));
    if (value) values.push(cell(1, m.value));
    if (header) headers.push(cell(2, m.headers));
    if (partition) partitions.push(m.partition);
    if (offset) offsets.push(m.offset);
    if (timestamp) timestamps.push(m.timestamp);
  }
  return `${JSON.stringify([keys, values, headers, partitions, offsets, timestamps, messages.length])}\n${JSON.stringify(patches)}\n${strings.join('')}`;
}

/**
 * QuickJS source of `decodeBatch(text)`, for the sandbox's prologue. `parse`, `indexOf` and
 * `substring` are captured before any user code runs, so an expression that replaces JSON.parse
 * or String.prototype methods cannot change how later batches decode.
 */
export const DECODE_BATCH_SOURCE =
  'const indexOf = Function.prototype.call.bind(String.prototype.indexOf); const substring = Function.prototype.call.bind(String.prototype.substring); ' +
  'const decodeBatch = function (text) { const a = indexOf(text, "\\n"); const b = indexOf(text, "\\n", a + 1); ' +
  'const columns = parse(substring(text, 0, a)); const patches = parse(substring(text, a + 1, b)); const base = b + 1; ' +
  'for (let p = 0; p < patches.length; ) { let o = columns; const depth = patches[p++]; ' +
  'for (let k = 1; k < depth; k++) o = o[patches[p++]]; const last = patches[p++]; o[last] = substring(text, base + patches[p], base + patches[p + 1]); p += 2; } ' +
  'return columns; };';
