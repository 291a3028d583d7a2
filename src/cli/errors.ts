/** How a command fails: one line on stderr and a non-zero exit, never a stack trace for a user's mistake. */
import { SolverError } from '../../solvers/errors.ts';
import { TheoremError } from '../../theorems/errors.ts';
import { ZfpError } from '../zfp/errors.ts';

/** A bad command-line value; the message says what was expected. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Exit codes: 1 = the check the command ran said no (bound broken, request infeasible); 2 = bad input. */
export const EXIT_FAILED_CHECK = 1;
export const EXIT_BAD_INPUT = 2;

function isUserError(error: unknown): error is Error {
  return error instanceof CliUsageError || error instanceof SolverError || error instanceof TheoremError || error instanceof ZfpError;
}

/** Wraps a command action: expected errors become `zfpwb <command>: message` and exit code 2. */
export function guarded<A extends unknown[]>(command: string, action: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      if (!isUserError(error)) throw error;
      process.stderr.write(`zfpwb ${command}: ${error.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    }
  };
}
