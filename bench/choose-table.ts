/**
 * choose's three answers per built-in solver, mode and target: the lemma's setting, the cheapest
 * certified one and the empirical minimum, with targets relative to the solution's largest value.
 * Prints a table; no timing.
 *
 *   npx tsx bench/choose-table.ts [--size quick|default] [--targets 1e-4,1e-7] [--type float64|float32] [--solver name]
 */
import { parseArgs } from 'node:util';
import { CHOOSE_MODES, chooseSetting, type Setting } from '../src/analysis/choose.ts';
import { solverParams } from '../src/analysis/problem-setup.ts';
import { runSimulation } from '../src/analysis/simulation-run.ts';
import { specLabel } from '../src/results/representation-spec.ts';
import { formatTable } from '../src/results/summary.ts';
import { problems } from '../solvers/index.ts';
import type { BuiltinProblemName, StateType } from '../solvers/problem.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'quick' },
    targets: { type: 'string', default: '1e-4,1e-7' },
    type: { type: 'string', default: 'float64' },
    solver: { type: 'string' },
  },
});
const quick = values.size === 'quick';
const stateType = values.type as StateType;
const targets = values.targets.split(',').map(Number);
const modes = CHOOSE_MODES.filter((mode) => stateType === 'float64' || !mode.startsWith('sz'));
const solvers = (Object.keys(problems) as BuiltinProblemName[]).filter((name) => values.solver === undefined || name === values.solver);

const cell = (s: Setting | null): string => (s ? `${specLabel(s.spec)} (${s.record.summary.meanBitsPerValue.toFixed(1)} b)` : 'none');

const rows: string[][] = [];
for (const problem of solvers) {
  const params = solverParams(problem, quick);
  // The plain double run's largest value (any track's records carry it): targets are relative to it.
  const scale = Math.max(...runSimulation({ problem, params, spec: { mode: 'precision', precision: 64 }, maxRecorded: Infinity }).steps.map((s) => s.solutionNorm));
  for (const relative of targets) {
    const epsilon = relative * scale;
    for (const mode of modes) {
      const r = chooseSetting({ problem, params, mode, epsilon, stateType });
      rows.push([problem, relative.toExponential(0), epsilon.toExponential(2), mode, 'infeasible' in r.lemma ? 'infeasible' : cell(r.lemma), cell(r.certified), cell(r.empiricalMinimum), String(r.trials)]);
    }
  }
}
console.log(formatTable(['solver', 'ε / max|u|', 'ε', 'mode', 'lemma', 'certified', 'empirical minimum', 'trial runs'], rows));
