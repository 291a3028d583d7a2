/** Largest error over the run against storage for every representation on one problem (a Pareto plot): ZFP's modes, the SZ-style bounds, IEEE rounding. */
import { MODE_TITLES, type SpecMode } from '../../results/representation-spec.ts';
import type { RunRecord } from '../../results/schema.ts';
import { axis, baseLayout, COLORS, positive, type Figure, type Trace } from '../figure.ts';

const FAMILY_COLORS: Record<SpecMode, string> = { precision: '#1f77b4', rate: '#ff7f0e', accuracy: '#2ca02c', reversible: '#555555', ieee: '#d62728', 'sz-abs': '#9467bd', 'sz-rel': '#8c564b' };

function family(mode: SpecMode, runs: RunRecord[]): Trace[] {
  const sorted = [...runs].sort((a, b) => a.summary.meanBitsPerValue - b.summary.meanBitsPerValue);
  const x = sorted.map((r) => r.summary.meanBitsPerValue);
  const text = sorted.map((r) => r.config.label);
  const color = FAMILY_COLORS[mode];
  const measured: Trace = {
    type: 'scatter',
    mode: mode === 'ieee' ? 'markers+text' : 'lines+markers',
    name: MODE_TITLES[mode],
    legendgroup: mode,
    x,
    y: positive(sorted.map((r) => r.summary.maxZfpError)),
    text,
    textposition: 'middle right',
    marker: { color, size: 9, symbol: mode === 'ieee' ? 'diamond' : 'circle' },
    line: { color, width: 1.5 },
    hovertemplate: '%{text}<br>%{x:.2f} bits/value<br>error %{y:.3e}<extra></extra>',
  };
  if (mode === 'ieee') return [measured];
  const bound: Trace = {
    type: 'scatter',
    mode: 'markers',
    name: `${MODE_TITLES[mode]} bound`,
    legendgroup: mode,
    x,
    y: positive(sorted.map((r) => r.summary.maxBound)),
    text,
    marker: { color, size: 9, symbol: 'triangle-up-open', line: { width: 1.5 } },
    hovertemplate: '%{text}: bound %{y:.3e}<extra></extra>',
  };
  return [measured, bound];
}

export function paretoFigure(problem: string, runs: readonly RunRecord[]): Figure {
  const modes: SpecMode[] = ['precision', 'rate', 'accuracy', 'sz-abs', 'sz-rel', 'ieee'];
  const traces = modes.flatMap((mode) => {
    const members = runs.filter((r) => r.config.representation.mode === mode);
    return members.length > 0 ? family(mode, members) : [];
  });
  const reversible = runs.find((r) => r.config.representation.mode === 'reversible');
  const numerical = runs[0]!.summary.finalNumericalError;
  const shapes: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  // A user problem without an exact solution has no numerical error to draw (null; zero has no place on a log axis).
  if (numerical !== null && numerical > 0) {
    shapes.push({ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: numerical, y1: numerical, line: { color: COLORS.numerical, width: 2, dash: 'dot' } });
    annotations.push({ xref: 'paper', x: 1, y: Math.log10(numerical), xanchor: 'right', yanchor: 'bottom', text: 'final numerical error of the double run', showarrow: false, font: { color: COLORS.numerical } });
  }
  if (reversible) {
    const bits = reversible.summary.meanBitsPerValue;
    shapes.push({ type: 'line', yref: 'paper', x0: bits, x1: bits, y0: 0, y1: 1, line: { color: FAMILY_COLORS.reversible, width: 1.5, dash: 'dash' } });
    annotations.push({ yref: 'paper', x: bits, y: 1, xanchor: 'right', yanchor: 'top', text: `lossless (zfp reversible): ${bits.toFixed(1)} bits/value `, showarrow: false });
  }
  return {
    title: `${problem}: error against storage, ZFP and SZ-style`,
    caption: 'Down and to the left is better. Filled marks: the largest error inline storage added over the run (ZFP, SZ-style or rounding); open triangles: its bound.',
    data: traces,
    layout: baseLayout({
      xaxis: axis('storage, bits per value (mean over steps)', { range: [0, 68] }),
      yaxis: axis('max over steps ‖ũ_k − u_k‖∞', { type: 'log', exponentformat: 'power' }),
      shapes,
      annotations,
    }),
  };
}
