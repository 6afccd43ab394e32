// Tests run the generated scripts in a real bash; only the exporters themselves must stay pure.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '@/lib/domain/design/fixtures';
import { designTemplate } from '@/lib/domain/design/templates';
import { exportKafkaTopicsScript, exportRpkScript } from '@/lib/domain/design/export/cli-scripts';
import { continuedCommand, shellQuote } from '@/lib/domain/design/export/shell';

const dir = mkdtempSync(join(tmpdir(), 'kea-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** bash's own reading of one quoted word. */
function bashWords(script: string): string[] {
  const out = execFileSync('bash', ['-c', `printf '%s\\0' ${script}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** A stand-in for kafka-topics.sh / rpk that records its arguments; rpk's also reports existing topics the way rpk does. */
function stub(name: string): { path: string; log: string } {
  const path = join(dir, name);
  const log = join(dir, `${name}.log`);
  writeFileSync(
    path,
    [
      '#!/usr/bin/env bash',
      'for a in "$@"; do printf \'%s\\037\' "$a"; done >> "$LOG"',
      "printf '\\036' >> \"$LOG\"",
      'last="${!#}"',
      'if [[ " ${EXISTING:-} " == *" $last "* ]]; then echo "TOPIC  STATUS"; echo "$last  TOPIC_ALREADY_EXISTS: The topic has already been created."; exit 1; fi',
      'if [[ "$last" == "${FAIL:-}" ]]; then echo "$last  POLICY_VIOLATION: no" >&2; exit 1; fi',
      'echo "created $last"',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return { path, log };
}

function calls(log: string): string[][] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\u001e')
    .slice(0, -1)
    .map((c) => c.split('\u001f').slice(0, -1));
}

function run(script: string, env: Record<string, string>) {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, script);
  return spawnSync('bash', [file], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } as unknown as NodeJS.ProcessEnv });
}

describe('shellQuote', () => {
  it.each([
    ['a plain word stays bare', 'retention.ms=604800000', 'retention.ms=604800000'],
    ['empty', '', "''"],
    ['space', 'a b', "'a b'"],
    ['single quote', "it's", "'it'\\''s'"],
    ['dollar and backticks', '$(rm -rf /) `id` $HOME', "'$(rm -rf /) `id` $HOME'"],
    ['glob and tilde', '*.log ~root', "'*.log ~root'"],
    ['newline', 'a\nb', "'a\nb'"],
  ])('%s', (_, value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it.each(['', 'a b', "it's", "''", '\'"\\', '$(touch /tmp/x) `id` ${HOME} $HOME', '*?[a]', '~', 'a\nb\tc', '!event', '-n', 'é😀', 'a=b;c|d&e>f<g'])('bash reads %j back as one word', (value) => {
    expect(bashWords(shellQuote(value))).toEqual([value]);
  });

  it('continues long commands over lines', () => {
    expect(continuedCommand(['cmd', 'x'], [['-p', '1'], ['-c', 'a=b']])).toBe('cmd x \\\n  -p 1 \\\n  -c a=b');
  });
});

const taskManagement = designTemplate('task-management')!.document;

describe('exportKafkaTopicsScript', () => {
  it('matches the golden file (update with `npx vitest run --project unit -u`)', async () => {
    await expect(exportKafkaTopicsScript(taskManagement, { environment: 'dev' })).toMatchFileSnapshot('../lib/domain/design/export/golden/task-management.kafka-topics.sh');
  });

  it('is valid bash', () => {
    const file = join(dir, 'syntax.sh');
    writeFileSync(file, exportKafkaTopicsScript(taskManagement));
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
  });

  it('calls kafka-topics.sh once per topic with exactly the design’s values', () => {
    const kafkaTopics = stub('kafka-topics.sh');
    const result = run(exportKafkaTopicsScript(taskManagement, { environment: 'dev' }), { KAFKA_TOPICS: kafkaTopics.path, LOG: kafkaTopics.log, BOOTSTRAP_SERVER: 'broker-1:9092,broker-2:9092', COMMAND_CONFIG: '/etc/kafka/client.properties' });
    expect(result.status, result.stderr).toBe(0);
    const recorded = calls(kafkaTopics.log);
    expect(recorded).toHaveLength(taskManagement.topics.length);
    expect(recorded[0]).toEqual([
      '--bootstrap-server', 'broker-1:9092,broker-2:9092', '--command-config', '/etc/kafka/client.properties',
      '--create', '--if-not-exists', '--topic', 'task-events', '--partitions', '6', '--replication-factor', '1',
      '--config', 'min.insync.replicas=1', '--config', 'retention.ms=604800000',
    ]);
  });

  it('uses the default bootstrap server and no command config when none is set', () => {
    const kafkaTopics = stub('kafka-topics-default.sh');
    const result = run(exportKafkaTopicsScript(design({ topics: [topic('orders')], schemas: [schemaFor('orders')] }), { bootstrapServers: 'kafka:29092' }), { KAFKA_TOPICS: kafkaTopics.path, LOG: kafkaTopics.log });
    expect(result.status, result.stderr).toBe(0);
    expect(calls(kafkaTopics.log)[0]?.slice(0, 3)).toEqual(['--bootstrap-server', 'kafka:29092', '--create']);
  });

  it('passes hostile values through as data and keeps a hostile design name inside its comment', () => {
    const pwned = join(dir, 'pwned');
    const hostile = design({
      name: `x\ntouch ${pwned}\n#`,
      topics: [topic('odd', { name: '-odd.name_1', configs: { 'message.timestamp.type': `it's $(touch ${pwned}) "q" \`id\` $HOME\nnext` } })],
      schemas: [schemaFor('odd')],
    });
    const kafkaTopics = stub('kafka-topics-hostile.sh');
    const result = run(exportKafkaTopicsScript(hostile, { bootstrapServers: "b'; touch x; '" }), { KAFKA_TOPICS: kafkaTopics.path, LOG: kafkaTopics.log });
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(pwned)).toBe(false);
    expect(calls(kafkaTopics.log)[0]).toEqual([
      '--bootstrap-server', "b'; touch x; '", '--create', '--if-not-exists', '--topic=-odd.name_1', '--partitions', '3', '--replication-factor', '3',
      '--config', `message.timestamp.type=it's $(touch ${pwned}) "q" \`id\` $HOME\nnext`,
    ]);
  });
});

describe('exportRpkScript', () => {
  it('matches the golden file (update with `npx vitest run --project unit -u`)', async () => {
    await expect(exportRpkScript(taskManagement, { environment: 'dev' })).toMatchFileSnapshot('../lib/domain/design/export/golden/task-management.rpk.sh');
  });

  it('creates each topic with -p, -r and -c, and treats an existing topic as done', () => {
    const rpk = stub('rpk');
    const result = run(exportRpkScript(taskManagement), { RPK: rpk.path, LOG: rpk.log, BROKERS: 'redpanda:9092', EXISTING: 'reminders task-updates' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Topic reminders exists; left unchanged.');
    const recorded = calls(rpk.log);
    expect(recorded).toHaveLength(taskManagement.topics.length);
    expect(recorded[0]).toEqual(['topic', 'create', '-X', 'brokers=redpanda:9092', '-p', '6', '-r', '3', '-c', 'min.insync.replicas=2', '-c', 'retention.ms=604800000', '--', 'task-events']);
  });

  it('stops at the first topic rpk refuses for another reason', () => {
    const rpk = stub('rpk-fail');
    const result = run(exportRpkScript(taskManagement), { RPK: rpk.path, LOG: rpk.log, FAIL: 'reminders' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('POLICY_VIOLATION');
    expect(calls(rpk.log).map((c) => c.at(-1))).toEqual(['task-events', 'reminders']);
  });

  it('warns about even replication factors, which Redpanda refuses', () => {
    expect(exportRpkScript(design({ topics: [topic('orders', { replicationFactor: 2 })], schemas: [schemaFor('orders')] }))).toContain('# Redpanda accepts only odd replication factors; 2 will be refused.');
  });
});
