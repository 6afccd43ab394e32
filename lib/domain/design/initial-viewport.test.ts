import { describe, expect, it } from 'vitest';
import { initialViewport, type NodeBox } from './initial-viewport';

const screen = { width: 820, height: 700 };
const options = { readableZoom: 0.65, maxZoom: 1, padding: 32 };
const box = (x: number, y: number): NodeBox => ({ x, y, width: 220, height: 80 });
/** Where a flow point lands on screen under a viewport. */
const onScreen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({ x: v.x + p.x * v.zoom, y: v.y + p.y * v.zoom });

describe('initialViewport', () => {
  it('opens an empty design at 100 %', () => {
    expect(initialViewport([], screen, options)).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('centres a small design without zooming past the maximum', () => {
    const v = initialViewport([box(0, 0), box(300, 0)], screen, options);
    expect(v.zoom).toBe(1);
    expect(onScreen(v, { x: 260, y: 40 })).toEqual({ x: 410, y: 350 });
  });

  it('fits the whole design when that stays readable', () => {
    const nodes = [box(0, 0), box(330, 0), box(660, 0), box(990, 0)]; // 1,210 wide: 756 / 1,210 = 0.62, not readable
    const narrow = nodes.slice(0, 3); // 880 wide: 756 / 880 = 0.86
    const v = initialViewport(narrow, screen, options);
    expect(v.zoom).toBeCloseTo(756 / 880);
    expect(onScreen(v, { x: 0, y: 0 }).x).toBeCloseTo(32);
    expect(onScreen(v, { x: 880, y: 0 }).x).toBeCloseTo(788);
    expect(initialViewport(nodes, screen, options).zoom).toBe(0.65);
  });

  it('opens a wide design at the readable zoom on its first columns, centred on them', () => {
    // Ten columns of three nodes: 3,300 px wide, far below a readable zoom when fitted whole.
    const nodes = Array.from({ length: 10 }, (_, c) => [box(c * 330, 0), box(c * 330, 120), box(c * 330, 240)]).flat();
    const v = initialViewport(nodes, screen, options);
    expect(v.zoom).toBe(0.65);
    expect(onScreen(v, { x: 0, y: 0 }).x).toBe(32); // the left edge of the design at the padding
    const middle = onScreen(v, { x: 0, y: 160 }); // the first column's vertical middle
    expect(middle.y).toBeCloseTo(350);
    // The first four columns are wholly on screen; the fifth is not.
    expect(onScreen(v, { x: 990 + 220, y: 0 }).x).toBeLessThanOrEqual(screen.width);
    expect(onScreen(v, { x: 1320 + 220, y: 0 }).x).toBeGreaterThan(screen.width);
  });

  it('starts a tall first screenful at its top rather than its middle', () => {
    const nodes = Array.from({ length: 40 }, (_, r) => box(0, r * 120)).concat([box(5000, 0)]);
    const v = initialViewport(nodes, screen, options);
    expect(v.zoom).toBe(0.65);
    expect(onScreen(v, { x: 0, y: 0 }).y).toBeCloseTo(32);
  });
});
