/**
 * A user problem as plain data that crosses to a worker thread, and the Problem it rebuilds there:
 * a problem file's parsed document with its options and the bytes of every data file it read, or
 * the URL of a `defineProblem` module (which the worker imports itself: functions do not cross).
 */
import type { Problem, UserProblemName } from '../../solvers/problem.ts';
import type { InitialFile } from '../../solvers/user/problem-file.ts';

export type UserProblemSource =
  | {
      readonly kind: 'file';
      readonly document: unknown;
      readonly set: Readonly<Record<string, number>>;
      /** Data files by the path the loader asked for, as read on the main thread. */
      readonly files: Readonly<Record<string, Uint8Array>>;
      readonly initialFile?: InitialFile;
    }
  | { readonly kind: 'module'; readonly url: string; readonly steps?: number };

/** The Problem a source describes (checks already passed on the thread that made the source). */
export async function problemFromSource(source: UserProblemSource): Promise<Problem & { readonly name: UserProblemName }> {
  if (source.kind === 'file') {
    const { problemFromFile, ProblemFileError } = await import('../../solvers/user/problem-file.ts');
    const readFile = (path: string): Uint8Array => {
      const bytes = source.files[path];
      if (!bytes) throw new ProblemFileError(`${path}: not among the data files read for this problem`);
      return bytes;
    };
    const problem = await problemFromFile(source.document, { set: source.set, readFile, ...(source.initialFile && { initialFile: source.initialFile }) });
    return problem as typeof problem & { readonly name: UserProblemName };
  }
  const { isDefinedProblem, problemFromDefinition, ProblemDefinitionError } = await import('../../solvers/user/define-problem.ts');
  const module = (await import(source.url)) as { default?: unknown };
  if (!isDefinedProblem(module.default)) throw new ProblemDefinitionError(`${source.url}: the module must \`export default defineProblem({...})\``);
  return problemFromDefinition(source.steps === undefined ? module.default : { ...module.default, steps: source.steps });
}
