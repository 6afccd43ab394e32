import fs from 'node:fs';
import { readEventStream } from './bench/tail-sse-client.mjs';
import { cursorAtStart } from './bench/messages-bench-lib.mjs';
const pid = Number(process.argv[2]);
const cpuOf = () => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); const x = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(x[11]) + Number(x[12])) / 100; };
for (let run = 0; run < Number(process.argv[3] ?? 2); run++) {
  await new Promise((r) => setTimeout(r, 2500));
  const c0 = cpuOf(); const t0 = performance.now(); let count = 0;
  await new Promise((resolve) => { const s = readEventStream(`http://127.0.0.1:3201/api/clusters/local/topics/bench-tail-200000/tail?cursor=${cursorAtStart('bench-tail-200000', 3)}`, (type, data) => { if (type === 'batch') count += data.messages.length; if (count >= 200000) { s.close(); resolve(); } }); });
  const el = (performance.now() - t0) / 1000; const cpu = cpuOf() - c0;
  console.log(`rate ${Math.round(count / el)} msg/s, elapsed ${el.toFixed(2)} s, server CPU ${cpu.toFixed(2)} s (${(cpu / 200000 * 1e6).toFixed(1)} µs/msg)`);
}
