/** Which figures a results object gets, in reading order. */
import type { ExperimentResult } from '../../results/schema.ts';
import type { Figure } from '../figure.ts';
import { contourFigure } from './contours.ts';
import { boundComparisonFigure, errorFigure, ratioFigure } from './errors.ts';
import { convergenceFigure, extraIterationsFigure } from './fixed-point.ts';
import { groupByMode } from './groups.ts';
import { paretoFigure } from './pareto.ts';

function simulationFigures(result: ExperimentResult): Figure[] {
  const groups = groupByMode(result.runs);
  const fixedPoint = result.runs.some((r) => r.steps.some((s) => s.fixedPointError !== undefined));
  const numericalName = fixedPoint ? 'uncompressed ‖u_k − u*‖∞' : 'numerical error (vs exact)';
  const figures = groups.flatMap((g) => [errorFigure(g, numericalName), ...(fixedPoint ? [convergenceFigure(g)] : []), ratioFigure(g)]);
  // Power-bounded problems: show once, on a mid-range β, why Theorem 3.3 is not used.
  const precision = groups.find((g) => g.mode === 'precision')?.runs ?? [];
  const middle = precision[Math.floor(precision.length / 2)];
  if (middle?.steps.some((s) => s.boundLipschitz !== undefined)) figures.splice(1, 0, boundComparisonFigure(middle));
  if (fixedPoint && precision.length > 0) figures.push(extraIterationsFigure(precision));
  return figures;
}

/** One Pareto figure per problem. */
function paretoFigures(result: ExperimentResult, problems: readonly string[]): Figure[] {
  return problems.map((problem) => paretoFigure(problem, result.runs.filter((r) => r.config.problem === problem)));
}

export function figuresFor(result: ExperimentResult): Figure[] {
  if (result.contours) return result.contours.map(contourFigure);
  if (result.experiment === 'representations') return paretoFigures(result, [...new Set(result.runs.map((r) => r.config.problem))]);
  // A solver sweep gets its Pareto figure where it compares the two families.
  return [...simulationFigures(result), ...paretoFigures(result, (result.comparison ?? []).map((c) => c.problem))];
}
