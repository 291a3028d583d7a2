/** A plotly figure as data, and the look every report shares. */

/** One plotly trace (plotly's own schema; kept open so any trace type fits). */
export type Trace = Record<string, unknown>;

export interface Figure {
  readonly title: string;
  /** One sentence under the title: what to look at. */
  readonly caption: string;
  readonly data: Trace[];
  readonly layout: Record<string, unknown>;
}

/**
 * Plasma stops without its palest yellow: ordered configurations (β, rate, τ) read from orange to
 * deep blue, and no colour is confused with the green numerical error or the black round-off.
 */
const PLASMA = ['#fca636', '#f0804d', '#e16462', '#cc4778', '#b12a90', '#8f0da4', '#6a00a8', '#41049d', '#0d0887'];

export function sequentialColors(count: number): string[] {
  if (count === 1) return [PLASMA[5]!];
  return Array.from({ length: count }, (_, i) => PLASMA[Math.round((i * (PLASMA.length - 1)) / (count - 1))]!);
}

/** Legend under the plot, so curves get the full width. */
export const LEGEND_BELOW = { orientation: 'h', x: 0, xanchor: 'left', y: -0.2, yanchor: 'top' } as const;

export const COLORS = { numerical: '#2ca02c', roundoff: '#111111', bound: '#d62728', zfp: '#1f77b4', neutral: '#888888' };

export function axis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: { text: title }, gridcolor: '#e6e6e6', zeroline: false, ...extra };
}

export function baseLayout(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    margin: { l: 70, r: 20, t: 10, b: 40 },
    font: { family: 'system-ui, -apple-system, "Segoe UI", sans-serif', size: 13 },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    legend: { bgcolor: 'rgba(255,255,255,0.85)', borderwidth: 0, ...LEGEND_BELOW },
    hovermode: 'closest',
    ...extra,
  };
}

/** Log axes cannot show zeros: they become gaps. */
export function positive(values: readonly (number | null | undefined)[]): (number | null)[] {
  return values.map((v) => (v !== null && v !== undefined && v > 0 && Number.isFinite(v) ? v : null));
}

/** A legend entry for a line style alone (e.g. "dashed = bound"). */
export function styleKey(name: string, dash: string): Trace {
  return { type: 'scatter', mode: 'lines', name, x: [null], y: [null], line: { color: COLORS.neutral, dash, width: 2 } };
}
