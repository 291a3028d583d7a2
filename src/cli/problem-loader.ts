/**
 * `--problem FILE`: a problem file (JSON) or a module that default-exports `defineProblem({...})`;
 * binds `--set`/`--steps`, refuses unstable stencils and stated facts a probe contradicts, and registers the problem for the run.
 * A `.ts` module needs a TypeScript loader in the process (`node --import tsx`): the package ships
 * none, so plain `zfpwb` takes compiled `.js`/`.mjs` modules and says so for `.ts`.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { UserProblemName } from '../../solvers/problem.ts';
import type { SolverParams } from '../analysis/problem-setup.ts';
import type { UserProblemSource } from '../analysis/user-problem-source.ts';
import { CliUsageError } from './errors.ts';
import { MAX_STEPS, parseNumber, positiveInteger } from './solver-options.ts';

export interface ProblemFileOptions {
  problem: string;
  /** `--initial FILE`: a .npy file replacing the problem's initial data. */
  initial?: string;
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

const MODULE = /\.(?:[cm]?js|[cm]?ts)$/i;
const TYPESCRIPT = /\.[cm]?ts$/i;

/** Refuses, with a usage message, a module that cannot be imported or does not default-export a `defineProblem` result. */
async function checkDefinitionModule(path: string): Promise<void> {
  const { isDefinedProblem } = await import('../../solvers/user/define-problem.ts');
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (TYPESCRIPT.test(path) && code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new CliUsageError(`--problem ${path}: a TypeScript module needs a TypeScript loader: run \`node --import tsx …/zfpwb.js\` (or \`npx tsx\`), or compile it to .js`);
    }
    if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(resolve(path))) throw new CliUsageError(`--problem ${path}: no such file`);
    throw error;
  }
  if (!isDefinedProblem(module.default)) throw new CliUsageError(`--problem ${path}: the module must \`export default defineProblem({...})\``);
}

export interface LoadOptions {
  /** Parameter overrides of a problem file. */
  readonly set?: Readonly<Record<string, number>>;
  /** Steps instead of the file's or module's own. */
  readonly steps?: number;
  /** A .npy file (C order, float64 or float32) replacing a problem file's initial data. */
  readonly initial?: string;
}

/** A loaded problem: the name runs carry, and what a worker thread rebuilds it from. */
export interface LoadedProblem {
  readonly name: UserProblemName;
  readonly source: UserProblemSource;
}

/**
 * Loads a problem file (JSON) or a `defineProblem` module and registers it for runs on this thread;
 * returns the name runs and records carry (`user:<name>`). Unstable stencils are refused here.
 */
export async function loadProblem(path: string, options: LoadOptions = {}): Promise<UserProblemName> {
  return (await loadProblemSource(path, options)).name;
}

/** loadProblem, with the source that worker threads rebuild the problem from (`experiment custom` on the pool). */
export async function loadProblemSource(path: string, options: LoadOptions = {}): Promise<LoadedProblem> {
  const { steps, set = {}, initial } = options;
  const [{ registerProblem }, { checkOperatorFacts }] = await Promise.all([import('../analysis/problem-setup.ts'), import('../analysis/operator-check.ts')]);
  if (MODULE.test(path)) {
    if (Object.keys(set).length > 0 || initial !== undefined) throw new CliUsageError('--set and --initial apply to problem files (JSON); a module sets its own parameters and initial data');
    await checkDefinitionModule(path);
    const { problemFromSource } = await import('../analysis/user-problem-source.ts');
    const source: UserProblemSource = { kind: 'module', url: pathToFileURL(resolve(path)).href, ...(steps !== undefined && { steps }) };
    const problem = await problemFromSource(source);
    checkOperatorFacts(problem);
    return { name: registerProblem(problem), source };
  }
  const document = readDocument(path);
  const { problemFromFile } = await import('../../solvers/user/problem-file.ts');
  const withSteps = steps === undefined || typeof document !== 'object' || document === null ? document : { ...document, steps };
  if (initial !== undefined && !/\.npy$/i.test(initial)) throw new CliUsageError(`--initial takes a .npy file, got "${initial}" (a raw file goes in the problem file as "initial": {"file", "type"})`);
  const files: Record<string, Uint8Array> = {};
  const readFile = (file: string): Uint8Array => {
    const full = resolve(dirname(resolve(path)), file);
    try {
      return (files[file] = readFileSync(full));
    } catch (error) {
      throw new CliUsageError(`cannot read ${full} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
  const initialFile = initial === undefined ? undefined : { file: resolve(initial) };
  const problem = await problemFromFile(withSteps, { set, readFile, ...(initialFile && { initialFile }) });
  checkOperatorFacts(problem);
  const source: UserProblemSource = { kind: 'file', document: withSteps, set, files, ...(initialFile && { initialFile }) };
  return { name: registerProblem(problem as typeof problem & { name: UserProblemName }), source };
}

/** `--problem F [--steps N] [--set k=v …]` as a registered problem; parameters are bound, so `params` is empty. */
export async function problemFileChoice(options: ProblemFileOptions): Promise<{ problem: UserProblemName; params: SolverParams; source: UserProblemSource }> {
  if (options.grid !== undefined) throw new CliUsageError('--grid does not apply to --problem: the file\'s "shape" sets the grid');
  const steps = options.steps === undefined ? undefined : positiveInteger('--steps', options.steps);
  if (steps !== undefined && steps > MAX_STEPS) throw new CliUsageError(`--steps must be at most ${MAX_STEPS}, got ${steps}`);
  const { name, source } = await loadProblemSource(options.problem, { set: overrides(options.set ?? []), ...(steps !== undefined && { steps }), ...(options.initial !== undefined && { initial: options.initial }) });
  return { problem: name, params: {}, source };
}

/** Exactly one of --solver and --problem. */
export function requireOneSource(options: { solver?: string; problem?: string }): void {
  if ((options.solver === undefined) === (options.problem === undefined)) throw new CliUsageError('give exactly one of --solver NAME and --problem FILE');
}
