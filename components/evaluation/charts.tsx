// Hand-written SVG charts: a radar per unit and a ranking bar chart. Figures are repeated in
// text (aria-label and table) for screen readers.

const LABEL_FONT = 14;
const LABEL_CHARS = 7;
/** An axis name in lines of at most LABEL_CHARS characters (three lines at most), never cut to "…" unless longer. */
function labelLines(name: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < name.length && lines.length < 3; i += LABEL_CHARS) lines.push(name.slice(i, i + LABEL_CHARS));
  if (name.length > LABEL_CHARS * 3) lines[2] = `${lines[2].slice(0, LABEL_CHARS - 1)}…`;
  return lines;
}

export function RadarChart({ axes, size = 260 }: { axes: { name: string; share: number | null }[]; size?: number }) {
  const c = size / 2;
  const r = c - 56;
  const n = axes.length;
  const point = (i: number, f: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [c + Math.cos(a) * r * f, c + Math.sin(a) * r * f] as const;
  };
  const ring = (f: number) => axes.map((_, i) => point(i, f).join(",")).join(" ");
  const shape = axes.map((a, i) => point(i, Math.max(0, Math.min(1, a.share ?? 0))).join(",")).join(" ");
  const label = axes.map((a) => `${a.name} ${a.share == null ? "无评分" : `${Math.round(a.share * 100)}%`}`).join("，");
  return (
    // Room for labels of LABEL_CHARS characters on each side, so none is cut off at the edge.
    <svg viewBox={`${-LABEL_CHARS * LABEL_FONT} -8 ${size + 2 * LABEL_CHARS * LABEL_FONT} ${size + 16}`} width="100%" style={{ maxWidth: size + 2 * LABEL_CHARS * LABEL_FONT }} role="img" aria-label={`雷达图：${label}`} data-testid="radar-chart">
      {[0.25, 0.5, 0.75, 1].map((f) => (
        <polygon key={f} points={ring(f)} fill="none" stroke="#e2e8f0" strokeWidth={1} />
      ))}
      {axes.map((_, i) => {
        const [x, y] = point(i, 1);
        return <line key={i} x1={c} y1={c} x2={x} y2={y} stroke="#e2e8f0" />;
      })}
      <polygon points={shape} fill="rgba(37,99,235,0.25)" stroke="#2563eb" strokeWidth={2} />
      {axes.map((a, i) => {
        const [x, y] = point(i, 1.14);
        const lines = labelLines(a.name);
        const anchor = Math.abs(x - c) < 4 ? "middle" : x > c ? "start" : "end";
        // Lines stack away from the chart: upwards above it, downwards below, centred beside it.
        const first = y < c - 4 ? -(lines.length - 1) : y > c + 4 ? 0 : -(lines.length - 1) / 2;
        return (
          <text key={i} x={x} y={y} fontSize={LABEL_FONT} textAnchor={anchor} dominantBaseline="middle" fill="#334155">
            <title>{a.name}</title>
            {lines.map((line, n) => (
              <tspan key={n} x={x} dy={n === 0 ? `${first * 1.2}em` : "1.2em"}>{line}</tspan>
            ))}
          </text>
        );
      })}
    </svg>
  );
}

export function RankingChart({ rows, highlight }: { rows: { unitId: number; name: string; total: number; rank: number }[]; highlight?: number }) {
  const barH = 20;
  const gap = 6;
  const labelW = 170;
  const width = 640;
  const max = 100;
  const height = rows.length * (barH + gap) + 10;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`排名：${rows.map((r) => `第${r.rank}名 ${r.name} ${r.total.toFixed(2)}分`).join("，")}`} data-testid="ranking-chart">
      {rows.map((r, i) => {
        const y = i * (barH + gap) + 4;
        const w = ((width - labelW - 60) * Math.max(0, r.total)) / max;
        return (
          <g key={r.unitId}>
            <text x={labelW - 8} y={y + barH / 2} fontSize={12} textAnchor="end" dominantBaseline="middle" fill="#334155">
              {r.rank}. {r.name.length > 11 ? `${r.name.slice(0, 11)}…` : r.name}
            </text>
            <rect x={labelW} y={y} width={w} height={barH} rx={3} fill={r.unitId === highlight ? "#f59e0b" : "#2563eb"} />
            <text x={labelW + w + 6} y={y + barH / 2} fontSize={12} dominantBaseline="middle" fill="#0f172a">
              {r.total.toFixed(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
