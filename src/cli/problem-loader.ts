/** `--problem FILE`: reads a problem file, binds `--set`/`--steps`, refuses unstable stencils, and registers it for the run. */
import { readFileSync } from 'node:fs';
import type { ProblemName } from '../../solvers/problem.ts';
import type { SolverParams } from '../analysis/problem-setup.ts';
import { CliUsageError } from './errors.ts';
import { MAX_STEPS, parseNumber, positiveInteger } from './solver-options.ts';

export interface ProblemFileOptions {
  problem: string;
  steps?: string;
  grid?: string;
  set?: string[];
}

function overrides(pairs: readonly string[]): Record<string, number> {
  const set: Record<string, number> = {};
  for (const pair of pairs) {
    const [key, value, ...rest] = pair.split('=');
    if (!key || value === undefined || rest.length > 0) throw new CliUsageError(`--set takes key=value, got "${pair}"`);
    set[key] = parseNumber(`--set ${key}`, value, () => true, 'a number');
  }
  return set;
}

function readDocument(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`--problem ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`--problem ${path}: not JSON: ${(error as Error).message}`);
  }
}

/** The problem a file describes, registered under `user:<name>`; parameters are bound, so `params` is empty. */
export async function problemFileChoice(options: ProblemFileOptions): Promise<{ problem: ProblemName; params: SolverParams }> {
  if (options.grid !== undefined) throw new CliUsageError('--grid does not apply to --problem: the file\'s "shape" sets the grid');
  const steps = options.steps === undefined ? undefined : positiveInteger('--steps', options.steps);
  if (steps !== undefined && steps > MAX_STEPS) throw new CliUsageError(`--steps must be at most ${MAX_STEPS}, got ${steps}`);
  const document = readDocument(options.problem);
  const [{ problemFromFile }, { registerProblem }, { refuseUnstable }] = await Promise.all([
    import('../../solvers/user/problem-file.ts'),
    import('../analysis/problem-setup.ts'),
    import('../analysis/operator-check.ts'),
  ]);
  const withSteps = steps === undefined || typeof document !== 'object' || document === null ? document : { ...document, steps };
  const problem = await problemFromFile(withSteps, { set: overrides(options.set ?? []) });
  refuseUnstable(problem);
  return { problem: registerProblem(problem as typeof problem & { name: `user:${string}` }), params: {} };
}

/** Exactly one of --solver and --problem. */
export function requireOneSource(options: { solver?: string; problem?: string }): void {
  if ((options.solver === undefined) === (options.problem === undefined)) throw new CliUsageError('give exactly one of --solver NAME and --problem FILE');
}
