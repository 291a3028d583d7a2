/** The results JSON of docs/experiments.md: `{experiment, params, runs:[{config, steps, summary}]}`. */
import type { StateType } from '../../solvers/problem.ts';
import type { StepRecord } from '../../solvers/runner.ts';
import type { Family, RepresentationSpec } from './representation-spec.ts';

/** Every experiment by the name `zfpwb experiment` takes and a results file carries. */
export const EXPERIMENT_NAMES = [
  'diffusion2d',
  'diffusion3d',
  'advection1d',
  'advection2d',
  'poisson-jacobi',
  'gauss-seidel',
  'precision-contours',
  'representations',
] as const;

export type ExperimentName = (typeof EXPERIMENT_NAMES)[number];

export function isExperimentName(name: string): name is ExperimentName {
  return (EXPERIMENT_NAMES as readonly string[]).includes(name);
}

/** A results file's experiment: a built-in one, or `custom` (a user's problem, `zfpwb experiment custom --problem F`). */
export type ResultsExperimentName = ExperimentName | 'custom';

/**
 * One step of one configuration: the runner's measurements plus the theorem's bound. For block sweeps
 * `stateNorm` holds the record's `maxBlockNorm`, the largest block before compression (Theorem 3.16's Y_k).
 */
export interface StepResult extends Omit<StepRecord, 'maxBlockNorm' | 'exponentsByPlanes'> {
  /** The headline a-posteriori bound on zfpError, the one the verdict rests on (summary.certify); null for IEEE rounding. */
  readonly bound: number | null;
  /** The theorem carried with this run's measured δ_j = ‖Q(x̃_j) − x̃_j‖∞: rigorous for this run's data. */
  readonly dataBound: number | null;
  /** The theorem carried with each block's K·‖x_B‖: holds for any data with the same norms and planes. */
  readonly anyBound: number | null;
  /** Power-bounded problems: Theorem 3.12 in the constant-C form. */
  readonly boundConstantC?: number;
  /** Power-bounded problems: Theorem 3.3, which grows geometrically when L > 1. */
  readonly boundLipschitz?: number;
  /** Fixed-point problems: ‖x̃_k − x*‖∞ and its Theorem 3.7 bound. */
  readonly fixedPointError?: number;
  readonly fixedPointBound?: number;
}

/**
 * What the lemma asks of a setting for ε = the final numerical error: ZFP's β_min; for the SZ-style
 * codec, whose bound is absolute, the largest e (`largest-e`) whose a-priori error stays ≤ ε.
 */
export type BetaMin =
  | { readonly kind: 'feasible' | 'infeasible'; readonly epsilon: number; readonly lemma: string; readonly beta: number; readonly predicted: number }
  | { readonly kind: 'largest-e'; readonly epsilon: number; readonly lemma: string; readonly tolerance: number }
  | { readonly kind: 'not-applicable'; readonly epsilon: number; readonly lemma: string; readonly reason: string };

/**
 * Which bound a verdict or a choice rests on: `data`, the run's own measured local errors; `any`,
 * the worst case over data with the same norms (K_β and its per-block forms).
 */
export type Certify = 'data' | 'any';

export interface RunSummary {
  /** The theorem behind `bound` and how its norms were matched; null without a ZFP bound. */
  readonly theorem: string | null;
  readonly normHandling: string | null;
  /** Periodic linear steps: the Kreiss matrix theorem's sup_n ‖Aⁿ‖∞ ≤ √N·e·N·K(A), for any horizon. */
  readonly kreissPowerBound?: number;
  /** zfpError ≤ bound (and fixedPointError ≤ fixedPointBound) at every step. */
  readonly boundHeld: boolean;
  /** The bound `bound`, `boundHeld` and `maxBound` are. */
  readonly certify: Certify;
  /** Largest dataBound / anyBound over the steps (null without a ZFP bound). */
  readonly maxDataBound: number | null;
  readonly maxAnyBound: number | null;
  readonly firstViolation: number | null;
  /** First step where zfpError > numericalError, or null. */
  readonly zfpExceedsNumericalAt: number | null;
  /** First step where zfpError ≥ the solution's own size ‖u_k‖∞ (nothing of the solution is left), or null. */
  readonly zfpErrorReachesSolutionAt: number | null;
  readonly maxZfpError: number;
  readonly maxBound: number | null;
  readonly finalNumericalError: number;
  readonly finalRatio: number;
  readonly minRatio: number;
  /** Storage averaged over the steps, 64 / ratio. */
  readonly meanBitsPerValue: number;
  /** Milliseconds a step spent storing and loading its state (the codec alone), when the run timed it. */
  readonly codecMsPerStep?: number;
  /** β_min for ε = the final numerical error. */
  readonly betaMin: BetaMin;
  /**
   * Fixed-point runs of an experiment: the iteration at which this track was found stalled and
   * stopped, while the plain run went on to its tolerance (`finalNumericalError` is the plain run's there).
   */
  readonly stalledAt?: number;
}

/** Theorem 3.9 against the measurement, per target ε (poisson-jacobi). */
export interface ExtraIterationsRow {
  readonly epsilon: number;
  /** k(ε), k̃(ε): first iterations of the double and the compressed run with error ≤ ε. */
  readonly kDouble: number | null;
  readonly kCompressed: number | null;
  readonly mActual: number | null;
  /** null when δ ≥ E_k (no number of extra iterations reaches it). */
  readonly mPred: number | null;
  /** The stall level δ = K·M·Σ_{n≥1}‖Gⁿ‖∞ behind m_pred (max norm). */
  readonly delta?: number;
}

export interface RunConfig {
  readonly representation: RepresentationSpec;
  readonly label: string;
  /** The problem this run solved (representations compares two). */
  readonly problem: string;
  /** The simulation state's scalar type (the plain run and the ZFP array); absent in older results: float64. */
  readonly type?: StateType;
}

export interface RunRecord {
  readonly config: RunConfig;
  readonly steps: StepResult[];
  readonly summary: RunSummary;
  readonly extraIterations?: ExtraIterationsRow[];
}

/** β_min over a grid (precision-contours). */
export interface ContourGrid {
  readonly lemma: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: number[];
  readonly y: number[];
  /** z[i][j] at (x[j], y[i]): the closed form's β_min in 1..64, null where no β ≤ 64 meets it (infeasible). */
  readonly z: (number | null)[][];
}

/** One family's best run for one budget or target, as the comparison tables print it. */
export interface FamilyPick {
  /** The run's label (runs[].config.label) and mode. */
  readonly label: string;
  readonly mode: string;
  readonly maxError: number;
  readonly maxBound: number | null;
  readonly bitsPerValue: number;
  readonly ratio: number;
  readonly codecMsPerStep: number | null;
}

/** One family at a storage budget: its most accurate run within the budget, and its error front read at the budget. */
export interface BudgetPick extends FamilyPick {
  /**
   * The family's error at exactly the budget: log-linear between the two runs of its Pareto front
   * (error against bits per value) around the budget, so both families are read at equal storage.
   */
  readonly errorAtBudget: number;
}

/** At a storage budget (a compression ratio 64/bits) inside both families' fronts. */
export interface MatchedStorageRow {
  readonly bitsPerValue: number;
  readonly zfp: BudgetPick;
  readonly sz: BudgetPick;
  /** The family with the smaller error at the budget, or null for a tie. */
  readonly winner: Family | null;
}

/** At an error target ε: each family's cheapest run whose bound stays ≤ ε at every step. */
export interface MatchedErrorRow {
  readonly epsilon: number;
  readonly zfp: FamilyPick | null;
  readonly sz: FamilyPick | null;
  /** The family storing fewer bits per value, or the only family certifying a run for ε; null for a tie. */
  readonly winner: Family | null;
}

/** ZFP against the SZ-style codec on one problem, from the sweep's own runs. */
export interface FamilyComparison {
  readonly problem: string;
  readonly matchedStorage: MatchedStorageRow[];
  readonly matchedError: MatchedErrorRow[];
}

export interface ExperimentResult {
  readonly experiment: ResultsExperimentName;
  readonly title: string;
  /** What the figures show (a sentence or two). */
  readonly description: string;
  readonly params: Record<string, unknown>;
  readonly runs: RunRecord[];
  readonly contours?: ContourGrid[];
  /** Sweeps with both families: ZFP against SZ-style at matched storage and at matched error targets, per problem. */
  readonly comparison?: FamilyComparison[];
  /** How long the run took, milliseconds. */
  readonly elapsedMs: number;
}
