import { SolverParameterError } from './errors.ts';

export function requireInteger(what: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new SolverParameterError(`${what} must be an integer ≥ ${min}, got ${value}`);
  }
}

export function requirePositive(what: string, value: number): void {
  if (!(value > 0 && Number.isFinite(value))) {
    throw new SolverParameterError(`${what} must be a positive finite number, got ${value}`);
  }
}
