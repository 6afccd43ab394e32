import 'server-only';
import type { FilterInput } from '@/lib/domain/messages/message-model';
import { DECODE_BATCH_SOURCE, encodeFilterBatch } from './filter-batch';
import { FILTER_PARAMETERS, parametersRead, projectValue, valueKeysRead, type FilterParameter } from './filter-projection';
import { DEFAULT_SANDBOX_LIMITS, QuickJsSandbox, type SandboxError, type SandboxLimits } from './quickjs-sandbox';
import { utf8WithNul } from './sandbox-text';
import { checkSyntax } from './syntax-check';

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
  /**
   * Send into the sandbox only the top-level keys of an object `value` that the expression can
   * read (filter-projection.ts), when it provably reads no others. Off only to compare with it.
   */
  projectValue: boolean;
  /**
   * Send into the sandbox only the parameters (key, value, headers…) the expression names
   * (filter-projection.ts's parametersRead); the others are undefined there. Off only to compare with it.
   */
  projectParameters: boolean;
}

export const DEFAULT_FILTER_OPTIONS: FilterOptions = { ...DEFAULT_SANDBOX_LIMITS, maxConsecutiveTimeouts: 3, projectValue: true, projectParameters: true };

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
  /**
   * The top-level keys of an object `value` that go into the sandbox (the expression can read no
   * others), or null when the whole value goes in.
   */
  readonly valueKeys: readonly string[] | null;
  /**
   * The parameters the expression can read. Callers may leave the others out of what they pass to
   * test and testBatch (null key and value, no headers): they never reach the expression, and
   * testBatch does not send them into the sandbox. A search decodes no key for `value.a === 1`.
   */
  readonly parameters: ReadonlySet<FilterParameter>;
  /** Use filterInputOf(view) on an untruncated MessageView. */
  test(message: FilterInput): FilterOutcome;
  /**
   * The outcomes of test() for each message, in order, in a few sandbox calls rather than one per
   * message. Same limits: a batch gets the per-message time limit once, and when it runs over (a
   * hang, or a slow expression) or fails as a whole, its messages are run one by one, each with its
   * own limit, so a timeout or error is reported on the message that caused it. A message whose
   * evaluation threw is run once more alone for its error: an expression that keeps state in
   * globals sees such messages twice.
   */
  testBatch(messages: readonly FilterInput[]): FilterOutcome[];
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
 * Object.prototype is made non-extensible first: a getter or setter added there would receive a
 * projected `value` as `this` and could tell it from the whole one (filter-projection.ts), so a
 * filter cannot add properties to it (it can still replace the built-in ones).
 *
 * The source evaluates to one function with two entries:
 * - `(json)`: one message; returns 1 or 0, or throws what the expression threw.
 * - `(text, true)`: a batch of messages as encodeFilterBatch writes it (filter-batch.ts); returns
 *   one character per message, '1' match, '0' no match, 'e' the expression threw (the caller runs that message alone to learn the error).
 *   The expression runs in a function of its own, so it sees the six names of one message and
 *   never the batch (it cannot change what later messages look like). An endless loop is not
 *   catchable in QuickJS (the interrupt unwinds everything), so a hang fails the whole call.
 */
const PROLOGUE =
  `(function () { Object.preventExtensions(Object.prototype); const parse = JSON.parse; ${DECODE_BATCH_SOURCE} const test = function (key, value, headers, partition, offset, timestamp) { "use strict"; const result = (`;
const EPILOGUE = `);
if (result !== null && typeof result === 'object' && typeof result.then === 'function') throw new TypeError('a filter must return true or false, not a Promise: filters are synchronous');
return result ? 1 : 0; };
return function (json, many) {
  if (!many) { const m = parse(json); return test(m.key, m.value, m.headers, m.partition, m.offset, m.timestamp); }
  const c = decodeBatch(json); const k = c[0], v = c[1], h = c[2], p = c[3], o = c[4], t = c[5], n = c[6]; let out = '';
  for (let i = 0; i < n; i++) { try { out += test(k[i], v[i], h[i], p[i], o[i], t[i]) ? '1' : '0'; } catch (e) { out += 'e'; } }
  return out;
}; })()`;

/**
 * Batches: at most this many messages and this much JSON per sandbox call. Big enough that the
 * per-call cost (entering the engine, copying in) disappears, small enough that the parsed batch
 * stays a small part of the sandbox's memory.
 */
export const MAX_BATCH_MESSAGES = 512;
export const MAX_BATCH_CHARS = 2 * 1024 * 1024;

export async function compileFilter(expression: string, options: Partial<FilterOptions> = {}): Promise<CompileFilterResult> {
  const settings = { ...DEFAULT_FILTER_OPTIONS, ...options };
  const refused = refuseInput(expression);
  if (refused) return { ok: false, error: refused };
  const lines = expression.split(/\r\n|\r|\n/);
  const created = await QuickJsSandbox.create(sourceOf(expression), FILENAME, settings);
  if (!created.ok) return { ok: false, error: compileError(created.error, lines) };
  const valueKeys = settings.projectValue ? valueKeysRead(expression) : null;
  const parameters = settings.projectParameters ? parametersRead(expression) : new Set(FILTER_PARAMETERS);
  return { ok: true, filter: new SandboxedFilter(expression, lines, created.value, settings.maxConsecutiveTimeouts, valueKeys, parameters) };
}

export type FilterSyntaxResult = { ok: true } | { ok: false; error: FilterCompileError };

/**
 * Whether `expression` would compile, with the error compileFilter would give, without running
 * any of it: the sandbox only parses it (for checking as the user types; see checkSyntax).
 */
export async function checkFilterSyntax(expression: string): Promise<FilterSyntaxResult> {
  const refused = refuseInput(expression);
  if (refused) return { ok: false, error: refused };
  const checked = await checkSyntax(sourceOf(expression), FILENAME);
  return checked.ok ? { ok: true } : { ok: false, error: compileError(checked.error, expression.split(/\r\n|\r|\n/)) };
}

function refuseInput(expression: string): FilterCompileError | null {
  if (expression.trim() === '') return { message: 'Enter a filter expression, e.g. value.status === "OVERDUE".' };
  if (expression.length > MAX_FILTER_LENGTH) return { message: `A filter may be at most ${MAX_FILTER_LENGTH} characters long; this one has ${expression.length}.` };
  return null;
}

const sourceOf = (expression: string) => `${PROLOGUE}\n${expression}\n${EPILOGUE}`;

/** Shared: a search makes one outcome per record it scans. */
const MATCH: FilterOutcome = Object.freeze({ ok: true, match: true });
const NO_MATCH: FilterOutcome = Object.freeze({ ok: true, match: false });

class SandboxedFilter implements MessageFilter {
  readonly stats: FilterStats = { evaluated: 0, matched: 0, errors: 0, timeouts: 0 };
  private consecutiveTimeouts = 0;
  private disposed = false;
  /** Messages per sandbox call in testBatch; halved when a batch runs over its time, grown back when one does not. */
  private batchLimit = MAX_BATCH_MESSAGES;
  private readonly projection: ReadonlySet<string> | null;

  constructor(
    readonly expression: string,
    private readonly lines: readonly string[],
    private readonly sandbox: QuickJsSandbox,
    private readonly maxConsecutiveTimeouts: number,
    readonly valueKeys: readonly string[] | null,
    readonly parameters: ReadonlySet<FilterParameter>,
  ) {
    // An expression that never names `value` needs no projection of it either.
    this.projection = valueKeys && parameters.has('value') ? new Set(valueKeys) : null;
  }

  test(message: FilterInput): FilterOutcome {
    if (this.disposed) throw new Error('This filter was disposed; compile it again.');
    return this.testProjected(this.projected(message));
  }

  /** What goes into the sandbox for `message`: its value projected (see valueKeys); the caller's object is left as it is. */
  private projected(message: FilterInput): FilterInput {
    return this.projection ? { ...message, value: projectValue(message.value, this.projection) } : message;
  }

  private testProjected(message: FilterInput): FilterOutcome {
    if (this.consecutiveTimeouts >= this.maxConsecutiveTimeouts) return this.disabledOutcome();
    this.stats.evaluated++;
    const result = this.sandbox.call(JSON.stringify(message));
    if (result.ok) return this.counted(result.value === 1);
    this.stats.errors++;
    if (result.error.kind === 'timeout') {
      this.stats.timeouts++;
      this.consecutiveTimeouts++;
    } else {
      this.consecutiveTimeouts = 0;
    }
    return { ok: false, error: evaluationError(result.error, this.lines) };
  }

  testBatch(originals: readonly FilterInput[]): FilterOutcome[] {
    if (this.disposed) throw new Error('This filter was disposed; compile it again.');
    const messages = this.projection ? originals.map((m) => this.projected(m)) : originals;
    const out: FilterOutcome[] = [];
    let at = 0;
    while (at < messages.length) {
      if (this.batchLimit <= 1 || this.consecutiveTimeouts >= this.maxConsecutiveTimeouts) {
        out.push(this.testProjected(messages[at++]!));
        continue;
      }
      const batch = messages.slice(at, at + this.batchLimit);
      const text = encodeFilterBatch(batch, this.parameters);
      // Rarely too big (values of up to 1 MiB each): fewer messages, down to one.
      if (text.length > MAX_BATCH_CHARS && batch.length > 1) {
        const fits = Math.max(1, Math.floor((batch.length * MAX_BATCH_CHARS) / text.length));
        out.push(...this.runBatch(batch.slice(0, fits), encodeFilterBatch(batch.slice(0, fits), this.parameters)));
        at += fits;
        continue;
      }
      out.push(...this.runBatch(batch, text));
      at += batch.length;
    }
    return out;
  }

  /** One sandbox call for `messages` (encoded as `text`); message by message when that call fails or runs over. */
  private runBatch(messages: readonly FilterInput[], text: string): FilterOutcome[] {
    const result = this.sandbox.callWithText(utf8WithNul(text), this.sandbox.limits.timeoutMs);
    if (!result.ok || result.value.length !== messages.length) {
      // Too slow for one budget: smaller batches from now on, down to one message a call (test()).
      if (!result.ok && result.error.kind === 'timeout') this.batchLimit = Math.max(1, Math.floor(messages.length / 2));
      return messages.map((m) => this.testProjected(m));
    }
    this.batchLimit = Math.min(MAX_BATCH_MESSAGES, this.batchLimit * 2);
    const verdicts = result.value;
    return messages.map((m, i) => {
      const verdict = verdicts[i];
      if (verdict === 'e') return this.testProjected(m);
      this.stats.evaluated++;
      return this.counted(verdict === '1');
    });
  }

  private counted(match: boolean): FilterOutcome {
    this.consecutiveTimeouts = 0;
    if (match) this.stats.matched++;
    return match ? MATCH : NO_MATCH;
  }

  private disabledOutcome(): FilterOutcome {
    return {
      ok: false,
      error: {
        kind: 'disabled',
        message: `The filter was stopped after ${this.consecutiveTimeouts} messages in a row took longer than ${this.sandbox.limits.timeoutMs} ms; simplify it and apply it again.`,
      },
    };
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
