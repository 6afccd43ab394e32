#!/usr/bin/env node
// Search: the console's filtered scan (SSE search, filter in the QuickJS sandbox) vs
// `kcat -C -e | jq 'select(...)'`, same topic of 1 KB JSON records, same predicate, same run.
// Prints wall times, CPU times (the console's server process group; kcat plus jq), rates and the ratio, and checks that both found the same records (the counts
// must match, or the comparison means nothing: exit code 1 then). Asserts nothing about time.
//
//   npm run stack -- up && npx next build && node bench/search.mjs [--messages 200000 | --1m] [--rounds 3] [--url http://127.0.0.1:3000]
import { spawn } from 'node:child_process';
import { arg, ensureTopic, fmt, groupCpuSeconds, BOOTSTRAP, readEventStream, sampleProcessCpu, startConsole } from './messages-bench-lib.mjs';

const MESSAGES = arg('1m', false) ? 1_000_000 : Number(arg('messages', 200_000));
const TOPIC = `bench-tail-${MESSAGES}`;
await ensureTopic(TOPIC, MESSAGES, 3);

// 200 records match at any size, below the search's stop-at-1,000, so both scan everything.
const EVERY = MESSAGES / 200;
const FILTER = `value.seq % ${EVERY} === 7 && value.type === 'OrderPlaced'`;
const JQ = `select(.seq % ${EVERY} == 7 and .type == "OrderPlaced")`;

async function consoleSearch(url, pgid) {
  const cpu0 = pgid ? groupCpuSeconds(pgid) : null;
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
  const elapsed = (performance.now() - started) / 1000;
  return { scanned, matched, filterErrors, elapsed, cpu: cpu0 === null ? null : groupCpuSeconds(pgid) - cpu0 };
}

async function kcatJq() {
  const started = performance.now();
  let matched = 0;
  let scanned = 0;
  let cpu = 0;
  await new Promise((resolve, reject) => {
    const kcat = spawn('kcat', ['-C', '-b', BOOTSTRAP, '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-f', '%s\n']);
    const jq = spawn('jq', ['-c', JQ]);
    const cpus = Promise.all([sampleProcessCpu(kcat), sampleProcessCpu(jq)]);
    kcat.stdout.on('data', (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) scanned++;
    });
    kcat.stdout.pipe(jq.stdin);
    jq.stdout.on('data', (chunk) => {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) matched++;
    });
    jq.on('exit', (code) => (code === 0 ? cpus.then(([a, b]) => ((cpu = a + b), resolve())) : reject(new Error(`jq exited ${code}`))));
  });
  return { scanned, matched, elapsed: (performance.now() - started) / 1000, cpu };
}

// The machine is shared and noisy: several rounds, the two sides alternating within each, and the
// median ratio of the rounds beside each round's own.
const ROUNDS = Number(arg('rounds', 3));
const app = await startConsole(3472);
try {
  await consoleSearch(app.url, app.pgid).catch(() => undefined); // warm-up (modules, sandbox, connections)
  console.log(`\nFiltered scan of ${fmt(MESSAGES)} records of 1 KB JSON, same topic, same predicate, ${ROUNDS} rounds:`);
  const ratios = [];
  let allSame = true;
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate who goes first, so neither always gets the quieter half of a round.
    const order = round % 2 ? ['console', 'kcat'] : ['kcat', 'console'];
    const results = {};
    for (const side of order) results[side] = side === 'console' ? await consoleSearch(app.url, app.pgid) : await kcatJq();
    console.log(`  round ${round}`);
    for (const [name, r] of [['console search (QuickJS filter)', results.console], ['kcat -C -e | jq select(...)', results.kcat]]) {
      const cpu = r.cpu === null ? 'n/a with --url' : `${r.cpu.toFixed(1)} s`;
      console.log(`    ${name.padEnd(32)} ${r.elapsed.toFixed(1).padStart(6)} s  ${fmt(r.scanned / r.elapsed).padStart(8)} msg/s scanned, ${r.matched} matched, CPU ${cpu}`);
    }
    const ratio = results.console.elapsed / results.kcat.elapsed;
    ratios.push(ratio);
    const same = results.console.scanned === results.kcat.scanned && results.console.matched === results.kcat.matched && results.console.filterErrors === 0;
    allSame &&= same;
    console.log(`    console time / kcat|jq time      ${ratio.toFixed(2)}×  (below 1 is faster)`);
    console.log(
      `    same records found               ${same ? 'yes' : 'NO'}: scanned ${fmt(results.console.scanned)} / ${fmt(results.kcat.scanned)}, matched ${results.console.matched} / ${results.kcat.matched} (console / kcat|jq), filter errors ${results.console.filterErrors}`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(`  median console / kcat|jq time    ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}×  (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
  if (!allSame) process.exitCode = 1;
} finally {
  await app.stop();
}
