import 'server-only';
import type { FilterInput } from '@/lib/domain/messages/message-model';
import { DEFAULT_SANDBOX_LIMITS, QuickJsSandbox, type SandboxError, type SandboxLimits } from './quickjs-sandbox';

/**
 * Server-side message filters: a JavaScript expression over one message, run in the QuickJS
 * sandbox (never eval, new Function or node:vm in the server process: see kafka-ui's Groovy filter,
 * CVE-2023-52251). The expression sees `key`, `value` (parsed JSON when the value is JSON or
 * registry-decoded, else a string), `headers` (a record of strings), `partition`, `offset` (a
 * string: int64) and `timestamp` (ms), and is true or false by JavaScript truthiness, e.g.
 *
 *   value.status === 'OVERDUE' && headers['retry'] > 2
 *
 * The expression runs in strict mode, so assigning to an undeclared name (a typo for ===) fails
 * instead of creating a global.
 */
export const MAX_FILTER_LENGTH = 4096;

export interface FilterOptions extends SandboxLimits {
  /**
   * After this many timeouts in a row the filter stops evaluating and returns `disabled` at once.
   * Each timeout blocks the server's event loop for up to timeoutMs; this caps how long a bad
   * filter can do that before the user is asked to fix it.
   */
  maxConsecutiveTimeouts: number;
}

export const DEFAULT_FILTER_OPTIONS: FilterOptions = { ...DEFAULT_SANDBOX_LIMITS, maxConsecutiveTimeouts: 3 };

export interface FilterCompileError {
  message: string;
  /** 1-based, within the expression as the user typed it. */
  line?: number;
  column?: number;
}

export interface FilterEvaluationError {
  kind: 'runtime' | 'timeout' | 'memory' | 'stack' | 'crashed' | 'disabled';
  message: string;
  line?: number;
  column?: number;
}

export type FilterOutcome = { ok: true; match: boolean } | { ok: false; error: FilterEvaluationError };

export interface FilterStats {
  evaluated: number;
  matched: number;
  errors: number;
  timeouts: number;
}

export interface MessageFilter {
  readonly expression: string;
  /** Use filterInputOf(view) on an untruncated MessageView. */
  test(message: FilterInput): FilterOutcome;
  readonly stats: Readonly<FilterStats>;
  /** Frees the sandbox (its WASM instance). The filter cannot be used afterwards. */
  dispose(): void;
}

export type CompileFilterResult = { ok: true; filter: MessageFilter } | { ok: false; error: FilterCompileError };

const FILENAME = 'filter.js';
/**
 * The expression goes on its own lines between a one-line prologue and an epilogue, so engine
 * positions map back to the user's text by subtracting one line. JSON.parse is captured before
 * any user code runs, so an expression that overwrites it cannot break decoding of later messages.
 */
const PROLOGUE =
  '(function () { const parse = JSON.parse; return function (json) { "use strict"; const { key, value, headers, partition, offset, timestamp } = parse(json); const result = (';
const EPILOGUE =
  ");\nif (result !== null && typeof result === 'object' && typeof result.then === 'function') throw new TypeError('a filter must return true or false, not a Promise: filters are synchronous');\nreturn result ? 1 : 0; }; })()";

export async function compileFilter(expression: string, options: Partial<FilterOptions> = {}): Promise<CompileFilterResult> {
  const settings = { ...DEFAULT_FILTER_OPTIONS, ...options };
  if (expression.trim() === '') return { ok: false, error: { message: 'Enter a filter expression, e.g. value.status === "OVERDUE".' } };
  if (expression.length > MAX_FILTER_LENGTH) {
    return { ok: false, error: { message: `A filter may be at most ${MAX_FILTER_LENGTH} characters long; this one has ${expression.length}.` } };
  }
  const lines = expression.split(/\r\n|\r|\n/);
  const created = await QuickJsSandbox.create(`${PROLOGUE}\n${expression}\n${EPILOGUE}`, FILENAME, settings);
  if (!created.ok) return { ok: false, error: compileError(created.error, lines) };
  return { ok: true, filter: new SandboxedFilter(expression, lines, created.value, settings.maxConsecutiveTimeouts) };
}

class SandboxedFilter implements MessageFilter {
  readonly stats: FilterStats = { evaluated: 0, matched: 0, errors: 0, timeouts: 0 };
  private consecutiveTimeouts = 0;
  private disposed = false;

  constructor(
    readonly expression: string,
    private readonly lines: readonly string[],
    private readonly sandbox: QuickJsSandbox,
    private readonly maxConsecutiveTimeouts: number,
  ) {}

  test(message: FilterInput): FilterOutcome {
    if (this.disposed) throw new Error('This filter was disposed; compile it again.');
    if (this.consecutiveTimeouts >= this.maxConsecutiveTimeouts) {
      return {
        ok: false,
        error: {
          kind: 'disabled',
          message: `The filter was stopped after ${this.consecutiveTimeouts} messages in a row took longer than ${this.sandbox.limits.timeoutMs} ms; simplify it and apply it again.`,
        },
      };
    }
    this.stats.evaluated++;
    const result = this.sandbox.call(JSON.stringify(message));
    if (result.ok) {
      this.consecutiveTimeouts = 0;
      const match = result.value === 1;
      if (match) this.stats.matched++;
      return { ok: true, match };
    }
    this.stats.errors++;
    if (result.error.kind === 'timeout') {
      this.stats.timeouts++;
      this.consecutiveTimeouts++;
    } else {
      this.consecutiveTimeouts = 0;
    }
    return { ok: false, error: evaluationError(result.error, this.lines) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.sandbox.dispose();
  }
}

/** Moves an engine position into the expression; a position on the epilogue means the expression ended early. */
function toExpressionPosition(error: SandboxError, lines: readonly string[]): { line: number; column: number } | undefined {
  if (error.line === undefined || error.column === undefined) return undefined;
  const line = error.line - 1;
  if (line < 1) return undefined;
  if (line > lines.length) return { line: lines.length, column: lines.at(-1)!.length + 1 };
  return { line, column: error.column };
}

function compileError(error: SandboxError, lines: readonly string[]): FilterCompileError {
  const position = toExpressionPosition(error, lines);
  const endedEarly = error.line !== undefined && error.line - 1 > lines.length;
  let message = endedEarly ? 'SyntaxError: the expression ends too early (an operand or closing bracket is missing)' : error.message;
  if (error.kind === 'timeout' || error.kind === 'memory' || error.kind === 'stack' || error.kind === 'crashed') message = `The filter could not be set up: ${error.message}`;
  if (position) message += ` at line ${position.line}, column ${position.column}`;
  return { message: `${message}.`.replace(/\.\.$/, '.'), ...position };
}

function evaluationError(error: SandboxError, lines: readonly string[]): FilterEvaluationError {
  const kind = error.kind === 'syntax' ? 'runtime' : error.kind;
  // Errors raised by the wrapper itself (a Promise result) have no place in the user's text.
  const inExpression = error.line !== undefined && error.line - 1 >= 1 && error.line - 1 <= lines.length;
  const position = kind === 'runtime' && inExpression ? toExpressionPosition(error, lines) : undefined;
  return { kind, message: position ? `${error.message} (line ${position.line}, column ${position.column})` : error.message, ...position };
}
