// Shared by bench/tail.mjs, bench/tail-fanout.mjs and bench/search.mjs: a topic of 1 KB JSON
// records, the console started with `next start` (or one already running, --url), SSE reading.
import fs from 'node:fs';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

export const BOOTSTRAP = '127.0.0.1:9092';
export const kafka = new Kafka({ clientId: 'kea-bench', brokers: [BOOTSTRAP], logLevel: logLevel.NOTHING, requestTimeout: 120_000 });

export function arg(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = args[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
}

/** ~1 KB of JSON per record: a realistic event with a padding field. */
export function recordValue(seq) {
  const head = { seq, type: seq % 10 === 0 ? 'OrderCancelled' : 'OrderPlaced', customer: `c-${seq % 997}`, amount: (seq % 5000) / 10, at: 1_700_000_000_000 + seq };
  const text = JSON.stringify({ ...head, note: '' });
  return JSON.stringify({ ...head, note: 'x'.repeat(Math.max(0, 1024 - text.length)) });
}

/** A topic with exactly `count` records (created and filled once; reused by later runs). */
export async function ensureTopic(topic, count, partitions = 3) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
    }
    const have = (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
    if (have >= count) return;
    console.log(`writing ${count - have} records of 1 KB to ${topic}…`);
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const started = performance.now();
    const inflight = [];
    for (let seq = have; seq < count; seq += 500) {
      const n = Math.min(500, count - seq);
      inflight.push(producer.send({ topic, acks: 1, messages: Array.from({ length: n }, (_, i) => ({ key: `k${(seq + i) % 1000}`, value: recordValue(seq + i) })) }));
      if (inflight.length >= 8) await inflight.shift();
    }
    await Promise.all(inflight);
    await producer.disconnect();
    console.log(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await admin.disconnect();
  }
}

/** The console: --url of a running one, or `next start` on `port` (needs `npx next build` first). */
export async function startConsole(port) {
  const url = arg('url', null);
  if (url) return { url, pgid: null, stop: async () => undefined };
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
  if (taken) throw new Error(`Port ${port} is already in use; stop what runs there or pass --url of a running console.`);
  const child = spawn('npx', ['next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], { env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health?cluster=local`)).status < 600) break;
    } catch {}
    await sleep(500);
  }
  return {
    url: base,
    pgid: child.pid,
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    },
  };
}

/** CPU seconds (user + system) used so far by every process of a process group (Linux /proc). */
export function groupCpuSeconds(pgid) {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5: pgrp
      total += (Number(fields[11]) + Number(fields[12])) / tick; // utime, stime
    } catch {}
  }
  return total;
}

/**
 * CPU seconds of one process, sampled every 50 ms until it exits (the last sample before the exit
 * is kept, so up to 50 ms at the very end can be missed). Resolves when the process exits.
 */
export function sampleProcessCpu(child) {
  let last = 0;
  const read = () => {
    try {
      const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      last = (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ
    } catch {}
  };
  const timer = setInterval(read, 50);
  return new Promise((resolve) =>
    child.on('exit', () => {
      clearInterval(timer);
      resolve(last);
    }),
  );
}

/** The SSE id that makes a tail start at the beginning of every partition (stream-cursor.ts's format). */
export function cursorAtStart(topic, partitions) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(topic)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `v1.${hash.toString(36)}.${Array.from({ length: partitions }, () => '0').join('_')}`;
}

/**
 * Reads an SSE stream as a browser tab would (parses every batch's JSON), calling `onEvent(type,
 * data)` per event. Resolves with a function that disconnects.
 */
export function readEventStream(url, onEvent, headers = {}) {
  let req;
  const done = new Promise((resolve, reject) => {
    req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let at;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) onEvent(type, JSON.parse(data));
        }
      });
      res.on('end', resolve);
      res.on('error', resolve);
    });
    req.on('error', reject);
  });
  return { done, close: () => req.destroy() };
}

export const fmt = (n) => Math.round(n).toLocaleString('en');
