import { describe, expect, it } from 'vitest';
import { defuseFormula, toCsv } from './message-export-csv';
import { toJsonLines } from './message-export';
import type { MessageView } from './message-model';

const message = (offset: string, value: MessageView['value'], key: MessageView['key'] = { format: 'null', size: 0, truncated: false }): MessageView => ({
  topic: 'orders',
  partition: 0,
  offset,
  timestamp: Date.UTC(2025, 0, 1),
  key,
  value,
  headers: [{ key: 'source', value: 'web' }],
  size: 10,
});

const messages = [
  message('1', { format: 'json', size: 30, truncated: false, value: { note: 'line one\nline "two"', total: 5 } }, { format: 'text', size: 5, truncated: false, text: 'a,b' }),
  message('2', { format: 'text', size: 14, truncated: false, text: '=HYPERLINK("x")' }),
  message('3', { format: 'avro', schemaId: 7, size: 900, truncated: true, text: '{"big":' }),
  message('4', { format: 'binary', size: 2, truncated: false, base64: 'AQI=', hex: '01 02' }),
];

describe('toJsonLines', () => {
  it('writes one parseable record per line', () => {
    const lines = toJsonLines(messages).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      topic: 'orders',
      partition: 0,
      offset: '1',
      timestamp: '2025-01-01T00:00:00.000Z',
      key: 'a,b',
      value: { note: 'line one\nline "two"', total: 5 },
      headers: { source: 'web' },
      keyFormat: 'text',
      valueFormat: 'json',
      valueSchemaId: null,
      size: 10,
      truncated: false,
    });
    expect(JSON.parse(lines[2]!)).toMatchObject({ value: '{"big":', valueFormat: 'avro', valueSchemaId: 7, truncated: true });
    expect(toJsonLines([])).toBe('');
  });
});

describe('toCsv', () => {
  it('quotes, escapes and defuses formulas', () => {
    expect(toCsv(messages).split('\r\n')).toEqual([
      'topic,partition,offset,timestamp,key,value,headers,keyFormat,valueFormat,valueSchemaId,size,truncated',
      'orders,0,1,2025-01-01T00:00:00.000Z,"a,b","{""note"":""line one\\nline \\""two\\"""",""total"":5}","{""source"":""web""}",text,json,,10,false',
      `orders,0,2,2025-01-01T00:00:00.000Z,,"'=HYPERLINK(""x"")","{""source"":""web""}",null,text,,10,false`,
      'orders,0,3,2025-01-01T00:00:00.000Z,,"{""big"":","{""source"":""web""}",null,avro,7,10,true',
      'orders,0,4,2025-01-01T00:00:00.000Z,,AQI=,"{""source"":""web""}",null,binary,,10,false',
      '',
    ]);
  });

  it('writes only the header for no messages', () => {
    expect(toCsv([])).toBe('topic,partition,offset,timestamp,key,value,headers,keyFormat,valueFormat,valueSchemaId,size,truncated\r\n');
  });
});

describe('defuseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\t=x', "'\t=x"],
    ['-42', '-42'],
    ['-1.5', '-1.5'],
    ['plain', 'plain'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(defuseFormula(input)).toBe(expected));
});
