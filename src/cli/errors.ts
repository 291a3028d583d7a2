/** How a command fails: one line on stderr and exit code 2, with the stack only under `--debug`. */
import { CommanderError } from 'commander';
import { SolverError } from '../../solvers/errors.ts';
import { TheoremError } from '../../theorems/errors.ts';
import { ZfpError } from '../zfp/errors.ts';

/** A bad command-line value; the message says what was expected. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Exit codes: 0 = done (and every check passed); 1 = the check the command ran said no (bound broken, request infeasible); 2 = bad input or any other error. */
export const EXIT_OK = 0;
export const EXIT_FAILED_CHECK = 1;
export const EXIT_BAD_INPUT = 2;

/** An error thrown by a command's action, labelled with the command's name for the one-line message. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
  constructor(
    readonly command: string,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Errors the user can fix from the message alone; anything else is also one line, with a hint to `--debug`. */
function isUserError(error: unknown): error is Error {
  return error instanceof CliUsageError || error instanceof SolverError || error instanceof TheoremError || error instanceof ZfpError;
}

/** Wraps a command action so whatever it throws names the command. */
export function guarded<A extends unknown[]>(command: string, action: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      throw new CommandFailure(command, error);
    }
  };
}

/** Writes the one-line message for `error` (commander has already written its own) and returns the exit code. */
export function reportFailure(error: unknown, debug: boolean, stderr: { write(text: string): unknown } = process.stderr): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  const [command, cause] = error instanceof CommandFailure ? [`zfpwb ${error.command}`, error.cause] : ['zfpwb', error];
  const message = cause instanceof Error ? cause.message : String(cause);
  const hint = isUserError(cause) || debug ? '' : ' (an internal error: run again with --debug for its stack trace)';
  stderr.write(`${command}: ${message.split('\n')[0]}${hint}\n`);
  if (debug && cause instanceof Error && cause.stack) stderr.write(`${cause.stack}\n`);
  return EXIT_BAD_INPUT;
}
