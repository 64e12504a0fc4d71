// A report table's chart (issue 12, item 1): horizontal bars drawn on the server as SVG written in JSX — no
// script, no inline styles, nothing the nonce-based CSP refuses. Each row has two bars, the period and the one
// before, each labelled with its figure in words as well as drawn, so colour is never the only signal; the table
// beside it is the full text alternative. Scales from d3-scale.
import { scaleBand, scaleLinear } from "d3-scale";

export interface ChartRow {
  readonly label: string;
  readonly now: number;
  readonly before: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 60;
const BAR_HEIGHT = 14;
const ROW_GAP = 14;

export function BarChart({ id, title, nowLabel, beforeLabel, rows }: { id: string; title: string; nowLabel: string; beforeLabel: string; rows: readonly ChartRow[] }) {
  const height = rows.length * (2 * BAR_HEIGHT + ROW_GAP) + 30;
  const rowBand = scaleBand<number>()
    .domain(rows.map((_, index) => index))
    .range([30, height])
    .paddingInner(ROW_GAP / (2 * BAR_HEIGHT + ROW_GAP));
  const largest = Math.max(1, ...rows.flatMap((row) => [row.now, row.before]));
  const length = scaleLinear().domain([0, largest]).range([0, WIDTH - LABEL_WIDTH - VALUE_WIDTH]);
  return (
    <svg className="council-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <g aria-hidden="true">
        <rect className="council-chart__now" x={LABEL_WIDTH} y={4} width={12} height={12} />
        <text className="council-chart__key" x={LABEL_WIDTH + 18} y={14}>
          {nowLabel}
        </text>
        <rect className="council-chart__before" x={LABEL_WIDTH + 200} y={4} width={12} height={12} />
        <text className="council-chart__key" x={LABEL_WIDTH + 218} y={14}>
          {beforeLabel}
        </text>
        {rows.map((row, index) => {
          const top = rowBand(index) ?? 0;
          return (
            <g key={row.label}>
              <text className="council-chart__label" x={LABEL_WIDTH - 8} y={top + BAR_HEIGHT + 4} textAnchor="end">
                {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
              </text>
              <rect className="council-chart__now" x={LABEL_WIDTH} y={top} width={length(row.now)} height={BAR_HEIGHT} />
              <text className="council-chart__value" x={LABEL_WIDTH + length(row.now) + 4} y={top + BAR_HEIGHT - 3}>
                {row.now}
              </text>
              <rect className="council-chart__before" x={LABEL_WIDTH} y={top + BAR_HEIGHT} width={length(row.before)} height={BAR_HEIGHT} />
              <text className="council-chart__value" x={LABEL_WIDTH + length(row.before) + 4} y={top + 2 * BAR_HEIGHT - 3}>
                {row.before}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
