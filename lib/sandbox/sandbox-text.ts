import 'server-only';
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';

/**
 * quickjs-emscripten's own path (newString) converts with Emscripten's stringToUTF8, a JavaScript
 * loop over every character. Here the bytes are copied into the heap (one memcpy) and QuickJS reads
 * them as a NUL-terminated UTF-8 string. Uses the context's memory helpers, which the library marks
 * private: should a version change them, this falls back to newString (correct, only slower);
 * quickjs-sandbox.test.ts checks that the fast path is the one in use.
 */
interface ContextInternals {
  memory?: { newHeapBufferPointer?(bytes: Uint8Array): { value: { pointer: number }; dispose(): void }; heapValueHandle?(ptr: number): QuickJSHandle };
  ffi?: { QTS_NewString?(ctx: number, ptr: number): number };
  ctx?: { value: number };
}

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

export function hasFastTextPath(context: QuickJSContext): boolean {
  const c = context as unknown as ContextInternals;
  return typeof c.memory?.newHeapBufferPointer === 'function' && typeof c.memory.heapValueHandle === 'function' && typeof c.ffi?.QTS_NewString === 'function' && typeof c.ctx?.value === 'number';
}

/** Text goes in as a C string, ended by its one NUL; JSON (what callers pass) escapes NUL characters, so another one here is a caller's bug. */
export function withNulAtEndOnly(utf8: Uint8Array): Uint8Array {
  const first = utf8.indexOf(0);
  if (first !== utf8.length - 1) {
    throw new RangeError(first < 0 ? 'Text passed into the sandbox must end with a NUL byte (see utf8WithNul).' : 'Text passed into the sandbox must not contain NUL characters; pass JSON, which escapes them.');
  }
  return utf8;
}

export function newStringFromUtf8(context: QuickJSContext, utf8: Uint8Array): QuickJSHandle {
  if (!hasFastTextPath(context)) return context.newString(utf8Decoder.decode(utf8.subarray(0, -1)));
  const c = context as unknown as Required<ContextInternals> & { memory: Required<NonNullable<ContextInternals['memory']>>; ffi: Required<NonNullable<ContextInternals['ffi']>> };
  const buffer = c.memory.newHeapBufferPointer(utf8);
  try {
    return c.memory.heapValueHandle(c.ffi.QTS_NewString(c.ctx.value, buffer.value.pointer));
  } finally {
    buffer.dispose();
  }
}

/**
 * UTF-8 of `text` with a terminating NUL, in a scratch buffer reused from call to call (a batch is
 * about a megabyte; allocating one per call kept the garbage collector busy). Valid until the next call.
 */
let scratch = new Uint8Array(64 * 1024);
export function utf8WithNul(text: string): Uint8Array {
  // UTF-8 needs at most 3 bytes per UTF-16 unit.
  const needed = text.length * 3 + 1;
  if (scratch.length < needed) scratch = new Uint8Array(Math.max(needed, scratch.length * 2));
  const { written } = utf8Encoder.encodeInto(text, scratch);
  scratch[written] = 0;
  return scratch.subarray(0, written + 1);
}
