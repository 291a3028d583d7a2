/** `zfpwb choose`'s action: parses the request, asks the analysis for the cheapest certified setting, prints it. */
import { chooseSetting } from '../analysis/choose.ts';
import { specLabel } from '../results/representation-spec.ts';
import { EXIT_FAILED_CHECK } from './errors.ts';
import { CliUsageError } from './errors.ts';
import { ZFP_MODES, parseNumber, solverChoice } from './solver-options.ts';
import type { ChooseMode } from '../analysis/choose.ts';

export interface ChooseOptions {
  solver: string;
  tol: string;
  mode: string;
  steps?: string;
  grid?: string;
  set?: string[];
}

/** The `choose` action; loaded by choose-command.ts only when the command runs (it brings the theorems). */
export async function choose(options: ChooseOptions): Promise<void> {
  const { problem, params } = solverChoice(options.solver, options);
  const modes: readonly string[] = [...ZFP_MODES, 'sz-abs'];
  if (!modes.includes(options.mode)) throw new CliUsageError(`--mode must be one of ${modes.join(', ')}, got "${options.mode}"`);
  const mode = options.mode as ChooseMode;
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
