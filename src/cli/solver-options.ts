/** The options validate and choose share: which solver, its size and overrides, which ZFP mode. */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { ProblemName, StateType } from '../../solvers/problem.ts';
import { definitionOf, MIN_GRID, solverParams, stepKeyOf, type SolverParams } from '../analysis/problem-setup.ts';
import type { RepresentationSpec, SzMode, ZfpMode } from '../results/representation-spec.ts';
import { problems } from '../../solvers/index.ts';
import type { Horizon } from '../analysis/bound-model.ts';
import type { Certify } from '../results/schema.ts';
import { AUTO_DOUBLE_DOUBLE_ABOVE, isReferenceChoice, REFERENCE_ARITHMETICS, type ReferenceChoice } from '../reference/choice.ts';
import { CliUsageError } from './errors.ts';

export const ZFP_MODES: readonly ZfpMode[] = ['precision', 'rate', 'accuracy'];

export function parseMode(value: string): ZfpMode {
  if (!(ZFP_MODES as readonly string[]).includes(value)) throw new CliUsageError(`--mode must be one of ${ZFP_MODES.join(', ')}, got "${value}"`);
  return value as ZfpMode;
}

/** Modes a single run can store its state in: ZFP's and the SZ-style codec's. */
export const INLINE_MODES: readonly (ZfpMode | SzMode)[] = [...ZFP_MODES, 'sz-abs', 'sz-rel'];

export function parseInlineMode(value: string): ZfpMode | SzMode {
  if (!(INLINE_MODES as readonly string[]).includes(value)) throw new CliUsageError(`--mode must be one of ${INLINE_MODES.join(', ')}, got "${value}"`);
  return value as ZfpMode | SzMode;
}

export function parseNumber(option: string, value: string, check: (x: number) => boolean, expected: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x)) throw new CliUsageError(`${option} must be ${expected}, got "${value}"`);
  return x;
}

export const positiveInteger = (option: string, value: string): number =>
  parseNumber(option, value, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');

export const CERTIFY_HELP = "the bound a verdict or a choice rests on: data (the theorem carried with this run's own measured local errors, rigorous for this data) or any (K_β per block, for any data with the same norms)";

export function parseCertify(value: string): Certify {
  if (value !== 'data' && value !== 'any') throw new CliUsageError(`--certify must be data or any, got "${value}"`);
  return value;
}

export const HORIZON_HELP = "steps the a-priori lemma's ‖Aⁿ‖∞ must cover (advection), or 'unbounded' for the Kreiss bound; default: the run's steps";

export function parseHorizon(value: string): Horizon {
  return value === 'unbounded' ? value : parseNumber('--horizon', value, (x) => Number.isInteger(x) && x >= 0, "a whole number of steps or 'unbounded'");
}

/** `--reference`: an arithmetic, auto (by the field's size), or none (no reference run). */
export type ReferenceOption = ReferenceChoice | 'none';

const REFERENCE_OPTIONS: readonly ReferenceOption[] = ['auto', ...REFERENCE_ARITHMETICS, 'none'];

export function parseReference(value: string): ReferenceOption {
  if (value === 'none' || isReferenceChoice(value)) return value;
  throw new CliUsageError(`--reference must be one of ${REFERENCE_OPTIONS.join(', ')}, got "${value}"`);
}

export const REFERENCE_HELP = `the reference run's arithmetic, behind the round-off curve: decimal (decimal.js, 21 digits, certified), double-double (about 32 digits, fast), auto (decimal up to ${AUTO_DOUBLE_DOUBLE_ABOVE} grid points, double-double above) or none`;

export const TYPE_HELP = 'the simulation state\'s scalar type: float64, or float32 (the solver rounds its state to float32 after every step and keeps it in a float32 ZFP array; ZFP modes only)';

export function parseStateType(value: string): StateType {
  if (value !== 'float64' && value !== 'float32') throw new CliUsageError(`--type must be float64 or float32, got "${value}"`);
  return value;
}

/** The configuration `--mode M --param P` names; a float32 state takes β ≤ 32 and no SZ-style mode. */
export function parseSpec(mode: ZfpMode | SzMode, param: string, type: StateType = 'float64'): RepresentationSpec {
  if (type === 'float32' && (mode === 'sz-abs' || mode === 'sz-rel')) throw new CliUsageError(`--type float32 keeps the state in a float32 ZFP array: --mode must be one of ${ZFP_MODES.join(', ')}, got "${mode}"`);
  const maxBeta = type === 'float64' ? 64 : 32;
  switch (mode) {
    case 'precision':
      return { mode, precision: parseNumber('--param', param, (x) => Number.isInteger(x) && x >= 1 && x <= maxBeta, `an integer β in 1..${maxBeta}`) };
    case 'rate':
      return { mode, rate: parseNumber('--param', param, (x) => x > 0 && x <= 64, 'a rate in (0, 64] bits per value') };
    case 'accuracy':
      return { mode, tolerance: parseNumber('--param', param, (x) => x > 0, 'a positive tolerance') };
    case 'sz-abs':
      return { mode, tolerance: parseNumber('--param', param, (x) => x > 0, 'a positive absolute bound e') };
    case 'sz-rel':
      return { mode, ratio: parseNumber('--param', param, (x) => x > 0, 'a positive range-relative bound ε') };
  }
}

/**
 * Limits that keep a run inside this machine's memory. A step keeps its record and the bound's
 * inputs on the heap (about 0.64 KB measured; 1 KB allowed), and a run may use half the heap for
 * them. A grid point costs the tracks' states and the solver's scratch (about 50 bytes measured at
 * 3D; 256 allowed), within a quarter of the machine's memory.
 */
const BYTES_PER_STEP = 1024;
const BYTES_PER_POINT = 256;
export const MAX_STEPS = Math.floor(getHeapStatistics().heap_size_limit / 2 / BYTES_PER_STEP);
export const MAX_GRID_POINTS = Math.floor(totalmem() / 4 / BYTES_PER_POINT);

/** Memory cells per grid side n: the field's points (gauss-seidel's dense dominance check takes n²). */
const GRID_DIMS: Readonly<Record<ProblemName, number>> = {
  advection1d: 1,
  advection2d: 2,
  diffusion2d: 2,
  diffusion3d: 3,
  'poisson-jacobi': 2,
  'gauss-seidel': 2,
};

export const STEPS_HELP = `time steps, sweeps or maximum iterations (at most ${MAX_STEPS}, from the heap limit at 1 KB a step)`;
export const GRID_HELP = `grid points per side (at most ${MAX_GRID_POINTS} points in all, from a quarter of this machine's memory at ${BYTES_PER_POINT} bytes a point)`;

export interface SolverSizeOptions {
  grid?: string;
  steps?: string;
  set?: string[];
}

export interface SolverChoice {
  readonly problem: ProblemName;
  readonly params: SolverParams;
}

/** Help text: each solver's parameters and their defaults, the keys `--set` accepts. */
export function solverParamsHelp(): string {
  const lines = Object.keys(problems).map((name) => {
    const numeric = Object.entries(definitionOf(name).defaults).filter(([, v]) => typeof v === 'number');
    return `  ${name.padEnd(15)} ${numeric.map(([k, v]) => `${k}=${v}`).join(' ')}`;
  });
  return `\nSolver parameters and their defaults (--set key=value; --grid sets n, --steps the step count):\n${lines.join('\n')}`;
}

/** `[--grid N] [--steps N] [--set key=value …]` as parameter overrides for `problem`. */
export function solverOverrides(problem: ProblemName, options: SolverSizeOptions): SolverParams {
  const overrides: SolverParams = {};
  for (const pair of options.set ?? []) {
    const [key, value, ...rest] = pair.split('=');
    if (!key || value === undefined || rest.length > 0) throw new CliUsageError(`--set takes key=value, got "${pair}"`);
    overrides[key] = parseNumber(`--set ${key}`, value, () => true, 'a number');
  }
  if (options.grid !== undefined) {
    const n = positiveInteger('--grid', options.grid);
    const dims = GRID_DIMS[problem];
    if (n ** dims > MAX_GRID_POINTS) {
      throw new CliUsageError(`--grid ${n} gives ${n}^${dims} = ${n ** dims} points for ${problem}, above the ${MAX_GRID_POINTS} this machine's memory allows (--grid ${Math.floor(MAX_GRID_POINTS ** (1 / dims))} at most)`);
    }
    overrides['n'] = n;
  }
  if (options.steps !== undefined) {
    const key = stepKeyOf(problem);
    const steps = positiveInteger('--steps', options.steps);
    if (steps > MAX_STEPS) throw new CliUsageError(`--steps must be at most ${MAX_STEPS} (a run keeps about 1 KB a step within half the heap), got ${steps}`);
    overrides[key] = steps;
  }
  return overrides;
}

/** The solver's default (or quick) parameters with `overrides` on top, refusing grids below MIN_GRID. */
export function checkedParams(problem: ProblemName, quick: boolean, overrides: SolverParams): SolverParams {
  const params = solverParams(problem, quick, overrides);
  const n = params['n'];
  if (typeof n === 'number' && n < MIN_GRID) throw new CliUsageError(`the grid needs at least ${MIN_GRID} points per side (one whole ZFP block), got n = ${n}`);
  return params;
}

/** `--solver S [--grid N] [--steps N] [--set key=value …]` on top of the solver's defaults. */
export function solverChoice(solver: string, options: SolverSizeOptions): SolverChoice {
  definitionOf(solver);
  const problem = solver as ProblemName;
  return { problem, params: checkedParams(problem, false, solverOverrides(problem, options)) };
}
