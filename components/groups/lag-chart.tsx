import { lagChartGeometry } from '@/lib/domain/groups/lag-chart-geometry';
import type { LagPoint } from '@/lib/domain/groups/group-model';
import { formatCount } from '@/components/topics/format';

const BOX = { width: 720, height: 180, padLeft: 48, padRight: 16, padTop: 12, padBottom: 26 };

/** Total lag over time as an SVG line: no chart library, the geometry is a tested pure function. */
export function LagChart({ points, intervalMs }: { points: LagPoint[]; intervalMs: number }) {
  const g = lagChartGeometry(points, BOX, { minSpanMs: Math.max(60_000, intervalMs * 12) });
  const latest = points.at(-1);
  const label = latest ? `Total lag over time; latest ${formatCount(latest.lag)} across ${points.length} samples.` : 'Total lag over time: no samples yet.';
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-1 flex items-baseline justify-between text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <span>Total lag</span>
        <span className="normal-case tabular-nums" data-testid="lag-sample-count">
          {points.length} sample{points.length === 1 ? '' : 's'}, one per {intervalMs / 1000} s
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="h-auto w-full" role="img" aria-label={label} data-testid="lag-chart">
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={BOX.padLeft} x2={BOX.width - BOX.padRight} y1={t.at} y2={t.at} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
            <text x={BOX.padLeft - 6} y={t.at + 4} textAnchor="end" className="fill-slate-500 text-[11px] tabular-nums dark:fill-slate-400">
              {t.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((t, i) => (
          <text
            key={i}
            x={t.at}
            y={BOX.height - 6}
            textAnchor={i === 0 ? 'start' : i === g.xTicks.length - 1 ? 'end' : 'middle'}
            className="fill-slate-500 text-[11px] tabular-nums dark:fill-slate-400"
          >
            {t.label}
          </text>
        ))}
        {g.area && <path d={g.area} className="fill-sky-500/15" />}
        {g.line && <path d={g.line} fill="none" className="stroke-sky-600 dark:stroke-sky-400" strokeWidth={2} strokeLinejoin="round" />}
        {g.last && <circle cx={g.last.x} cy={g.last.y} r={3.5} className="fill-sky-600 dark:fill-sky-400" />}
        {!latest && (
          <text x={BOX.width / 2} y={BOX.height / 2} textAnchor="middle" className="fill-slate-400 text-sm">
            Waiting for the first sample…
          </text>
        )}
      </svg>
    </figure>
  );
}
