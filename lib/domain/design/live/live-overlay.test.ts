import { describe, expect, it } from 'vitest';
import { retryDlqTemplate } from '../templates/retry-dlq';
import { endOffsetTotals, groupLag, liveOverlayFrame, produceRates } from './live-overlay';

describe('produceRates', () => {
  it('is the end-offset delta per second, and silent without two readings or after a recreation', () => {
    expect(produceRates(null, { at: 1000, totals: { a: 5n } })).toEqual({});
    expect(produceRates({ at: 1000, totals: { a: 5n, b: 100n } }, { at: 3000, totals: { a: 25n, b: 10n, c: 1n } })).toEqual({ a: 10 });
  });
});

describe('groupLag', () => {
  const highs = { a: { 0: 100n, 1: 5n }, b: { 0: 7n } };
  it.each([
    ['sums end minus committed on the chosen topics', [{ topic: 'a', partition: 0, offset: '90' }, { topic: 'a', partition: 1, offset: '5' }, { topic: 'b', partition: 0, offset: '0' }], 10],
    ['is unknown without a commit or a watermark', [{ topic: 'a', partition: 0, offset: null }, { topic: 'a', partition: 9, offset: '1' }], null],
    ['never goes negative (a commit read after the watermark)', [{ topic: 'a', partition: 1, offset: '6' }], 0],
  ])('%s', (_, committed, expected) => {
    expect(groupLag(committed, highs, new Set(['a']))).toBe(expected);
  });
  it('totals per topic', () => {
    expect(endOffsetTotals(highs)).toEqual({ a: 105n, b: 7n });
  });
});

describe('liveOverlayFrame', () => {
  const design = retryDlqTemplate.document;
  it('maps rates and groups onto design ids and reports drift both ways', () => {
    const frame = liveOverlayFrame(design, {
      at: 5,
      clusterTopics: ['orders', 'orders.dlq', 'legacy-orders'],
      rates: { orders: 12.5 },
      highs: { orders: { 0: 50n, 1: 10n } },
      groups: new Map([['payment-service', { state: 'Stable', members: 2, committed: [{ topic: 'orders', partition: 0, offset: '8' }, { topic: 'orders', partition: 1, offset: '10' }] }]]),
    });
    expect(frame.topicRates).toEqual({ orders: 12.5 });
    expect(frame.groups['payment-service-consumes-orders']).toEqual({ lag: 42, state: 'Stable', members: 2 });
    expect(frame.groups['dlq-reprocessor-consumes-orders-dlq']).toEqual({ lag: null, state: 'not in cluster', members: 0 });
    expect(frame.missing).toEqual(['orders-retry-1', 'orders-retry-2', 'orders-retry-3']);
    expect(frame.extra).toEqual(['legacy-orders']);
  });
});
