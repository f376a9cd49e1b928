/**
 * A horizontal bar chart drawn on the server as SVG: no script, no colour carrying meaning. Each bar has its label
 * above it and its value written in a column to its right; the chart is one image to assistive technology, named by its <title>
 * and described by a <desc> that reads out every value. Always shown beside a table of the same figures.
 */
export type Bar = {
  label: string;
  /** The bar's length; null draws no bar (nothing to count). */
  value: number | null;
  /** What is written after the bar, e.g. "12" or "75% (3 of 4)". */
  text: string;
  /** A marker across the bar (e.g. a target), on the same scale as `value`. */
  marker?: number;
};

const WIDTH = 640;
const BAR_AREA = 460;
const ROW = 48;
const TOP = 8;
const INK = "#0b0c0c";
const BAR = "#1d70b8";
const AXIS = "#505a5f";

export function BarChart({ id, title, description, bars, max }: { id: string; title: string; description?: string; bars: Bar[]; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0), ...bars.map((b) => b.marker ?? 0));
  const scale = (v: number) => (Math.max(0, v) / top) * BAR_AREA;
  const height = TOP + bars.length * ROW + 4;
  const desc = description ?? bars.map((b) => `${b.label}: ${b.text}`).join(". ");
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="app-chart"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
      fontFamily='"GDS Transport", arial, sans-serif'
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <line x1={1} x2={1} y1={TOP + 20} y2={TOP + (bars.length - 1) * ROW + 44} stroke={AXIS} strokeWidth={2} />
      {bars.map((bar, i) => {
        const y = TOP + i * ROW;
        const length = bar.value === null ? 0 : scale(bar.value);
        return (
          <g key={`${bar.label}-${i}`}>
            <text x={0} y={y + 15} fontSize={16} fill={INK}>
              {bar.label}
            </text>
            {length > 0 ? <rect x={2} y={y + 22} width={length} height={20} fill={BAR} /> : null}
            <text x={BAR_AREA + 16} y={y + 38} fontSize={16} fontWeight={700} fill={INK}>
              {bar.text}
            </text>
            {bar.marker !== undefined ? (
              <line x1={2 + scale(bar.marker)} x2={2 + scale(bar.marker)} y1={y + 18} y2={y + 46} stroke={INK} strokeWidth={2} strokeDasharray="4 3" />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
