// The benchmark's chart, as a hand-written SVG: for each scenario a panel of warm latency per invocation
// (2..N, log scale), poor vs better vs codemod(poor). Each raw series is a faint line; a running median
// over 25 invocations is drawn over it so that the levels read at a glance.

export interface ChartSeries {
  label: string;
  /** Milliseconds of invocations 2..N. */
  values: number[];
  color: string;
  dashed?: boolean;
}

export interface ChartPanel {
  title: string;
  subtitle: string;
  series: ChartSeries[];
}

export const VARIANT_COLORS = { poor: '#d1495b', better: '#2e7d32', codemod: '#1f5fbf' } as const;

const WIDTH = 880;
const PANEL_HEIGHT = 300;
const MARGIN = { top: 58, right: 150, bottom: 44, left: 64 };
const WINDOW = 25;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runningMedian(values: readonly number[], window: number): number[] {
  const half = Math.floor(window / 2);
  return values.map((_, index) => {
    const slice = values.slice(Math.max(0, index - half), Math.min(values.length, index + half + 1));
    const sorted = [...slice].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  });
}

/** The largest 1, 2 or 5 × 10^k at or below `value`. */
function niceBelow(value: number): number {
  const decade = 10 ** Math.floor(Math.log10(value));
  return [5, 2, 1].map((step) => step * decade).find((candidate) => candidate <= value) ?? decade;
}

/** The smallest 1, 2 or 5 × 10^k at or above `value`. */
function niceAbove(value: number): number {
  const decade = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * decade).find((candidate) => candidate >= value) ?? 10 * decade;
}

/** 1, 2, 5, 10, 20, 50 ... covering [min, max]. */
function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let decade = Math.floor(Math.log10(min)); decade <= Math.ceil(Math.log10(max)); decade++) {
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** decade;
      if (value >= min && value <= max) ticks.push(value);
    }
  }
  return ticks;
}

function formatMs(value: number): string {
  return value >= 1 ? String(Number(value.toPrecision(3))) : value.toPrecision(1);
}

function panel(data: ChartPanel, top: number): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const all = data.series.flatMap((series) => series.values).filter((value) => value > 0);
  const lowest = niceBelow(Math.min(...all));
  const highest = niceAbove(Math.max(...all));
  const count = Math.max(...data.series.map((series) => series.values.length));
  const x = (index: number) => MARGIN.left + (count <= 1 ? 0 : (index / (count - 1)) * plotWidth);
  const y = (value: number) =>
    top + MARGIN.top + plotHeight - ((Math.log10(Math.max(value, lowest)) - Math.log10(lowest)) / (Math.log10(highest) - Math.log10(lowest))) * plotHeight;
  const points = (values: readonly number[]) => values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');

  const parts: string[] = [];
  parts.push(`<text x="${MARGIN.left}" y="${top + 22}" class="title">${escape(data.title)}</text>`);
  parts.push(`<text x="${MARGIN.left}" y="${top + 40}" class="subtitle">${escape(data.subtitle)}</text>`);
  for (const tick of logTicks(lowest, highest)) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${(y(tick) + 4).toFixed(1)}" class="tick" text-anchor="end">${formatMs(tick)}</text>`);
  }
  const step = count > 500 ? 200 : count > 100 ? 50 : 10;
  for (let invocation = 0; invocation <= count + 1; invocation += step) {
    if (invocation < 2 || invocation - 2 >= count) continue;
    const px = x(invocation - 2).toFixed(1);
    parts.push(`<text x="${px}" y="${top + MARGIN.top + plotHeight + 18}" class="tick" text-anchor="middle">${invocation}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${plotWidth}" height="${plotHeight}" class="frame"/>`);
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${top + PANEL_HEIGHT - 6}" class="axis" text-anchor="middle">invocation</text>`,
    `<text transform="translate(16 ${top + MARGIN.top + plotHeight / 2}) rotate(-90)" class="axis" text-anchor="middle">ms (log scale)</text>`,
  );
  data.series.forEach((series, index) => {
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<polyline points="${points(series.values)}" fill="none" stroke="${series.color}" stroke-width="1" stroke-opacity="0.22"/>`);
    parts.push(`<polyline points="${points(runningMedian(series.values, WINDOW))}" fill="none" stroke="${series.color}" stroke-width="2.2"${dash}/>`);
    const legendY = top + MARGIN.top + 14 + index * 22;
    const legendX = MARGIN.left + plotWidth + 16;
    parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${series.color}" stroke-width="2.2"${dash}/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY}" class="legend">${escape(series.label)}</text>`);
  });
  return parts.join('\n');
}

export function renderChart(panels: readonly ChartPanel[], caption: readonly string[]): string {
  const height = panels.length * PANEL_HEIGHT + 16 + caption.length * 16;
  const body = panels.map((data, index) => panel(data, index * PANEL_HEIGHT)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
<style>
  .title { font-size: 15px; font-weight: 600; fill: #1b1f24; }
  .subtitle { font-size: 12px; fill: #57606a; }
  .tick, .legend { font-size: 12px; fill: #1b1f24; }
  .axis { font-size: 12px; fill: #57606a; }
  .grid { stroke: #d0d7de; stroke-width: 1; }
  .frame { fill: none; stroke: #8c959f; stroke-width: 1; }
  .caption { font-size: 11px; fill: #57606a; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
${body}
${caption.map((line, index) => `<text x="${MARGIN.left}" y="${height - 12 - (caption.length - 1 - index) * 16}" class="caption">${escape(line)}</text>`).join('\n')}
</svg>
`;
}
