/** Base class of every error the solvers throw on purpose. */
export class SolverError extends Error {
  override name = 'SolverError';
}

/** A parameter outside its domain (a non-integer size, a negative step count, …). */
export class SolverParameterError extends SolverError {
  override name = 'SolverParameterError';
}

/** Parameters for which the scheme is unstable, or its theorem's hypothesis fails; the message names the limit. */
export class UnstableParametersError extends SolverError {
  override name = 'UnstableParametersError';
}
