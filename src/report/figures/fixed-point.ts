/** Jacobi's panels (paper Figure 9b, 9d): convergence to the fixed point per β, and extra iterations. */
import type { RunRecord } from '../../results/schema.ts';
import { axis, baseLayout, COLORS, positive, sequentialColors, styleKey, type Figure, type Trace } from '../figure.ts';
import { capitalize, longestRun, type RunGroup } from './groups.ts';

export function convergenceFigure(group: RunGroup): Figure {
  const colors = sequentialColors(group.runs.length);
  const longest = longestRun(group.runs);
  const traces: Trace[] = group.runs.flatMap((run, i) => [
    { type: 'scatter', mode: 'lines', name: run.config.label, legendgroup: run.config.label, x: run.steps.map((s) => s.k), y: positive(run.steps.map((s) => s.fixedPointError)), line: { color: colors[i], width: 2 } },
    { type: 'scatter', mode: 'lines', name: `bound ${run.config.label}`, legendgroup: run.config.label, showlegend: false, x: run.steps.map((s) => s.k), y: positive(run.steps.map((s) => s.fixedPointBound)), line: { color: colors[i], width: 1.5, dash: 'dash' } },
  ]);
  return {
    title: `${capitalize(group.title)}: convergence to the fixed point`,
    caption:
      'Solid: ‖ũ_k − u*‖∞ of each compressed run, which stalls where compression error balances the contraction; a run stops once its error has not halved over the iterations in which the uncompressed one gains a factor 10, and the uncompressed error is below 1 % of it. Dashed: Theorem 3.7 of Fox et al. 2020 with exact ‖Gⁿ‖∞.',
    data: [
      ...traces,
      { type: 'scatter', mode: 'lines', name: 'uncompressed ‖u_k − u*‖∞', x: longest.steps.map((s) => s.k), y: positive(longest.steps.map((s) => s.numericalError)), line: { color: COLORS.numerical, width: 3 } },
      styleKey('‖ũ_k − u*‖∞', 'solid'),
      styleKey('Theorem 3.7 bound', 'dash'),
    ],
    layout: baseLayout({ xaxis: axis('iteration k'), yaxis: axis('distance to the fixed point', { type: 'log', exponentformat: 'power' }) }),
  };
}

export function extraIterationsFigure(runs: readonly RunRecord[]): Figure {
  const colors = sequentialColors(runs.length);
  const traces = runs.flatMap((run, i) => {
    const rows = run.extraIterations ?? [];
    return [
      { type: 'scatter', mode: 'lines+markers', name: `${run.config.label} m_pred`, legendgroup: run.config.label, x: rows.map((r) => r.epsilon), y: rows.map((r) => r.mPred), line: { color: colors[i], dash: 'dash' }, marker: { symbol: 'circle-open', size: 8 } },
      { type: 'scatter', mode: 'lines+markers', name: `${run.config.label} m_actual`, legendgroup: run.config.label, x: rows.map((r) => r.epsilon), y: rows.map((r) => r.mActual), line: { color: colors[i] }, marker: { size: 7 } },
    ];
  });
  return {
    title: 'Extra iterations: predicted (Theorem 3.9 of Fox et al. 2020) and measured',
    caption: 'm_actual = k̃(ε) − k(ε), first iterations within ε of u* with and without compression. m_pred is missing where δ ≥ E_k (no number of extra iterations suffices).',
    data: traces,
    layout: baseLayout({ xaxis: axis('target ε', { type: 'log', exponentformat: 'power', autorange: 'reversed' }), yaxis: axis('extra iterations m') }),
  };
}
