/**
 * The worker thread that runs ajv (and the other schema parsers) over schemas users type. ajv
 * compiles every schema into JavaScript with `new Function` and runs user `pattern`s while it
 * compiles (strict mode tests each property name against each patternProperties regex), so a
 * schema is code: here it runs on its own V8 heap, with its own memory limits, and the server
 * can terminate it mid-loop. See schema-worker.ts for the limits.
 *
 * Bundled by Next (Turbopack follows `new Worker(new URL(...))`), so it imports our TypeScript as
 * any server module does; it must not import `server-only`, which only resolves inside React's
 * server graph.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeSchemaText } from '../domain/schemas/analyze-schema-text';
import { checkCompatibility } from '../domain/schemas/compatibility';
import type { FromWorker, SchemaTask, ToWorker } from './schema-analysis-protocol';

const port = parentPort;
if (!port) throw new Error('schema-analysis.worker runs only as a worker thread.');

function run(task: SchemaTask) {
  switch (task.kind) {
    case 'analyze':
      return analyzeSchemaText(task.format, task.definition);
    case 'compatibility':
      return checkCompatibility(task.input);
  }
}

port.on('message', ({ id, task }: ToWorker) => {
  let reply: FromWorker;
  try {
    reply = { type: 'done', id, result: run(task) };
  } catch (e) {
    reply = { type: 'failed', id, message: e instanceof Error ? e.message : String(e), stackOverflow: e instanceof RangeError && /call stack/i.test(e.message) };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies FromWorker);
