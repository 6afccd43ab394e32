import 'server-only';
import releaseSyncVariant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { hasFastTextPath, newStringFromUtf8, utf8WithNul, withNulAtEndOnly } from './sandbox-text';

/**
 * A QuickJS interpreter compiled to WebAssembly (quickjs-emscripten) for running code that users
 * type, such as message filters. Chosen over CEL because filters read like the JavaScript people
 * already know (`value.status === 'OVERDUE' && headers['retry'] > 2`), and the limits below make a
 * loop as harmless as CEL's non-Turing-completeness would.
 *
 * What the code can reach: the ECMAScript built-ins of one QuickJS context, nothing else. The WASM
 * build has no std/os modules and we register no host functions and no module loader, so there is
 * no process, require, import(), fetch or file system. The engine's memory is the instance's own
 * linear memory: it cannot read the server's.
 *
 * Limits, per sandbox and per call:
 * - time: an interrupt handler stops the bytecode at the deadline ("interrupted"). A single native
 *   built-in (filling a huge array) is not interruptible; it is bounded by the memory limit, and a
 *   call that returns after its deadline is still reported as a timeout.
 * - memory: the WASM instance gets a fixed-size WebAssembly.Memory (initial = maximum), so the
 *   engine's malloc fails and QuickJS throws "out of memory" at the limit, and the server's memory
 *   cannot grow because of user code. QuickJS's own setMemoryLimit is set too, but in Emscripten
 *   builds it only bounds single allocations (malloc_usable_size is 0 there; quickjs-emscripten
 *   issues #255 and #271), so it is not what the limit rests on.
 * - stack: QuickJS's own stack limit, kept small because WASM frames also use the host's (V8's)
 *   stack, several times more per level than QuickJS counts. Should the host stack still overflow
 *   (a caller already deep in its own stack), the exception unwinds through the C code and leaves
 *   the instance inconsistent; the sandbox then drops the whole WASM instance and starts a fresh one.
 *
 * Each sandbox owns its WASM instance, so a crash or a leak in one user's code never touches
 * another's. One spare instance of the default size is kept warm, so recovery is synchronous.
 */
export interface SandboxLimits {
  /** Wall-clock budget of one call, in ms. */
  timeoutMs: number;
  /** All memory of the sandbox's WASM instance (engine heap, its C stack and static data), in bytes; at least 16 MiB. */
  memoryBytes: number;
  /** QuickJS stack, in bytes (see above for why it is small). */
  stackBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { timeoutMs: 100, memoryBytes: 32 * 1024 * 1024, stackBytes: 32 * 1024 };

/** Budget for evaluating the source that defines the function (see start()). */
export const SETUP_TIMEOUT_MS = 2_000;

/** The prebuilt QuickJS module declares 16 MiB of initial memory; it cannot start with less. */
export const MIN_SANDBOX_MEMORY = 16 * 1024 * 1024;
const WASM_PAGE = 64 * 1024;

export type SandboxErrorKind = 'syntax' | 'runtime' | 'timeout' | 'memory' | 'stack' | 'crashed';

export interface SandboxError {
  kind: SandboxErrorKind;
  /** "TypeError: cannot read property 'status' of undefined" */
  message: string;
  /** From the engine's stack trace, in the coordinates of the evaluated source (1-based). */
  line?: number;
  column?: number;
}

export type SandboxResult<T> = { ok: true; value: T } | { ok: false; error: SandboxError };

export function loadModule(memoryBytes: number): Promise<QuickJSWASMModule> {
  const pages = Math.ceil(memoryBytes / WASM_PAGE);
  const variant = newVariant(releaseSyncVariant, { wasmMemory: async () => new WebAssembly.Memory({ initial: pages, maximum: pages }) });
  return newQuickJSWASMModuleFromVariant(variant);
}

/** Warm spares by instance size; only the sizes in use get one. */
const spares = new Map<number, QuickJSWASMModule>();
const warming = new Set<number>();

function warmSpare(memoryBytes: number): void {
  if (spares.has(memoryBytes) || warming.has(memoryBytes)) return;
  warming.add(memoryBytes);
  loadModule(memoryBytes)
    .then((m) => spares.set(memoryBytes, m))
    .catch(() => {
      // A failed warm-up only means the next recovery waits for a fresh load; the next acquire retries.
    })
    .finally(() => warming.delete(memoryBytes));
}

async function acquireModule(memoryBytes: number): Promise<QuickJSWASMModule> {
  const ready = acquireModuleNow(memoryBytes);
  return ready ?? (await loadModule(memoryBytes));
}

function acquireModuleNow(memoryBytes: number): QuickJSWASMModule | null {
  const ready = spares.get(memoryBytes) ?? null;
  spares.delete(memoryBytes);
  warmSpare(memoryBytes);
  return ready;
}

/**
 * One runtime and context with limits, running one compiled function many times. Defining the
 * function once and calling it per input is what makes thousands of evaluations per second
 * possible: parsing and context setup happen once.
 */
export class QuickJsSandbox {
  private module: QuickJSWASMModule | null;
  private runtime: QuickJSRuntime | null = null;
  private context: QuickJSContext | null = null;
  private fn: QuickJSHandle | null = null;
  private deadline = Number.POSITIVE_INFINITY;
  private disposed = false;

  private constructor(
    module: QuickJSWASMModule,
    private readonly source: string,
    private readonly filename: string,
    readonly limits: SandboxLimits,
  ) {
    this.module = module;
  }

  /**
   * Evaluates `source`, which must evaluate to a function taking one string argument and returning a
   * number. A syntax error or a throw while defining it comes back as an error, not an exception.
   */
  static async create(source: string, filename: string, limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS): Promise<SandboxResult<QuickJsSandbox>> {
    if (!(limits.memoryBytes >= MIN_SANDBOX_MEMORY)) throw new RangeError(`A sandbox needs at least ${formatBytes(MIN_SANDBOX_MEMORY)} of memory; got ${limits.memoryBytes} bytes.`);
    if (!(limits.timeoutMs > 0) || !(limits.stackBytes > 0)) throw new RangeError('Sandbox time and stack limits must be positive.');
    const sandbox = new QuickJsSandbox(await acquireModule(limits.memoryBytes), source, filename, limits);
    const started = sandbox.ensureStarted();
    if (!started.ok) {
      sandbox.dispose();
      return started;
    }
    return { ok: true, value: sandbox };
  }

  /** Calls the function with `input`; returns the number it returned. */
  call(input: string): SandboxResult<number> {
    const utf8 = withNulAtEndOnly(utf8WithNul(input));
    return this.invoke(
      (context) => [newStringFromUtf8(context, utf8)],
      (context, value) => (context.typeof(value) === 'number' ? context.getNumber(value) : Number.NaN),
      this.limits.timeoutMs,
    );
  }

  /**
   * Calls the function with the UTF-8 text `utf8` (NUL-terminated: see utf8WithNul) and `true` as a second argument, within
   * `timeoutMs`; returns the string it returned. Made for passing many inputs in one call: the
   * bytes are copied into the engine's memory as they are, where `call` (quickjs-emscripten's
   * newString) converts a string to UTF-8 in a JavaScript loop that costs more than the whole
   * evaluation of a 1 KB message.
   */
  callWithText(utf8: Uint8Array, timeoutMs: number): SandboxResult<string> {
    withNulAtEndOnly(utf8);
    return this.invoke(
      (context) => [newStringFromUtf8(context, utf8), context.true],
      (context, value) => (context.typeof(value) === 'string' ? context.getString(value) : ''),
      timeoutMs,
    );
  }

  /** Whether text goes in by copying bytes (see newStringFromUtf8); false would mean the slow fallback. */
  usesFastTextPath(): boolean {
    if (!this.context) this.ensureStarted();
    return this.context ? hasFastTextPath(this.context) : false;
  }

  private invoke<T>(makeArgs: (context: QuickJSContext) => QuickJSHandle[], read: (context: QuickJSContext, value: QuickJSHandle) => T, timeoutMs: number): SandboxResult<T> {
    if (this.disposed) throw new Error('This sandbox was disposed.');
    if (!this.context || !this.fn) {
      const restarted = this.ensureStarted();
      if (!restarted.ok) return restarted;
    }
    const context = this.context!;
    const started = performance.now();
    this.deadline = started + timeoutMs;
    try {
      const args = makeArgs(context);
      const result = context.callFunction(this.fn!, context.undefined, ...args);
      // Disposing context.true is a no-op (a static lifetime).
      for (const arg of args) arg.dispose();
      this.runPendingJobs();
      const elapsed = performance.now() - started;
      if (result.error) {
        const error = this.describe(result.error, elapsed, timeoutMs);
        result.error.dispose();
        // After running out of memory the heap may hold what the code piled up in globals: start clean.
        if (error.kind === 'memory') this.restartRuntime();
        return { ok: false, error };
      }
      const value = read(context, result.value);
      result.value.dispose();
      if (elapsed > timeoutMs) return { ok: false, error: overrun(elapsed, timeoutMs) };
      return { ok: true, value };
    } catch (hostError) {
      // The host stack overflowed or the instance aborted mid-call: nothing in it can be trusted now,
      // not even freeing the handles of this call, so the instance is dropped as it is.
      this.abandonModule();
      const restarted = this.ensureStarted();
      const reason = hostError instanceof Error ? hostError.message : String(hostError);
      return {
        ok: false,
        error: {
          kind: 'crashed',
          message: `The sandbox stopped abnormally (${reason}) and was ${restarted.ok ? 'restarted' : 'not restarted yet'}.`,
        },
      };
    } finally {
      this.deadline = Number.POSITIVE_INFINITY;
    }
  }

  /**
   * Promise callbacks the code queued (`Promise.resolve().then(...)`, a rejected `import()`) run now,
   * inside the same deadline, rather than piling up in the runtime from message to message.
   */
  private runPendingJobs(): void {
    const runtime = this.runtime!;
    if (!runtime.hasPendingJob()) return;
    const jobs = runtime.executePendingJobs();
    if (jobs.error) jobs.error.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stop();
    this.module = null;
  }

  private start(): SandboxResult<void> {
    const runtime = this.module!.newRuntime();
    runtime.setMemoryLimit(this.limits.memoryBytes);
    runtime.setMaxStackSize(this.limits.stackBytes);
    runtime.setInterruptHandler(() => performance.now() > this.deadline);
    this.runtime = runtime;
    this.context = runtime.newContext();
    const started = performance.now();
    // Defining the function runs no user expression, but a fresh WASM instance's first evaluation
    // is slow (V8 compiles its code lazily): on a busy machine it can pass a per-call budget.
    this.deadline = started + Math.max(this.limits.timeoutMs, SETUP_TIMEOUT_MS);
    try {
      const result = this.context.evalCode(this.source, this.filename, { type: 'global', strict: true });
      if (result.error) {
        const error = this.describe(result.error, performance.now() - started, this.limits.timeoutMs);
        result.error.dispose();
        this.stop();
        return { ok: false, error };
      }
      if (this.context.typeof(result.value) !== 'function') {
        result.value.dispose();
        this.stop();
        return { ok: false, error: { kind: 'runtime', message: 'The sandbox source did not evaluate to a function.' } };
      }
      this.fn = result.value;
      return { ok: true, value: undefined };
    } finally {
      this.deadline = Number.POSITIVE_INFINITY;
    }
  }

  private stop(): void {
    for (const lifetime of [this.fn, this.context, this.runtime]) {
      try {
        if (lifetime?.alive) lifetime.dispose();
      } catch {
        // Disposal fails only on an instance that is already broken; it is dropped either way.
      }
    }
    this.fn = null;
    this.context = null;
    this.runtime = null;
  }

  /** A fresh runtime in the same instance: its fixed memory is reused, what the code kept in globals is gone. */
  private restartRuntime(): void {
    this.stop();
    try {
      this.start();
    } catch {
      this.abandonModule();
    }
  }

  private abandonModule(): void {
    // Not disposed: freeing into a heap left inconsistent by an aborted call can abort again.
    this.fn = null;
    this.context = null;
    this.runtime = null;
    this.module = null;
  }

  /** Starts a runtime on the current instance, or on the warm spare after a crash dropped the instance. */
  private ensureStarted(): SandboxResult<void> {
    if (!this.module) this.module = acquireModuleNow(this.limits.memoryBytes);
    if (!this.module) return { ok: false, error: { kind: 'crashed', message: 'The sandbox is restarting after a crash; try again in a moment.' } };
    try {
      return this.start();
    } catch (hostError) {
      this.abandonModule();
      return { ok: false, error: { kind: 'crashed', message: `The sandbox could not start (${hostError instanceof Error ? hostError.message : String(hostError)}).` } };
    }
  }

  private describe(handle: QuickJSHandle, elapsedMs: number, limitMs: number): SandboxError {
    return describeError(this.context!, handle, { elapsedMs, limitMs, filename: this.filename, memoryBytes: this.limits.memoryBytes });
  }
}

export function describeError(context: QuickJSContext, handle: QuickJSHandle, at: { elapsedMs: number; limitMs: number; filename: string; memoryBytes: number }): SandboxError {
  const { elapsedMs, limitMs, filename, memoryBytes } = at;
  let name = 'Error';
  let message = '';
  let stack = '';
  try {
    const dumped: unknown = context.dump(handle);
    if (dumped && typeof dumped === 'object') {
      const e = dumped as { name?: unknown; message?: unknown; stack?: unknown };
      name = typeof e.name === 'string' ? e.name : name;
      message = typeof e.message === 'string' ? e.message : '';
      stack = typeof e.stack === 'string' ? e.stack : '';
    } else {
      // `throw 'text'` or `throw 42`: report the thrown value itself.
      name = 'Uncaught';
      message = String(dumped);
    }
  } catch {
    // Reading the error needs memory too; without any, the cause is plain.
    return { kind: 'memory', message: `The code ran out of its ${formatBytes(memoryBytes)} of memory.` };
  }
  if (name === 'InternalError' && message === 'interrupted') return overrun(elapsedMs, limitMs);
  if (name === 'InternalError' && /out of memory/i.test(message)) {
    return { kind: 'memory', message: `The code ran out of its ${formatBytes(memoryBytes)} of memory.` };
  }
  if (name === 'InternalError' && /stack overflow/i.test(message)) {
    return { kind: 'stack', message: 'The code nested too deeply (stack overflow); is there a recursion without an end?' };
  }
  if (name === 'RangeError' && /invalid array length|string too long|out of memory/i.test(message)) {
    return { kind: 'memory', message: `${name}: ${message} (the code has ${formatBytes(memoryBytes)} of memory).` };
  }
  const where = new RegExp(`${escapeRegExp(filename)}:(\\d+):(\\d+)`).exec(stack);
  return {
    kind: name === 'SyntaxError' ? 'syntax' : 'runtime',
    message: message ? `${name}: ${message}` : name,
    ...(where ? { line: Number(where[1]), column: Number(where[2]) } : {}),
  };
}

function overrun(elapsedMs: number, limitMs: number): SandboxError {
  return { kind: 'timeout', message: `The code ran ${Math.round(elapsedMs)} ms, over its limit of ${limitMs} ms, and was stopped.` };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
