import 'server-only';
import { isUtf8 } from 'node:buffer';
import { headersOf, recordSize, type PreviewLimits, type RawRecord } from '@/lib/domain/messages/decode-part';
import type { MessageCodec } from '@/lib/registry/message-codec';

/**
 * The JSON text of a record's MessageView for a live stream: the same document as
 * `JSON.stringify(toMessageView(raw, codec.decode))`, written without building the view, as pieces
 * (text, and byte ranges of the record itself) that are concatenated straight into the SSE frame.
 *
 * Why: a tail of 1 KB JSON records spent most of its time parsing each value into objects,
 * stringifying them straight back, re-encoding the text to UTF-8 and collecting the garbage. Now:
 * - a value that is a JSON object or array, fits the preview and is plain UTF-8 is copied as its
 *   own bytes once JSON.parse has accepted its text (the parse is the proof that it is JSON; its
 *   result dies young). JSON that spans lines is written as text with its line breaks (which can
 *   only be whitespace between tokens) turned into spaces, so an SSE `data:` line stays one line;
 * - a value that is short printable ASCII text with nothing to escape (typical keys) is copied too;
 * - everything else (registry framing, other text, binary, a large or malformed value, anything
 *   unusual) goes through the codec and JSON.stringify, unchanged.
 *
 * The fast paths restate the classifier's rules (wire-format.ts) with Node's native checks: valid
 * UTF-8 (`isUtf8`); no control byte (JSON.parse refuses every C0 control outside whitespace, DEL it
 * accepts, so DEL is looked for); first non-blank byte `{` or `[` for JSON (so never registry
 * framing, whose first byte is 0). tail-encode.test.ts checks that they agree on tricky inputs.
 */
export type JsonPiece = string | Uint8Array;

export function messageJsonPieces(raw: RawRecord, codec: MessageCodec, limits: PreviewLimits): JsonPiece[] {
  const timestamp = JSON.stringify(Number(raw.timestamp));
  const headers = raw.headers && Object.keys(raw.headers).length > 0 ? JSON.stringify(headersOf(raw.headers)) : '[]';
  const pieces: JsonPiece[] = [`{"topic":${JSON.stringify(raw.topic)},"partition":${raw.partition},"offset":${JSON.stringify(raw.offset)},"timestamp":${timestamp},"key":`];
  addPart(pieces, raw.key, codec, limits);
  append(pieces, ',"value":');
  addPart(pieces, raw.value, codec, limits);
  append(pieces, `,"headers":${headers},"size":${recordSize(raw.key, raw.value, raw.headers)}}`);
  return pieces;
}

/** The same JSON as one string (catch-up frames, filtered viewers, tests). */
export function messageJsonOf(raw: RawRecord, codec: MessageCodec, limits: PreviewLimits): string {
  return piecesText(messageJsonPieces(raw, codec, limits));
}

export function piecesText(pieces: readonly JsonPiece[]): string {
  let out = '';
  for (const p of pieces) out += typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.length).toString('utf8');
  return out;
}

/** UTF-8 bytes of the pieces. */
export function piecesByteLength(pieces: readonly JsonPiece[]): number {
  let n = 0;
  for (const p of pieces) n += typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.length;
  return n;
}

/** Writes the pieces into `target` at `offset`; returns the offset after them. */
export function writePieces(target: Buffer, offset: number, pieces: readonly JsonPiece[]): number {
  for (const p of pieces) {
    if (typeof p === 'string') offset += target.write(p, offset);
    else {
      target.set(p, offset);
      offset += p.length;
    }
  }
  return offset;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const TILDE = 0x7e;
const DEL = 0x7f;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

function append(pieces: JsonPiece[], text: string): void {
  const last = pieces.length - 1;
  if (typeof pieces[last] === 'string') pieces[last] += text;
  else pieces.push(text);
}

/** The DecodedPart of a key or value, as JSON. */
function addPart(pieces: JsonPiece[], bytes: Uint8Array | null, codec: MessageCodec, limits: PreviewLimits): void {
  if (bytes === null) return append(pieces, '{"format":"null","size":0,"truncated":false}');
  const json = bytes.length <= limits.maxChars ? jsonContainer(bytes) : null;
  if (json !== null) {
    append(pieces, `{"format":"json","size":${bytes.length},"truncated":false,"value":`);
    pieces.push(json);
    return append(pieces, '}');
  }
  if (bytes.length <= limits.maxChars && isPlainAsciiText(bytes)) {
    append(pieces, `{"format":"text","size":${bytes.length},"truncated":false,"text":"`);
    pieces.push(bytes);
    return append(pieces, '"}');
  }
  append(pieces, JSON.stringify(codec.decode(bytes, limits)));
}

/**
 * The bytes themselves (or their text on one line) when they are a JSON object or array; null
 * otherwise. The caller has checked the length: UTF-16 length ≤ UTF-8 length, so a value within
 * maxChars bytes is never cut.
 */
export function jsonContainer(bytes: Uint8Array): JsonPiece | null {
  let start = 0;
  while (start < bytes.length && (bytes[start] === SPACE || bytes[start] === LF || bytes[start] === CR || bytes[start] === TAB)) start++;
  if (bytes[start] !== OPEN_BRACE && bytes[start] !== OPEN_BRACKET) return null;
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.indexOf(DEL) >= 0 || !isUtf8(buffer)) return null;
  const text = buffer.toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return buffer.indexOf(LF) >= 0 || buffer.indexOf(CR) >= 0 ? text.replace(/[\r\n]/g, ' ') : bytes;
}

/** Printable ASCII with nothing JSON escapes, not starting like JSON: text the classifier keeps as it is. */
function isPlainAsciiText(bytes: Uint8Array): boolean {
  let start = 0;
  while (start < bytes.length && bytes[start] === SPACE) start++;
  if (bytes[start] === OPEN_BRACE || bytes[start] === OPEN_BRACKET) return false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < SPACE || b > TILDE || b === QUOTE || b === BACKSLASH) return false;
  }
  return true;
}
