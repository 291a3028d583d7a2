/**
 * How far each bound sits above the measured error: per solver experiment, size and setting of a
 * sweep, the factor max bound / max ZFP error of the K bound (any data with the same norms) and of
 * the run's own bound (data). Prints a table; no timing.
 *
 *   npx tsx bench/bound-ratios.ts [--mode rate|precision|accuracy] [--size quick|default|both] [--sweep quick|default] [--type float64|float32] [--solver name]
 */
import { parseArgs } from 'node:util';
import { QUICK_SWEEP, DEFAULT_SWEEP, sweepSpecs } from '../experiments/configs.ts';
import { solverParams } from '../src/analysis/problem-setup.ts';
import { runSimulation } from '../src/analysis/simulation-run.ts';
import { specLabel } from '../src/results/representation-spec.ts';
import { formatTable } from '../src/results/summary.ts';
import type { BuiltinProblemName, StateType } from '../solvers/problem.ts';

const SOLVERS: readonly BuiltinProblemName[] = ['diffusion2d', 'diffusion3d', 'advection1d', 'advection2d', 'poisson-jacobi', 'gauss-seidel'];

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'rate' },
    size: { type: 'string', default: 'quick' },
    sweep: { type: 'string', default: 'quick' },
    type: { type: 'string', default: 'float64' },
    solver: { type: 'string' },
  },
});
const sizes = values.size === 'both' ? [true, false] : [values.size === 'quick'];
const stateType = values.type as StateType;
// A float32 array has 32 planes, as the experiments' float32 sweeps.
const specs = sweepSpecs(values.sweep === 'default' ? DEFAULT_SWEEP : QUICK_SWEEP).filter((s) => s.mode === values.mode && (stateType === 'float64' || s.mode !== 'precision' || s.precision <= 32));

const factor = (bound: number | null, error: number): string => (bound === null ? '—' : error > 0 ? (bound / error).toPrecision(3) : '∞');

const rows: string[][] = [];
for (const quick of sizes) {
  for (const problem of SOLVERS.filter((name) => values.solver === undefined || name === values.solver)) {
    const params = solverParams(problem, quick);
    for (const spec of specs) {
      const { summary: s } = runSimulation({ problem, params, spec, maxRecorded: 3, stateType });
      rows.push([problem, quick ? 'quick' : 'default', specLabel(spec), s.maxZfpError.toExponential(2), factor(s.maxAnyBound, s.maxZfpError), factor(s.maxDataBound, s.maxZfpError), s.boundHeld ? 'held' : 'BROKEN']);
    }
  }
}
console.log(formatTable(['solver', 'size', 'setting', 'max error', 'K bound/error (any)', 'own bound/error (data)', 'bound'], rows));
