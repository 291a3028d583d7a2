/** `zfpwb choose`: parses the request, asks the analysis for the cheapest certified setting, prints it. */
import type { Command } from 'commander';
import { chooseSetting } from '../analysis/choose.ts';
import { specLabel } from '../results/representation-spec.ts';
import { EXIT_FAILED_CHECK, guarded } from './errors.ts';
import { GRID_HELP, parseMode, parseNumber, solverChoice, STEPS_HELP } from './solver-options.ts';

interface ChooseOptions {
  solver: string;
  tol: string;
  mode: string;
  steps?: string;
  grid?: string;
  set?: string[];
}

async function choose(options: ChooseOptions): Promise<void> {
  const { problem, params } = solverChoice(options.solver, options);
  const mode = parseMode(options.mode);
  const epsilon = parseNumber('--tol', options.tol, (x) => x > 0, 'a positive error target');
  const { steps, choice } = chooseSetting({ problem, params, mode, epsilon });
  console.log(`${problem}, ${mode}, ε = ${epsilon}, ${steps} steps`);
  if (choice.kind === 'infeasible') {
    console.log(choice.reason);
    process.exitCode = EXIT_FAILED_CHECK;
    return;
  }
  console.log(choice.why);
  const s = choice.confirm.summary;
  console.log(
    `confirming run (${specLabel(choice.spec)}): max ZFP error ${s.maxZfpError.toExponential(2)} ${s.maxZfpError <= epsilon ? '≤' : '>'} ε; bound ${s.boundHeld ? 'held' : 'BROKEN'}; ` +
      `compression ratio ${s.finalRatio.toFixed(2)} final, ${s.minRatio.toFixed(2)} min (${s.meanBitsPerValue.toFixed(1)} bits/value)`,
  );
  if (!choice.confirmed) process.exitCode = EXIT_FAILED_CHECK;
}

export function addChooseCommand(program: Command): void {
  program
    .command('choose')
    .description('the cheapest ZFP setting the lemmas allow for an error target, then a run that confirms it')
    .requiredOption('--solver <name>', 'diffusion2d, diffusion3d, advection1d, advection2d, poisson-jacobi or gauss-seidel')
    .requiredOption('--tol <epsilon>', 'largest error inline compression may add (max norm)')
    .option('--mode <mode>', 'precision, rate or accuracy', 'precision')
    .option('--steps <n>', STEPS_HELP)
    .option('--grid <n>', GRID_HELP)
    .option('--set <key=value...>', 'override a solver parameter')
    .action(guarded('choose', choose));
}
