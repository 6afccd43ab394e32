// Schema analysis in the worker thread vs in the calling thread, same schemas, same run:
//   node bench/schema-analysis.mjs [--runs 200]
// Prints per-call medians for an ordinary JSON Schema and an Avro schema, the worker/inline ratio
// (the cost of the isolation: a message each way and a structured clone), how long a runaway schema
// takes to be stopped, and how long the next call takes on the fresh worker.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createJiti } from 'jiti';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 200;
const jiti = createJiti(import.meta.url, { interopDefault: false, alias: { '@': root, 'server-only': path.join(root, 'test/server-only-stub.ts') } });
const { analyzeSchemaText } = jiti(path.join(root, 'lib/domain/schemas/analyze-schema-text.ts'));
const { SchemaWorker } = jiti(path.join(root, 'lib/schema-analysis/schema-worker.ts'));

const worker = new SchemaWorker({
  unbundled: { bootstrap: new URL('../test/ts-worker-bootstrap.mjs', import.meta.url), tsEntry: path.join(root, 'lib/schema-analysis/schema-analysis.worker.ts') },
  startTimeoutMs: 120_000,
});

const schemas = {
  'JSON Schema (task event)': ['JSON', JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { taskId: { type: 'string', format: 'uuid' }, title: { type: 'string', minLength: 1, maxLength: 200 }, due: { type: 'string', format: 'date-time' }, tags: { type: 'array', items: { type: 'string' } }, priority: { enum: ['low', 'normal', 'high'] } }, required: ['taskId', 'title'] })],
  'Avro (task event)': ['AVRO', JSON.stringify({ type: 'record', name: 'TaskEvent', namespace: 'com.example', fields: [{ name: 'taskId', type: 'string' }, { name: 'title', type: 'string' }, { name: 'due', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null }] })],
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

await worker.analyze('JSON', '{}'); // start-up is not part of a call
for (const [label, [format, text]] of Object.entries(schemas)) {
  for (let i = 0; i < 20; i++) {
    analyzeSchemaText(format, text);
    await worker.analyze(format, text);
  }
  const inline = [];
  const isolated = [];
  for (let i = 0; i < runs; i++) {
    inline.push(await time(() => analyzeSchemaText(format, text)));
    isolated.push(await time(() => worker.analyze(format, text)));
  }
  const a = median(inline);
  const b = median(isolated);
  console.log(`${label}: inline ${a.toFixed(2)} ms, worker ${b.toFixed(2)} ms per call (median of ${runs}); worker/inline ${(b / a).toFixed(2)}×`);
}

const runaway = JSON.stringify({ type: 'object', properties: { [`${'a'.repeat(32)}!`]: { type: 'string' } }, patternProperties: { '^(?!x)(a+)+$': { type: 'string' } } });
const stopped = await time(() => worker.analyze('JSON', runaway).catch((e) => e));
const next = await time(() => worker.analyze(...schemas['JSON Schema (task event)']));
console.log(`runaway schema: stopped after ${stopped.toFixed(0)} ms (limit ${worker.limits.timeoutMs} ms); next call on a fresh worker ${next.toFixed(0)} ms (includes loading the worker; jiti transpiles here, the production bundle does not)`);
await worker.close();
