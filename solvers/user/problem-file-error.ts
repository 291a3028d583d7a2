import { SolverError } from '../errors.ts';

/** A problem file that cannot be read as a problem; the message names the field. */
export class ProblemFileError extends SolverError {
  override name = 'ProblemFileError';
}
