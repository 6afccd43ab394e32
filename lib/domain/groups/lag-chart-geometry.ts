import type { LagPoint } from './group-model';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels. */
  padLeft: number;
  padRight: number;
  padTop: number;
  padBottom: number;
}

export interface ChartTick {
  value: number;
  /** Pixel position along the axis. */
  at: number;
  label: string;
}

export interface LagChartGeometry {
  /** SVG path of the line ("" with no points). */
  line: string;
  /** The same line closed down to the x axis, for the fill. */
  area: string;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  /** Last point, for the marker. */
  last: { x: number; y: number } | null;
  yMax: number;
}

/** 1, 2, 5 × 10^n at or above `value`: axis maxima people can read. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  for (const m of [1, 2, 5, 10]) if (m * base >= value) return m * base;
  return 10 * base;
}

/** 1234567 → "1.2M": axis labels, not the tables (those show exact counts). */
export function compactCount(n: number): string {
  const abs = Math.abs(n);
  for (const [size, suffix] of [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const) {
    if (abs >= size) return `${(n / size).toFixed(abs >= size * 10 ? 0 : 1).replace(/\.0$/, '')}${suffix}`;
  }
  return String(Math.round(n));
}

const clock = (t: number) => {
  const d = new Date(t);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/**
 * Pixel geometry of the lag-over-time chart: linear time on x (the window shown is at least
 * `minSpanMs`, so two points do not stretch across the whole width), lag on y from 0 to a round
 * maximum. Pure, so the chart component is only markup.
 */
export function lagChartGeometry(points: readonly LagPoint[], box: ChartBox, options: { minSpanMs?: number; formatTime?: (t: number) => string } = {}): LagChartGeometry {
  const formatTime = options.formatTime ?? clock;
  const innerW = box.width - box.padLeft - box.padRight;
  const innerH = box.height - box.padTop - box.padBottom;
  const maxLag = points.reduce((m, p) => Math.max(m, p.lag), 0);
  const yMax = niceCeiling(maxLag);
  const tEnd = points.at(-1)?.t ?? 0;
  const tStart = Math.min(points[0]?.t ?? 0, tEnd - (options.minSpanMs ?? 60_000));
  const span = Math.max(1, tEnd - tStart);
  const x = (t: number) => box.padLeft + ((t - tStart) / span) * innerW;
  const y = (lag: number) => box.padTop + innerH - (lag / yMax) * innerH;
  const r = (n: number) => Math.round(n * 10) / 10;

  const coords = points.map((p) => [r(x(p.t)), r(y(p.lag))] as const);
  const line = coords.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px},${py}`).join(' ');
  const baseline = r(box.padTop + innerH);
  const area = coords.length ? `${line} L${coords.at(-1)![0]},${baseline} L${coords[0]![0]},${baseline} Z` : '';
  const yTicks = [0, 0.5, 1].map((f) => ({ value: yMax * f, at: r(y(yMax * f)), label: compactCount(yMax * f) }));
  const xTicks = points.length ? [tStart, tStart + span / 2, tEnd].map((t) => ({ value: t, at: r(x(t)), label: formatTime(t) })) : [];
  const lastCoord = coords.at(-1);
  return { line, area, xTicks, yTicks, last: lastCoord ? { x: lastCoord[0], y: lastCoord[1] } : null, yMax };
}
