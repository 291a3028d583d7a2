/**
 * β_min of Lemmas 3.18 (forward) and 3.20 (backward) over the conditioning and the spectral radius
 * (Fox et al. 2020, Figure 3): where ZFP's error stays below IEEE double's own round-off in a stationary method.
 */
import { backwardBetaClosedForm, forwardBetaClosedForm } from '../theorems/index.ts';
import type { ContourGrid, ExperimentResult } from '../src/results/schema.ts';
import type { Experiment, ExperimentOptions } from './simulation.ts';

export interface ContourDefaults {
  /** ZFP block dimension in K_β ≈ c_d 2^(−β). */
  readonly d: number;
  /** Grid points along log10(c_n κ) ∈ [0, 16] and ρ ∈ [0.01, 0.9999]. */
  readonly points: number;
}

export const defaults: { readonly full: ContourDefaults; readonly quick: ContourDefaults } = {
  full: { d: 2, points: 121 },
  quick: { d: 2, points: 31 },
};

function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

function grid(lemma: string, xLabel: string, size: ContourDefaults, beta: (x: number, rho: number) => number): ContourGrid {
  const x = linspace(0, 16, size.points);
  const y = linspace(0.01, 0.9999, size.points);
  return { lemma, xLabel, x, y, z: y.map((rho) => x.map((lx) => beta(10 ** lx, rho))) };
}

async function run(options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const started = performance.now();
  const size = options.quick ? defaults.quick : defaults.full;
  const contours = [
    grid('Lemma 3.18 of Fox et al. 2020 (forward error)', 'log₁₀(cₙ κ(A))', size, (cnKappa, rho) => forwardBetaClosedForm(cnKappa, rho, size.d, 'float64').continuous),
    // κ(A) drops out of the backward closed form: β depends on c_n and ρ only.
    grid('Lemma 3.20 of Fox et al. 2020 (backward error)', 'log₁₀ cₙ', size, (cn, rho) => backwardBetaClosedForm(cn, rho, size.d, 'float64').continuous),
  ];
  options.onProgress?.(1, 1);
  return {
    experiment: 'precision-contours',
    title: experiment.title,
    description: experiment.description,
    params: { size: options.quick ? 'quick' : 'full', ...size, unitRoundoff: 2 ** -53 },
    runs: [],
    contours,
    elapsedMs: performance.now() - started,
  };
}

export const experiment: Experiment = {
  name: 'precision-contours',
  title: 'β needed for ZFP error below floating-point error (Fox et al. 2020, Figure 3)',
  description:
    'Closed forms of Lemmas 3.18 and 3.20: ill-conditioned or large systems let ZFP drop bit planes, well-conditioned ones need β near full precision, and β rises steeply as ρ approaches 1.',
  run,
};
