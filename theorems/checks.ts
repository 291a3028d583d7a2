/** Argument checks shared by the theorem modules; each throws TheoremDomainError naming the argument. */
import { TheoremDomainError } from './errors.ts';

export function finiteNonnegative(name: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) throw new TheoremDomainError(`${name} must be finite and ≥ 0, got ${v}`);
}

export function positive(name: string, v: number): void {
  if (!Number.isFinite(v) || v <= 0) throw new TheoremDomainError(`${name} must be finite and > 0, got ${v}`);
}

export function nonnegativeInteger(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new TheoremDomainError(`${name} must be an integer ≥ 0, got ${v}`);
}

export function allFiniteNonnegative(name: string, xs: ArrayLike<number>): void {
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (!Number.isFinite(v) || v < 0) throw new TheoremDomainError(`${name}[${i}] must be finite and ≥ 0, got ${v}`);
  }
}

export function sameLength(a: string, xa: ArrayLike<number>, b: string, xb: ArrayLike<number>): void {
  if (xa.length !== xb.length) throw new TheoremDomainError(`${a} and ${b} must have the same length, got ${xa.length} and ${xb.length}`);
}

/** A per-step K given as one number or one per step. */
export function perStep(name: string, k: number | ArrayLike<number>, steps: number): (j: number) => number {
  if (typeof k === 'number') {
    finiteNonnegative(name, k);
    return () => k;
  }
  if (k.length < steps) throw new TheoremDomainError(`${name} needs ${steps} entries, got ${k.length}`);
  allFiniteNonnegative(name, k);
  return (j) => k[j]!;
}
