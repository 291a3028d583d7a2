/**
 * "Which representation, at how many bits per value?": ZFP in each mode against the SZ-style codec
 * (absolute and range-relative bounds) and against rounding every value to float32, bfloat16 or
 * float16 (zfp reversible as the lossless reference), at equal storage.
 */
import type { ProblemName } from '../solvers/problem.ts';
import type { RepresentationSpec } from '../src/results/representation-spec.ts';
import type { ExperimentResult } from '../src/results/schema.ts';
import { DEFAULT_SWEEP, QUICK_SWEEP, sweepSpecs, type Sweep } from './configs.ts';
import { compareFamilies } from './family-comparison.ts';
import { sweepProblem, type Experiment, type ExperimentOptions, type SimulationSize } from './simulation.ts';
import { summedProgress } from './together.ts';

export const PROBLEMS: readonly (ProblemName & ('diffusion2d' | 'advection2d'))[] = ['diffusion2d', 'advection2d'];

const OTHERS: readonly RepresentationSpec[] = [
  { mode: 'reversible' },
  { mode: 'ieee', format: 'float32' },
  { mode: 'ieee', format: 'bfloat16' },
  { mode: 'ieee', format: 'float16' },
];

/** SZ-style bounds spanning the ZFP sweep's errors: absolute e and range-relative ε, decade by decade. */
function withSz(sweep: Sweep, exponents: readonly number[]): Sweep {
  // Parsed, not powered: 10 ** -4 and 10 ** -5 fall an ulp below 1e-4 and 1e-5, the bounds the sweeps (and their shared runs) use.
  const bounds = exponents.map((n) => Number(`1e-${n}`));
  return { ...sweep, szTolerances: bounds, szRatios: bounds };
}

// Only the errors are plotted: a few steps per curve are enough in the JSON, and no reference run.
const size = (sweep: Sweep): SimulationSize => ({ params: {}, sweep, referenceDigits: null, maxRecorded: 100 });

export const defaults = { full: size(withSz(DEFAULT_SWEEP, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), quick: size(withSz(QUICK_SWEEP, [2, 4, 6, 8])) };

async function run(options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const started = performance.now();
  const quick = options.quick ?? false;
  const chosen = quick ? defaults.quick : defaults.full;
  const specs = [...sweepSpecs(chosen.sweep), ...OTHERS];
  // Both problems share the pool; progress counts the tasks of both.
  const progressOf = summedProgress(PROBLEMS.length, options.onProgress);
  const sweeps = PROBLEMS.map((problem, i) => sweepProblem({ problem, size: chosen, quick, specs, reference: 'none' }, { ...options, onProgress: progressOf(i) }));
  const runs = (await Promise.all(sweeps)).flatMap((sweep) => sweep.runs);
  const comparison = PROBLEMS.map((problem) => compareFamilies(problem, runs.filter((r) => r.config.problem === problem)));
  return {
    experiment: 'representations',
    title: experiment.title,
    description: experiment.description,
    params: { size: quick ? 'quick' : 'full', problems: PROBLEMS, sweep: chosen.sweep, others: OTHERS },
    runs,
    comparison,
    elapsedMs: performance.now() - started,
  };
}

export const experiment: Experiment = {
  name: 'representations',
  title: 'Error against storage: ZFP modes, SZ-style bounds and IEEE formats',
  description:
    'Final error each representation adds against the bits per value it stores, on 2D diffusion and 2D advection; each ZFP and SZ-style point comes with its bound.',
  run,
};
