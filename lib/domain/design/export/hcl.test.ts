import { describe, expect, it } from 'vitest';
import { attribute, blank, block, comment, escapeHclString, heredoc, quoteHclString, ref, writeHcl } from './hcl';
import { formatHcl, parseHcl, templateLiteral } from './testing/hcl-check';

/** Parses `locals { v = <value> }` with HashiCorp's parser and returns what v holds. */
async function roundTrip(value: string): Promise<unknown> {
  const parsed = (await parseHcl(writeHcl([block('locals', [], [attribute('v', value)])]))) as { locals: [{ v: unknown }] };
  return parsed.locals[0].v;
}

describe('escapeHclString', () => {
  it.each([
    ['plain', 'orders', 'orders'],
    ['backslash', 'a\\b', 'a\\\\b'],
    ['quote', 'say "hi"', 'say \\"hi\\"'],
    ['newline, return, tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['other control characters', 'a\u0000b\u001bc\u007f', 'a\\u0000b\\u001bc\\u007f'],
    ['interpolation', '${var.secret}', '$${var.secret}'],
    ['directive', '%{ if true }x%{ endif }', '%%{ if true }x%%{ endif }'],
    ['an already escaped interpolation stays literal', '$${x}', '$$${x}'],
    ['lone $ and % are literal', '100% $5 {x}', '100% $5 {x}'],
    ['non-ASCII stays as is', 'Aufgabe fällig ✓ 😀', 'Aufgabe fällig ✓ 😀'],
  ])('%s', (_, input, expected) => {
    expect(escapeHclString(input)).toBe(expected);
  });
});

describe('HCL strings through the real parser', () => {
  const hostile = [
    'orders',
    '${var.secret}',
    '%{ for x in y }${x}%{ endfor }',
    '$${already escaped}',
    'ends with $',
    'ends with %',
    'quote " backslash \\ newline \n tab \t return \r',
    '\u0001\u001f\u007f',
    '"; } resource "evil" "x" { a = "',
    'fällig ✓ 😀',
  ];

  it.each(hostile)('%j reads back unchanged', async (value) => {
    const read = await roundTrip(value);
    expect(typeof read).toBe('string');
    expect(templateLiteral(read as string)).toBe(value);
  });

  it('keeps a heredoc exact, with or without a final newline, and escapes only template introducers', async () => {
    for (const text of ['{\n  "a": "${x}",\n  "b": "\\\\n \\"q\\""\n}', 'line 1\n  indented\n\nEOT\nlast\n', 'syntax = "proto3";\nmessage A { string id = 1; }\n']) {
      const parsed = (await parseHcl(writeHcl([block('locals', [], [attribute('v', heredoc(text))])]))) as { locals: [{ v: string }] };
      // chomp() stays a call in the JSON syntax, with the heredoc inside it as written.
      const raw = parsed.locals[0].v;
      const call = /^\$\{chomp\(<<(EOT\d*)\n([\s\S]*)\n\1\n\s*\)\}$/.exec(raw);
      expect(call === null).toBe(text.endsWith('\n'));
      expect(templateLiteral(call ? call[2]! : raw)).toBe(text);
    }
  });

  it('rejects what the parser rejects (the check has teeth)', async () => {
    await expect(parseHcl('locals {\n  v = "a\\qb"\n}\n')).rejects.toThrow(/Invalid escape sequence/);
    await expect(parseHcl('locals {\n  v = "unterminated\n}\n')).rejects.toThrow();
  });
});

describe('writeHcl', () => {
  const file = writeHcl([
    comment('Generated.\nSecond line.'),
    block('terraform', [], [block('required_providers', [], [attribute('kafka', { source: 'Mongey/kafka' })])]),
    blank,
    block('variable', ['bootstrap_servers'], [attribute('type', ref('list(string)')), attribute('description', 'Brokers')]),
    blank,
    block('resource', ['kafka_topic', 'orders'], [
      attribute('name', 'orders'),
      attribute('partitions', 6),
      attribute('replication_factor', 3),
      attribute('config', { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' }),
      attribute('enabled', true),
      attribute('nothing', null),
      attribute('tags', ['a', 'b']),
      attribute('empty', {}),
      block('lifecycle', [], []),
    ]),
  ]);

  it('lays the file out as terraform fmt does', async () => {
    expect(await formatHcl(file)).toBe(file);
    expect(file).toBe(
      [
        '# Generated.',
        '# Second line.',
        'terraform {',
        '  required_providers {',
        '    kafka = {',
        '      source = "Mongey/kafka"',
        '    }',
        '  }',
        '}',
        '',
        'variable "bootstrap_servers" {',
        '  type        = list(string)',
        '  description = "Brokers"',
        '}',
        '',
        'resource "kafka_topic" "orders" {',
        '  name               = "orders"',
        '  partitions         = 6',
        '  replication_factor = 3',
        '  config = {',
        '    "cleanup.policy"      = "compact"',
        '    "min.insync.replicas" = "2"',
        '  }',
        '  enabled = true',
        '  nothing = null',
        '  tags    = ["a", "b"]',
        '  empty   = {}',
        '  lifecycle {}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('parses to the values it was given', async () => {
    const parsed = (await parseHcl(file)) as { resource: { kafka_topic: { orders: Record<string, unknown>[] } } };
    expect(parsed.resource.kafka_topic.orders[0]).toMatchObject({ name: 'orders', partitions: 6, replication_factor: 3, config: { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' }, enabled: true, tags: ['a', 'b'] });
  });

  it('formats a heredoc inside chomp() the way terraform fmt does', async () => {
    const text = writeHcl([block('resource', ['confluent_schema', 's'], [attribute('format', 'AVRO'), attribute('schema', heredoc('{\n  "type": "string"\n}')), attribute('subject_name', 's-value')])]);
    expect(await formatHcl(text)).toBe(text);
    expect(text).toContain('  format = "AVRO"\n  schema = chomp(<<EOT\n{\n  "type": "string"\n}\nEOT\n  )\n');
  });

  it('aligns a bare heredoc with its neighbours, as terraform fmt does', async () => {
    const text = writeHcl([block('locals', [], [attribute('a', 1), attribute('text', heredoc('x\n')), attribute('long_name', 2)])]);
    expect(await formatHcl(text)).toBe(text);
    expect(text).toBe('locals {\n  a         = 1\n  text      = <<EOT\nx\nEOT\n  long_name = 2\n}\n');
  });

  it('picks a heredoc marker that is not a line of the text', () => {
    expect(writeHcl([attribute('v', heredoc('EOT\nEOT1\n'))])).toBe('v = <<EOT2\nEOT\nEOT1\nEOT2\n');
  });

  it('refuses names that are not identifiers, so a label never becomes syntax', () => {
    expect(() => writeHcl([attribute('a b', 1)])).toThrow('Not an HCL attribute name');
    expect(() => writeHcl([block('x y', [], [])])).toThrow('Not an HCL block type');
    expect(() => ref('var.x; evil')).toThrow('Not a plain reference');
    expect(() => writeHcl([attribute('n', Number.NaN)])).toThrow('HCL has no literal');
  });

  it('writes identifier keys bare and quotes the rest, keywords included', async () => {
    const text = writeHcl([attribute('m', { source: 'a', 'retention.ms': '1', null: 'n', true: 't', '${x}': 'y' })]);
    expect(text).toBe('m = {\n  source         = "a"\n  "retention.ms" = "1"\n  "null"         = "n"\n  "true"         = "t"\n  "$${x}"        = "y"\n}\n');
    expect(await parseHcl(text)).toEqual({ m: { source: 'a', 'retention.ms': '1', null: 'n', true: 't', '$${x}': 'y' } });
  });

  it('quotes block labels', () => {
    expect(writeHcl([block('resource', ['kafka_topic', 'a"b'], [])])).toBe('resource "kafka_topic" "a\\"b" {}\n');
    expect(quoteHclString('x')).toBe('"x"');
  });
});
