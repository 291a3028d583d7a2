/**
 * zfp-workbench, one namespace per area. Everything here also runs in a browser; the
 * experiments (worker threads, files) are their own entry point, `zfp-workbench/experiments`.
 */
export * as zfp from './zfp/index.ts';
export * as array from './array/index.ts';
export * as reference from './reference/index.ts';
export * as solvers from '../solvers/index.ts';
export * as theorems from '../theorems/index.ts';
/** Your own problem's definition (browser-safe); loading, validating and reporting are in `zfp-workbench/api`. */
export { defineProblem } from '../solvers/user/define-problem.ts';
