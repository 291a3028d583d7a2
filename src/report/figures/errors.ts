/** Error against step with the paper's four curves, and compression ratio against step, per mode group. */
import { familyOf } from '../../results/representation-spec.ts';
import type { RunRecord, StepResult } from '../../results/schema.ts';
import { axis, baseLayout, COLORS, positive, sequentialColors, styleKey, type Figure, type Trace } from '../figure.ts';
import { capitalize, longestRun, type RunGroup } from './groups.ts';

const ks = (run: RunRecord) => run.steps.map((s) => s.k);

function line(run: RunRecord, name: string, pick: (s: StepResult) => number | null | undefined, style: Record<string, unknown>, extra: Trace = {}): Trace {
  return { type: 'scatter', mode: 'lines', name, x: ks(run), y: positive(run.steps.map(pick)), line: style, ...extra };
}

/** The double run's curves are the same in every configuration: draw them once. */
function sharedCurves(run: RunRecord, numericalName: string): Trace[] {
  const traces = [line(run, numericalName, (s) => s.numericalError, { color: COLORS.numerical, width: 3 })];
  if (run.steps.some((s) => s.roundoffError !== null)) {
    traces.push(line(run, 'double round-off (vs decimal.js)', (s) => s.roundoffError, { color: COLORS.roundoff, width: 2 }));
  }
  return traces;
}

export function errorFigure(group: RunGroup, numericalName = 'numerical error (vs exact)'): Figure {
  const colors = sequentialColors(group.runs.length);
  const traces: Trace[] = group.runs.flatMap((run, i) => [
    line(run, run.config.label, (s) => s.zfpError, { color: colors[i], width: 2 }, { legendgroup: run.config.label }),
    line(run, `bound ${run.config.label}`, (s) => s.bound, { color: colors[i], width: 1.5, dash: 'dash' }, { legendgroup: run.config.label, showlegend: false }),
  ]);
  const theorem = group.runs[0]!.summary.theorem;
  return {
    title: `${capitalize(group.title)}: error against step`,
    caption: `Solid: error inline compression adds, ‖ũ_k − u_k‖∞. Dashed, same colour: its bound${theorem ? ` (${theorem})` : ''}.`,
    data: [...traces, ...sharedCurves(longestRun(group.runs), numericalName), styleKey(`${familyOf(group.mode) === 'sz' ? 'SZ-style' : 'ZFP'} error`, 'solid'), styleKey('theorem bound', 'dash')],
    layout: baseLayout({ xaxis: axis('step k'), yaxis: axis('max-norm error', { type: 'log', exponentformat: 'power' }) }),
  };
}

/** Linear from zero, unless a near-empty state (Jacobi's u_0 = 0) makes some ratio dwarf the rest. */
function ratioAxis(runs: readonly RunRecord[]): Record<string, unknown> {
  const ratios = runs.flatMap((r) => r.steps.map((s) => s.ratio));
  const wide = Math.max(...ratios) > 10 * Math.min(...ratios);
  return axis('compression ratio', wide ? { type: 'log' } : { rangemode: 'tozero' });
}

export function ratioFigure(group: RunGroup): Figure {
  const colors = sequentialColors(group.runs.length);
  return {
    title: `${capitalize(group.title)}: compression ratio against step`,
    caption: 'Uncompressed float64 bytes over stored bytes after each step.',
    data: group.runs.map((run, i) => line(run, run.config.label, (s) => s.ratio, { color: colors[i], width: 2 })),
    layout: baseLayout({ xaxis: axis('step k'), yaxis: ratioAxis(group.runs) }),
  };
}

/** Theorem 3.12 with exact ‖Aⁿ‖∞, its constant-C form and Theorem 3.3, for one configuration. */
export function boundComparisonFigure(run: RunRecord): Figure {
  return {
    title: `Three bounds for ${run.config.label}`,
    caption: 'The Lipschitz bound of Theorem 3.3 (Fox et al. 2020) grows like Lᵏ with L > 1; the power-bounded forms of Theorem 3.12 stay close to the measured error.',
    data: [
      line(run, 'ZFP error', (s) => s.zfpError, { color: COLORS.zfp, width: 2.5 }),
      line(run, 'Theorem 3.12, exact ‖Aⁿ‖∞', (s) => s.bound, { color: COLORS.bound, width: 2, dash: 'dash' }),
      line(run, 'Theorem 3.12, constant C', (s) => s.boundConstantC, { color: '#ff7f0e', width: 2, dash: 'dot' }),
      line(run, 'Theorem 3.3 (geometric)', (s) => s.boundLipschitz, { color: '#9467bd', width: 2, dash: 'dashdot' }),
      ...sharedCurves(run, 'numerical error (vs exact)'),
    ],
    layout: baseLayout({ xaxis: axis('step k'), yaxis: axis('max-norm error', { type: 'log', exponentformat: 'power' }) }),
  };
}
