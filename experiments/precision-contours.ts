/**
 * β_min of Lemmas 3.18 (forward) and 3.20 (backward) over the conditioning κ(A) and the contraction
 * factor q (Fox et al. 2020, Figure 3): where ZFP's error provably stays below IEEE double's own
 * round-off in a stationary method. Both panels come from closed forms proven to bound the exact
 * sums (docs/theory.md §9), so a plotted β is never below the exact β_min.
 */
import { backwardClosedFormTarget, closedFormBeta, forwardClosedFormTarget, type ClosedFormInput } from '../theorems/index.ts';
import type { ContourGrid, ExperimentResult } from '../src/results/schema.ts';
import type { Experiment, ExperimentOptions } from './simulation.ts';

export interface ContourDefaults {
  /** ZFP block dimension of K_β. */
  readonly d: number;
  /** Grid points along log10 κ(A) ∈ [0, 16] and q ∈ [0.01, 0.9999]. */
  readonly points: number;
  /** c_n of the floating-point model. */
  readonly cn: number;
  /** Iterations k the sums run over (the backward form depends on k through κ·qᵏ). */
  readonly iterations: number;
}

export const defaults: { readonly full: ContourDefaults; readonly quick: ContourDefaults } = {
  full: { d: 2, points: 121, cn: 10, iterations: 100 },
  quick: { d: 2, points: 31, cn: 10, iterations: 100 },
};

function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** β at each (κ, q) with ‖Gⁱ‖∞ ≤ qⁱ (C = 1); null where no β ≤ 64 meets the target. */
function grid(lemma: string, size: ContourDefaults, target: (input: ClosedFormInput) => number): ContourGrid {
  const x = linspace(0, 16, size.points);
  const y = linspace(0.01, 0.9999, size.points);
  const z = y.map((q) =>
    x.map((logKappa) => {
      const choice = closedFormBeta(target({ decay: { C: 1, q }, kappa: 10 ** logKappa, cn: size.cn, steps: size.iterations }), size.d, 'float64');
      return choice.kind === 'feasible' ? choice.beta : null;
    }),
  );
  return { lemma, xLabel: 'log₁₀ κ(A)', yLabel: 'contraction factor q (‖Gⁱ‖∞ ≤ qⁱ)', x, y, z };
}

async function run(options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const started = performance.now();
  const size = options.quick ? defaults.quick : defaults.full;
  const contours = [
    grid('Lemma 3.18 of Fox et al. 2020 (forward error)', size, forwardClosedFormTarget),
    grid('Lemma 3.20 of Fox et al. 2020 (backward error)', size, backwardClosedFormTarget),
  ];
  options.onProgress?.(1, 1);
  return {
    experiment: 'precision-contours',
    title: experiment.title,
    description: experiment.description,
    params: { size: options.quick ? 'quick' : 'full', ...size, unitRoundoff: 2 ** -53, powerDecay: 'C = 1' },
    runs: [],
    contours,
    elapsedMs: performance.now() - started,
  };
}

export const experiment: Experiment = {
  name: 'precision-contours',
  title: 'β needed for ZFP error below floating-point error (Fox et al. 2020, Figure 3)',
  description:
    'Proven closed forms of Lemmas 3.18 and 3.20. Forward: ill-conditioned systems let ZFP drop bit planes, well-conditioned ones need β near full precision. Backward: κ(A) enters only through κ·qᵏ, so β hardly moves with κ until κ·qᵏ nears 1 after k iterations; both climb steeply as q approaches 1. Grey: infeasible, no β ≤ 64 is certified.',
  run,
};
