import 'server-only';
import { Worker } from 'node:worker_threads';
import { ConsoleError } from '@/lib/domain/console-error';
import type { SchemaFormat } from '@/lib/domain/design/model';
import type { SchemaAnalysis } from '@/lib/domain/schemas/analyze-schema-text';
import type { CompatibilityCheck, CompatibilityInput } from '@/lib/domain/schemas/compatibility';
import type { FromWorker, SchemaTask, SchemaTaskResults, ToWorker } from './schema-analysis-protocol';

/**
 * Runs schema analysis (ajv validation, sample messages, compatibility) in a worker thread, so a
 * schema that is expensive by accident or on purpose cannot stall the server: ajv treats schemas
 * as trusted code (it generates a validator with `new Function` and tests user `pattern`s while
 * compiling), and `^(?!x)(a+)+$` against a 30-letter property name backtracks for over a minute.
 * (The server's linear-time regexp fallback, linear-regexp.ts, applies in the worker too and
 * defuses plain nested quantifiers; it cannot run lookarounds or backreferences, and it does
 * nothing about schemas that are simply expensive, so the worker's limits stay the backstop.)
 *
 * One warm worker takes tasks one at a time (analysis is CPU-bound and the editor debounces).
 * A task that runs past `timeoutMs` gets the worker terminated (V8 stops it even inside a regex)
 * and a fresh one starts for the next task; a worker that exceeds its heap dies on its own and is
 * replaced the same way. The time limit is wall-clock from the moment the task reaches a ready
 * worker: waiting in the queue or for a worker to start does not count against it.
 */
export interface SchemaWorkerLimits {
  /** Wall-clock budget of one task, in ms. */
  timeoutMs: number;
  /** V8 heap limits of the worker, in MB (Worker resourceLimits). */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  /** The worker's stack; deep schemas end in a RangeError long before it, which is reported as such. */
  stackSizeMb: number;
}

export const DEFAULT_SCHEMA_WORKER_LIMITS: SchemaWorkerLimits = { timeoutMs: 3_000, maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

export interface SchemaWorkerOptions {
  limits?: Partial<SchemaWorkerLimits>;
  /** Tasks allowed to wait for the worker; past it callers get a "busy" error instead of an ever longer queue. */
  maxQueue?: number;
  /** Budget for a new worker to load its modules. */
  startTimeoutMs?: number;
  /**
   * Tests only: outside Next's bundle the entry is a .ts file Node cannot run, so the worker starts
   * from a JavaScript bootstrap that loads `tsEntry` (test/ts-worker-bootstrap.mjs).
   */
  unbundled?: { bootstrap: URL; tsEntry: string };
}

interface Job {
  id: number;
  task: SchemaTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Running {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class SchemaWorker {
  readonly limits: SchemaWorkerLimits;
  private readonly maxQueue: number;
  private readonly startTimeoutMs: number;
  private readonly unbundled: SchemaWorkerOptions['unbundled'];
  private readonly queue: Job[] = [];
  private current: Running | null = null;
  private nextId = 1;
  private closed = false;
  /** Workers started so far; tests read it to see that a timed-out worker was replaced. */
  started = 0;

  constructor(options: SchemaWorkerOptions = {}) {
    this.limits = { ...DEFAULT_SCHEMA_WORKER_LIMITS, ...options.limits };
    this.maxQueue = options.maxQueue ?? 32;
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.unbundled = options.unbundled;
  }

  analyze(format: SchemaFormat, definition: string): Promise<SchemaAnalysis> {
    return this.submit({ kind: 'analyze', format, definition });
  }

  compatibility(input: CompatibilityInput): Promise<CompatibilityCheck> {
    return this.submit({ kind: 'compatibility', input });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(stopped('the console is shutting down'));
    const running = this.current;
    this.current = null;
    if (running) {
      clearTimeout(running.timer);
      running.job?.reject(stopped('the console is shutting down'));
      await running.worker.terminate();
    }
  }

  private submit<K extends SchemaTask['kind']>(task: SchemaTask & { kind: K }): Promise<SchemaTaskResults[K]> {
    if (this.closed) return Promise.reject(stopped('the console is shutting down'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new ConsoleError({ category: 'unavailable', message: `Schema analysis is busy with ${this.queue.length} other schema${this.queue.length === 1 ? '' : 's'}; try again in a moment.`, retryable: true }));
    }
    return new Promise<SchemaTaskResults[K]>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** Hands the next queued task to the worker, starting one if there is none. */
  private pump() {
    if (this.closed || this.queue.length === 0) return;
    const running = this.current ?? this.spawn();
    if (!running.ready || running.job) return;
    const job = this.queue.shift()!;
    running.job = job;
    running.timer = setTimeout(() => this.fail(running, timedOut(this.limits.timeoutMs)), this.limits.timeoutMs);
    running.worker.postMessage({ id: job.id, task: job.task } satisfies ToWorker);
  }

  private spawn(): Running {
    this.started++;
    const resourceLimits = { maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: this.limits.maxYoungGenerationSizeMb, stackSizeMb: this.limits.stackSizeMb };
    const worker = this.unbundled
      ? new Worker(this.unbundled.bootstrap, { resourceLimits, workerData: { tsEntry: this.unbundled.tsEntry } })
      : // Spelled out in the call: the form Turbopack recognises and bundles as a worker entry.
        new Worker(new URL('./schema-analysis.worker.ts', import.meta.url), { resourceLimits });
    // An idle worker must not keep the process (a test run, a build) alive.
    worker.unref();
    const running: Running = { worker, ready: false, job: null, timer: undefined };
    running.timer = setTimeout(() => this.fail(running, new ConsoleError({ category: 'unavailable', message: `The schema analysis worker did not start within ${this.startTimeoutMs} ms.`, retryable: true })), this.startTimeoutMs);
    this.current = running;

    worker.on('message', (message: FromWorker) => {
      if (this.current !== running) return;
      if (message.type === 'ready') {
        clearTimeout(running.timer);
        running.ready = true;
      } else {
        const job = running.job;
        if (!job || job.id !== message.id) return;
        clearTimeout(running.timer);
        running.job = null;
        if (message.type === 'done') job.resolve(message.result);
        else job.reject(taskFailed(message.message, message.stackOverflow));
      }
      this.pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.fail(running, memory ? outOfMemory(this.limits.maxOldGenerationSizeMb) : new ConsoleError({ category: 'internal', message: `Schema analysis failed: ${error.message}`, retryable: true }));
    });
    worker.on('exit', (code) => {
      this.fail(running, new ConsoleError({ category: 'internal', message: `The schema analysis worker stopped unexpectedly (exit code ${code}).`, retryable: true }));
    });
    return running;
  }

  /** Ends this worker for good: its task (if any) fails with `error`, the next task gets a new worker. */
  private fail(running: Running, error: ConsoleError) {
    if (this.current !== running) return;
    this.current = null;
    clearTimeout(running.timer);
    // A worker that never got ready fails the task waiting for it, or the next one would wait forever.
    const job = running.job ?? (running.ready ? undefined : this.queue.shift());
    job?.reject(error);
    void running.worker.terminate();
    this.pump();
  }
}

function timedOut(ms: number): ConsoleError {
  return new ConsoleError({
    category: 'timeout',
    message: `Schema analysis took longer than ${ms} ms and was stopped. The schema is too expensive to check: look for a "pattern" or "patternProperties" regex that backtracks (nested quantifiers such as (a+)+), or very deep nesting, and simplify it.`,
    retryable: false,
  });
}

function outOfMemory(mb: number): ConsoleError {
  return new ConsoleError({ category: 'invalid-input', message: `Schema analysis needed more than ${mb} MB of memory and was stopped; the schema is too large or too deeply expanded to check.`, retryable: false });
}

function taskFailed(message: string, stackOverflow: boolean): ConsoleError {
  return stackOverflow
    ? new ConsoleError({ category: 'invalid-input', message: 'The schema is nested too deeply to analyse (the checker ran out of stack); flatten it with $defs and $ref.', retryable: false })
    : new ConsoleError({ category: 'internal', message: `Schema analysis failed: ${message}`, retryable: false });
}

function stopped(why: string): ConsoleError {
  return new ConsoleError({ category: 'unavailable', message: `Schema analysis was stopped: ${why}.`, retryable: true });
}

const GLOBAL_KEY = Symbol.for('kea.schemaWorker');

/** The server's one schema worker; kept on globalThis so dev-mode reloads do not leak workers. */
export function schemaWorker(): SchemaWorker {
  const holder = globalThis as unknown as Record<symbol, SchemaWorker | undefined>;
  return (holder[GLOBAL_KEY] ??= new SchemaWorker());
}
