/** `zfpwb choose`'s options; its action (choose.ts, with the theorems and solvers) loads when it runs. */
import type { Command } from 'commander';
import type { ChooseOptions } from './choose.ts';
import { guarded } from './errors.ts';
import { CERTIFY_HELP, GRID_HELP, HORIZON_HELP, solverParamsHelp, STEPS_HELP, TYPE_HELP } from './solver-options.ts';
import { MIN_GRID } from '../analysis/problem-setup.ts';

export function addChooseCommand(program: Command): void {
  program
    .command('choose')
    .description("the cheapest ZFP or SZ-style setting a run certifies for an error target: the lemma's setting, then bisection with trial runs; prints the lemma's, the certified and the empirical minimum setting side by side, or with --mode all each mode's certified setting, each family's cheapest and the winner (exit 1 when no setting is certified)")
    .option('--solver <name>', 'diffusion2d, diffusion3d, advection1d, advection2d, poisson-jacobi or gauss-seidel (default: none; this or --problem)')
    .option('--problem <file>', 'a problem file (JSON) instead of a built-in solver; --set overrides its parameters (default: none; this or --solver)')
    .option('--initial <file.npy>', "with --problem: initial data from a .npy file (C order), replacing the file's (default: the file's initial)")
    .requiredOption('--tol <epsilon>', 'largest error inline compression may add (max norm)')
    .option('--mode <mode>', 'precision, rate or accuracy (ZFP); sz-abs or sz-rel (the largest SZ-style absolute or range-relative bound); all: every mode of both families, and which family stores fewer bits per value', 'precision')
    .option('--certify <bound>', CERTIFY_HELP, 'data')
    .option('--horizon <steps>', HORIZON_HELP)
    .option('--type <type>', TYPE_HELP, 'float64')
    .option('--steps <n>', `${STEPS_HELP}; default: the solver's, listed below`)
    .option('--grid <n>', `${GRID_HELP}; at least ${MIN_GRID}; default: the solver's n, listed below`)
    .option('--set <key=value...>', 'override a solver parameter; repeatable (default: none; keys and their defaults listed below)')
    .option('--json', 'print {lemma, certified, empiricalMinimum, type}, each {mode, param, label, maxZfpError, maxBound, bitsPerValue, ratio} or null, instead of the table; with --mode all {modes: {MODE: that}, best: {zfp, sz}, winner}')
    .addHelpText('after', solverParamsHelp)
    .action(guarded('choose', async (options: ChooseOptions) => (await import('./choose.ts')).choose(options)));
}
