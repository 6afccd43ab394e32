#!/usr/bin/env node
// Search: the console's filtered scan (SSE search, filter in the QuickJS sandbox) vs
// `kcat -C -e | jq 'select(...)'`, same topic of 1 KB JSON records, same predicate, same run.
// Prints wall times, rates and the ratio, and checks that both found the same records (the counts
// must match, or the comparison means nothing: exit code 1 then). Asserts nothing about time.
//
//   npm run stack -- up && npx next build && node bench/search.mjs [--messages 200000 | --1m] [--url http://127.0.0.1:3000]
import { spawn } from 'node:child_process';
import { arg, ensureTopic, fmt, BOOTSTRAP, readEventStream, startConsole } from './messages-bench-lib.mjs';

const MESSAGES = arg('1m', false) ? 1_000_000 : Number(arg('messages', 200_000));
const TOPIC = `bench-tail-${MESSAGES}`;
await ensureTopic(TOPIC, MESSAGES, 3);

// 200 records match at any size, below the search's stop-at-1,000, so both scan everything.
const EVERY = MESSAGES / 200;
const FILTER = `value.seq % ${EVERY} === 7 && value.type === 'OrderPlaced'`;
const JQ = `select(.seq % ${EVERY} == 7 and .type == "OrderPlaced")`;

async function consoleSearch(url) {
  const started = performance.now();
  let matched = 0;
  let scanned = 0;
  let filterErrors = 0;
  const q = new URLSearchParams({ filter: FILTER, from: 'oldest', max: '1000' });
  const stream = readEventStream(`${url}/api/clusters/local/topics/${TOPIC}/search?${q}`, (type, data) => {
    if (type === 'progress') ({ scanned, matched, filterErrors = 0 } = data);
    if (type === 'error') console.error('search error:', data.error.message);
  });
  await stream.done;
  return { scanned, matched, filterErrors, elapsed: (performance.now() - started) / 1000 };
}

async function kcatJq() {
  const started = performance.now();
  let matched = 0;
  let scanned = 0;
  await new Promise((resolve, reject) => {
    const kcat = spawn('kcat', ['-C', '-b', BOOTSTRAP, '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-f', '%s\n']);
    const jq = spawn('jq', ['-c', JQ]);
    kcat.stdout.on('data', (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) scanned++;
    });
    kcat.stdout.pipe(jq.stdin);
    jq.stdout.on('data', (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) matched++;
    });
    jq.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`jq exited ${code}`))));
  });
  return { scanned, matched, elapsed: (performance.now() - started) / 1000 };
}

const app = await startConsole(3472);
try {
  await consoleSearch(app.url).catch(() => undefined); // warm-up (modules, sandbox, connections)
  const results = { console: await consoleSearch(app.url), kcat: await kcatJq() };
  console.log(`\nFiltered scan of ${fmt(MESSAGES)} records of 1 KB JSON, same topic, same run:`);
  for (const [name, r] of [['console search (QuickJS filter)', results.console], ['kcat -C -e | jq select(...)', results.kcat]]) {
    console.log(`  ${name.padEnd(32)} ${r.elapsed.toFixed(1).padStart(6)} s  ${fmt(r.scanned / r.elapsed).padStart(8)} msg/s scanned, ${r.matched} matched`);
  }
  console.log(`  console time / kcat|jq time      ${(results.console.elapsed / results.kcat.elapsed).toFixed(2)}×  (below 1 is faster)`);
  const same = results.console.scanned === results.kcat.scanned && results.console.matched === results.kcat.matched && results.console.filterErrors === 0;
  console.log(
    `  same records found               ${same ? 'yes' : 'NO'}: scanned ${fmt(results.console.scanned)} / ${fmt(results.kcat.scanned)}, matched ${results.console.matched} / ${results.kcat.matched} (console / kcat|jq), filter errors ${results.console.filterErrors}`,
  );
  if (!same) process.exitCode = 1;
} finally {
  await app.stop();
}
