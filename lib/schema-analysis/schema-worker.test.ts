import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isConsoleError } from '@/lib/domain/console-error';
import { SchemaWorker } from './schema-worker';

/**
 * A real worker thread. Outside Next's bundle the worker entry is a .ts file, which Node 20 cannot
 * run, so it starts through a bootstrap that transpiles it with jiti (installed with vite and
 * eslint); in the production build Turbopack bundles the entry (checked with `next build && next start`).
 */
const TIMEOUT_MS = 1_500;
const UNBUNDLED = { bootstrap: new URL('../../test/ts-worker-bootstrap.mjs', import.meta.url), tsEntry: fileURLToPath(new URL('./schema-analysis.worker.ts', import.meta.url)) };
const worker = new SchemaWorker({ limits: { timeoutMs: TIMEOUT_MS }, unbundled: UNBUNDLED, startTimeoutMs: 120_000 });
afterAll(() => worker.close());

/**
 * ajv's strict mode tests every property name against every patternProperties regex while compiling.
 * The lookahead keeps the pattern catastrophic even where V8's linear-time fallback is on (linear-regexp.ts).
 */
function catastrophicSchema(): string {
  return JSON.stringify({ type: 'object', properties: { [`${'a'.repeat(32)}!`]: { type: 'string' } }, patternProperties: { '^(?!x)(a+)+$': { type: 'string' } } });
}

const TASK_SCHEMA = JSON.stringify({ type: 'object', properties: { taskId: { type: 'string', format: 'uuid' }, title: { type: 'string', minLength: 1 } }, required: ['taskId', 'title'] });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the task to fail');
}

describe('SchemaWorker', { timeout: 240_000 }, () => {
  it('analyses an ordinary JSON Schema: valid, with a sample message and the formatted text', async () => {
    const result = await worker.analyze('JSON', TASK_SCHEMA);
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(JSON.parse(result.sample!)).toEqual({ taskId: expect.any(String), title: expect.any(String) });
    expect(result.formatted).toContain('\n  "properties"');
  });

  it('reports problems of an invalid schema as data, not as a failure', async () => {
    const result = await worker.analyze('JSON', JSON.stringify({ type: 'objekt' }));
    expect(result.valid).toBe(false);
    expect(result.problems[0]?.message).toMatch(/"type"/);
  });

  it('stops a schema whose pattern backtracks catastrophically, then serves the next task from a fresh worker', async () => {
    const startedBefore = worker.started;
    const error = await failure(worker.analyze('JSON', catastrophicSchema()));
    expect(isConsoleError(error) && error.category).toBe('timeout');
    expect((error as Error).message).toMatch(new RegExp(`^Schema analysis took longer than ${TIMEOUT_MS} ms and was stopped\\.`));

    const next = await worker.analyze('JSON', TASK_SCHEMA);
    expect(next.valid).toBe(true);
    expect(worker.started).toBe(startedBefore + 1);
  });

  it('stops a compatibility check that runs a catastrophic patternProperties regex against a property name', async () => {
    const previous = JSON.stringify({ type: 'object', patternProperties: { '^(?!x)(a+)+$': { type: 'string' } }, additionalProperties: { type: 'integer' } });
    const candidate = JSON.stringify({ type: 'object', properties: { [`${'a'.repeat(32)}!`]: { type: 'string' } }, additionalProperties: { type: 'integer' } });
    const error = await failure(worker.compatibility({ format: 'JSON', level: 'FULL', schema: candidate, previous: [{ version: 1, definition: previous }] }));
    expect((error as Error).message).toMatch(/^Schema analysis took longer than \d+ ms and was stopped\./);

    const ordinary = await worker.compatibility({ format: 'JSON', level: 'BACKWARD', schema: TASK_SCHEMA, previous: [{ version: 1, definition: TASK_SCHEMA }] });
    expect(ordinary).toMatchObject({ ok: true, compatible: true });
  });

  it('queues tasks behind a runaway one and still answers them', async () => {
    const runaway = failure(worker.analyze('JSON', catastrophicSchema()));
    const queued = worker.analyze('AVRO', JSON.stringify({ type: 'record', name: 'Task', fields: [{ name: 'id', type: 'string' }] }));
    expect(((await runaway) as Error).message).toMatch(/took longer than/);
    expect(await queued).toMatchObject({ valid: true, problems: [] });
  });

  it('refuses work past its queue limit with a busy error instead of queueing without bound', async () => {
    const narrow = new SchemaWorker({ limits: { timeoutMs: TIMEOUT_MS }, maxQueue: 1, unbundled: UNBUNDLED, startTimeoutMs: 120_000 });
    try {
      await narrow.analyze('JSON', TASK_SCHEMA);
      const runaway = failure(narrow.analyze('JSON', catastrophicSchema()));
      const queued = narrow.analyze('JSON', TASK_SCHEMA);
      const refused = await failure(narrow.analyze('JSON', TASK_SCHEMA));
      expect(isConsoleError(refused) && refused.toJSON()).toEqual({ category: 'unavailable', message: 'Schema analysis is busy with 1 other schema; try again in a moment.', retryable: true });
      expect(((await runaway) as Error).message).toMatch(/took longer than/);
      expect((await queued).valid).toBe(true);
    } finally {
      await narrow.close();
    }
  });

  it('stops a worker at its heap limit (a sample message of 100 million strings) and starts a fresh one', async () => {
    const small = new SchemaWorker({ limits: { timeoutMs: 60_000, maxOldGenerationSizeMb: 32 }, unbundled: UNBUNDLED, startTimeoutMs: 120_000 });
    try {
      const huge = JSON.stringify({ type: 'array', minItems: 100_000_000, items: { type: 'string', minLength: 100 } });
      const error = await failure(small.analyze('JSON', huge));
      expect((error as Error).message).toBe('Schema analysis needed more than 32 MB of memory and was stopped; the schema is too large or too deeply expanded to check.');
      expect((await small.analyze('JSON', TASK_SCHEMA)).valid).toBe(true);
      expect(small.started).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('reports a schema nested deeper than the checker can follow as too deep, and keeps working', async () => {
    // Written as text: JSON.stringify would overflow this thread's own stack first.
    const depth = 5_000;
    const schema = `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${'}}'.repeat(depth)}`;
    const error = await failure(worker.analyze('JSON', schema));
    expect((error as Error).message).toMatch(/nested too deeply/);
    expect((await worker.analyze('JSON', TASK_SCHEMA)).valid).toBe(true);
  });
});
