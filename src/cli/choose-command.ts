/** `zfpwb choose`'s options; its action (choose.ts, with the theorems and solvers) loads when it runs. */
import type { Command } from 'commander';
import type { ChooseOptions } from './choose.ts';
import { guarded } from './errors.ts';
import { GRID_HELP, MIN_GRID, solverParamsHelp, STEPS_HELP } from './solver-options.ts';

export function addChooseCommand(program: Command): void {
  program
    .command('choose')
    .description('the cheapest ZFP setting the lemmas allow for an error target, then a run that confirms it')
    .requiredOption('--solver <name>', 'diffusion2d, diffusion3d, advection1d, advection2d, poisson-jacobi or gauss-seidel')
    .requiredOption('--tol <epsilon>', 'largest error inline compression may add (max norm)')
    .option('--mode <mode>', 'precision, rate or accuracy (ZFP), or sz-abs (the largest SZ-style absolute bound)', 'precision')
    .option('--steps <n>', `${STEPS_HELP}; default: the solver's, listed below`)
    .option('--grid <n>', `${GRID_HELP}; at least ${MIN_GRID}; default: the solver's n, listed below`)
    .option('--set <key=value...>', 'override a solver parameter; repeatable (default: none; keys and their defaults listed below)')
    .addHelpText('after', solverParamsHelp)
    .action(guarded('choose', async (options: ChooseOptions) => (await import('./choose.ts')).choose(options)));
}
