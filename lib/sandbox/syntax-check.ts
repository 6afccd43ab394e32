import 'server-only';
import type { QuickJSContext, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { DEFAULT_SANDBOX_LIMITS, describeError, loadModule, MIN_SANDBOX_MEMORY, type SandboxLimits, type SandboxResult } from './quickjs-sandbox';

/**
 * Checks that `source` parses, without running any of it (QuickJS compiles it to bytecode and stops
 * there), for validating what a user types as they type it. One small instance serves every check:
 * compiling allocates little and never runs user code, so nothing piles up between checks.
 */
let checker: { module: QuickJSWASMModule; runtime: QuickJSRuntime; context: QuickJSContext } | null = null;

export async function checkSyntax(source: string, filename: string, limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS): Promise<SandboxResult<void>> {
  if (!checker) {
    const wasm = await loadModule(MIN_SANDBOX_MEMORY);
    if (!checker) {
      const runtime = wasm.newRuntime();
      runtime.setMemoryLimit(MIN_SANDBOX_MEMORY);
      runtime.setMaxStackSize(limits.stackBytes);
      checker = { module: wasm, runtime, context: runtime.newContext() };
    }
  }
  const { context } = checker;
  try {
    const result = context.evalCode(source, filename, { type: 'global', strict: true, compileOnly: true });
    if (result.error) {
      const error = describeError(context, result.error, { elapsedMs: 0, limitMs: limits.timeoutMs, filename, memoryBytes: MIN_SANDBOX_MEMORY });
      result.error.dispose();
      return { ok: false, error };
    }
    result.value.dispose();
    return { ok: true, value: undefined };
  } catch (hostError) {
    // As in a call: an instance that failed mid-way is dropped, and the next check starts a new one.
    checker = null;
    return { ok: false, error: { kind: 'crashed', message: `The syntax check stopped abnormally (${hostError instanceof Error ? hostError.message : String(hostError)}).` } };
  }
}
