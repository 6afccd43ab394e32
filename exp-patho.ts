import { checkCompatibility } from './lib/domain/schemas/compatibility';
import { validateSchema } from './lib/domain/schemas/validate-schema';
import { sampleMessage } from './lib/domain/schemas/sample-message';
const t = (label: string, f: () => unknown) => { const s = Date.now(); let r; try { r = f(); } catch (e) { r = (e as Error).message.slice(0, 100); } console.log(label, Date.now() - s, 'ms', JSON.stringify(r).slice(0, 150)); };
for (const n of [20, 24]) {
  const name = 'a'.repeat(n) + '!';
  const prev = JSON.stringify({ type: 'object', patternProperties: { '^(a+)+$': { type: 'string' } }, additionalProperties: { type: 'integer' } });
  const cand = JSON.stringify({ type: 'object', properties: { [name]: { type: 'string' } }, patternProperties: { '^(a+)+$': { type: 'string' } }, additionalProperties: { type: 'integer' } });
  t('compat ' + n, () => checkCompatibility({ format: 'JSON', level: 'FULL', schema: cand, previous: [{ version: 1, definition: prev }] }));
}
// deep nesting
for (const depth of [1000, 5000]) {
  let s: any = { type: 'string' };
  for (let i = 0; i < depth; i++) s = { type: 'object', properties: { a: s } };
  t('deep ' + depth, () => validateSchema('JSON', JSON.stringify(s)).ok);
  t('deepsample ' + depth, () => sampleMessage('JSON', JSON.stringify(s)).ok);
}
// wide anyOf product
for (const n of [8, 12]) {
  const defs: any = { d0: { type: 'string' } };
  for (let i = 1; i <= n; i++) defs['d' + i] = { anyOf: [{ $ref: `#/$defs/d${i - 1}` }, { allOf: [{ $ref: `#/$defs/d${i - 1}` }] }] };
  const s = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: defs, $ref: `#/$defs/d${n}` });
  t('refs ' + n, () => validateSchema('JSON', s).ok);
  t('refsample ' + n, () => sampleMessage('JSON', s).ok);
}
