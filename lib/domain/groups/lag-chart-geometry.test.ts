import { describe, expect, it } from 'vitest';
import { compactCount, lagChartGeometry, niceCeiling } from './lag-chart-geometry';

const box = { width: 200, height: 100, padLeft: 40, padRight: 10, padTop: 10, padBottom: 20 };

describe('lag chart geometry', () => {
  it.each([
    [0, 1],
    [0.3, 0.5],
    [7, 10],
    [11, 20],
    [450, 500],
    [1204, 2000],
  ])('niceCeiling(%d) = %d', (v, expected) => expect(niceCeiling(v)).toBe(expected));

  it.each([
    [999, '999'],
    [1204, '1.2k'],
    [25_000, '25k'],
    [3_400_000, '3.4M'],
    [2e9, '2B'],
  ])('compactCount(%d) = %s', (n, s) => expect(compactCount(n)).toBe(s));

  it('maps time to x and lag to y from zero to a round maximum', () => {
    const g = lagChartGeometry(
      [
        { t: 0, lag: 0 },
        { t: 30_000, lag: 40 },
        { t: 60_000, lag: 80 },
      ],
      box,
      { formatTime: (t) => `${t / 1000}s` },
    );
    expect(g.yMax).toBe(100);
    expect(g.line).toBe('M40,80 L115,52 L190,24');
    expect(g.area).toBe('M40,80 L115,52 L190,24 L190,80 L40,80 Z');
    expect(g.xTicks.map((t) => t.label)).toEqual(['0s', '30s', '60s']);
    expect(g.yTicks.map((t) => [t.label, t.at])).toEqual([['0', 80], ['50', 45], ['100', 10]]);
    expect(g.last).toEqual({ x: 190, y: 24 });
  });

  it('shows at least the minimum span, so one point sits at the right edge', () => {
    const g = lagChartGeometry([{ t: 100_000, lag: 5 }], box, { minSpanMs: 60_000 });
    expect(g.last!.x).toBe(190);
    expect(lagChartGeometry([], box)).toMatchObject({ line: '', area: '', xTicks: [], last: null });
  });
});
