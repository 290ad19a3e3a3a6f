// The fault benchmark's chart, as a hand-written SVG: a panel per scenario and fault, a row per variant,
// a cell per invocation: succeeded, failed, or failed because the process crashed; a mark where the fault
// came (a line before the invocation that first met it, or the cell of the invocation made while the
// server was down). Crashes between invocations are marked before the invocation they preceded.
import type { Fault, FaultOutcome } from './harness/faults.js';
import { VARIANTS } from './harness/run-variant.js';

const CELL = 20;
const GAP = 4;
const LABEL = 104;
const PANEL_TOP = 40;
const PANEL_GAP = 26;
const COLORS = { ok: '#b7dfbb', failed: '#d1495b', crash: '#1b1f24', fault: '#8250df' };
const FAULT_TITLES: Record<Fault, string> = {
  'drop-while-frozen': 'Dropped while frozen',
  'server-restart': 'Server restart',
  'refused-at-init': 'Server down at invocation 1',
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function panel(outcome: FaultOutcome, left: number, top: number): string {
  const parts: string[] = [];
  const count = outcome.variants.poor?.invocations ?? Math.max(...Object.values(outcome.variants).map((variant) => variant.invocations));
  parts.push(`<text x="${left}" y="${top + 14}" class="title">${escape(outcome.scenario.name)}</text>`);
  const gridLeft = left + LABEL;
  const gridTop = top + PANEL_TOP - 14;
  VARIANTS.forEach((variant, row) => {
    const result = outcome.variants[variant];
    if (!result) return;
    const y = gridTop + row * (CELL + GAP);
    parts.push(`<text x="${gridLeft - 8}" y="${y + 14}" class="label" text-anchor="end">${variant === 'codemod' ? 'codemod(poor)' : variant}</text>`);
    for (let index = 0; index < count; index++) {
      const x = gridLeft + index * (CELL + GAP);
      const error = result.errors[index];
      const fill = error === null || error === undefined ? COLORS.ok : COLORS.failed;
      parts.push(`<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="3" fill="${fill}"><title>${escape(`invocation ${index + 1}: ${error ?? 'ok'}`)}</title></rect>`);
    }
    for (const crash of result.crashes) {
      // A cross on the invocation the crash failed, or at the left edge of the one it preceded.
      const during = result.errors[crash.at]?.startsWith('crashed:') ?? false;
      const cx = gridLeft + crash.at * (CELL + GAP) + (during ? CELL / 2 : -GAP / 2);
      const cy = y + CELL / 2;
      parts.push(
        `<path d="M${cx - 5},${cy - 5} L${cx + 5},${cy + 5} M${cx - 5},${cy + 5} L${cx + 5},${cy - 5}" stroke="${COLORS.crash}" stroke-width="2.4"><title>${escape(`crash: ${crash.message}`)}</title></path>`,
      );
    }
  });
  const bottom = gridTop + VARIANTS.length * (CELL + GAP) - GAP;
  if (outcome.fault === 'refused-at-init') {
    parts.push(`<rect x="${gridLeft - 2}" y="${gridTop - 4}" width="${CELL + 4}" height="${bottom - gridTop + 8}" rx="4" fill="none" stroke="${COLORS.fault}" stroke-width="1.6" stroke-dasharray="3 2"/>`);
  } else {
    const x = gridLeft + outcome.firstMet * (CELL + GAP) - GAP / 2;
    parts.push(`<line x1="${x}" x2="${x}" y1="${gridTop - 6}" y2="${bottom + 6}" stroke="${COLORS.fault}" stroke-width="2"/>`);
  }
  for (let index = 0; index < count; index++) {
    parts.push(`<text x="${gridLeft + index * (CELL + GAP) + CELL / 2}" y="${bottom + 18}" class="tick" text-anchor="middle">${index + 1}</text>`);
  }
  return parts.join('\n');
}

export function renderFaultChart(outcomes: readonly FaultOutcome[], caption: readonly string[]): string {
  const faults = [...new Set(outcomes.map((outcome) => outcome.fault))];
  const scenarios = [...new Set(outcomes.map((outcome) => outcome.scenario.name))];
  const count = Math.max(1, ...outcomes.flatMap((outcome) => Object.values(outcome.variants).map((variant) => variant.invocations)));
  const panelWidth = LABEL + count * (CELL + GAP) + PANEL_GAP;
  const panelHeight = PANEL_TOP + VARIANTS.length * (CELL + GAP) + 30;
  const legendHeight = 64;
  const width = Math.max(640, 24 + faults.length * panelWidth);
  const height = legendHeight + scenarios.length * panelHeight + caption.length * 16 + 16;
  const headers = faults.map(
    (fault, column) => `<text x="${16 + column * panelWidth}" y="${legendHeight - 10}" class="header">${escape(FAULT_TITLES[fault])}</text>`,
  );
  const panels = outcomes.map((outcome) =>
    panel(outcome, 16 + faults.indexOf(outcome.fault) * panelWidth, legendHeight + scenarios.indexOf(outcome.scenario.name) * panelHeight),
  );
  const legend = [
    `<rect x="16" y="12" width="14" height="14" rx="3" fill="${COLORS.ok}"/><text x="36" y="24" class="label">invocation succeeded</text>`,
    `<rect x="186" y="12" width="14" height="14" rx="3" fill="${COLORS.failed}"/><text x="206" y="24" class="label">failed</text>`,
    `<path d="M266,14 L276,24 M266,24 L276,14" stroke="${COLORS.crash}" stroke-width="2.4"/><text x="284" y="24" class="label">process crashed</text>`,
    `<line x1="410" x2="410" y1="10" y2="28" stroke="${COLORS.fault}" stroke-width="2"/><text x="418" y="24" class="label">fault (dashed box: server down)</text>`,
  ].join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
<style>
  .header { font-size: 14px; font-weight: 700; fill: #1b1f24; }
  .title { font-size: 12px; font-weight: 600; fill: #1b1f24; }
  .label { font-size: 12px; fill: #1b1f24; }
  .tick { font-size: 10px; fill: #57606a; }
  .caption { font-size: 11px; fill: #57606a; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
${legend}
${headers.join('\n')}
${panels.join('\n')}
${caption.map((line, index) => `<text x="16" y="${height - 12 - (caption.length - 1 - index) * 16}" class="caption">${escape(line)}</text>`).join('\n')}
</svg>
`;
}
