/**
 * K_β: the single-use constant of zfp 1.0 (docs/theory.md §1), ‖Q(x)_B − x_B‖∞ ≤ K·‖x_B‖∞ per block.
 * The derivation is in theorems/README.md; the stage-by-stage error model is zfp-error-model.ts.
 */
import { TheoremDomainError } from './errors.ts';
import { errorModel, formRange, type BlockDim } from './zfp-error-model.ts';

export type { BlockDim } from './zfp-error-model.ts';
export type ScalarKind = 'float64' | 'float32';

/** What zfp 1.0 does with one scalar type. */
export interface ScalarFacts {
  /** Integer width of the block-float integers and of the bit planes (zfp's intprec). */
  readonly intprec: number;
  /** Block-float scale: y = trunc(x·2^(q−emax)), |y| < 2^q. */
  readonly q: number;
  /** Unit round-off of the final integer-to-float conversion (round to nearest). */
  readonly unitRoundoff: number;
}

export const SCALAR_FACTS: Readonly<Record<ScalarKind, ScalarFacts>> = {
  float64: { intprec: 64, q: 62, unitRoundoff: 2 ** -53 },
  float32: { intprec: 32, q: 30, unitRoundoff: 2 ** -24 },
};

/** zfp's ZFP_MIN_EXP: the minexp of fixed-precision and fixed-rate streams. */
export const ZFP_MIN_EXP = -1074;
/** zfp's ZFP_MAX_PREC. */
export const ZFP_MAX_PREC = 64;

/**
 * Whatever the coefficients, the decoded integers are intprec-bit two's complement values, so
 * |x̂_i| ≤ 2^(intprec−1)·2^(emax−q) = 4·2^(emax−1) ≤ 4‖x_B‖ and the error is at most 5‖x_B‖.
 */
export const RANGE_CAP = 5;

/** Doubles sum the model's coefficients; this factor covers their round-off in the bound. */
const SUM_SLACK = 1 + 2 ** -40;

/** One block's bound, split by where the error comes from (units of ‖x_B‖∞ in the worst case). */
export interface KBreakdown {
  /** Bit planes kept. */
  readonly planes: number;
  /** The bound: min(derived, RANGE_CAP) when no integer can overflow, RANGE_CAP otherwise. */
  readonly K: number;
  /** The derived bound before the cap (Infinity when overflow is possible). */
  readonly derived: number;
  /** Part of `derived` from bit-plane truncation through the inverse transform. */
  readonly truncation: number;
  /** Part from the floors of the forward and inverse lifting. */
  readonly lifting: number;
  /** Part from block-float truncation to integers. */
  readonly blockFloat: number;
  /** Part from rounding the decoded integers to the scalar type. */
  readonly conversion: number;
  /** True when the model cannot rule out integer overflow in the inverse transform. */
  readonly overflowPossible: boolean;
}

/**
 * Interval of the truncation error e = t − c when the negabinary digits below `dropped` are
 * zeroed: the discarded digits sum to between −(odd-position weights) and +(even-position weights).
 */
export function negabinaryTruncation(dropped: number): { below: number; above: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < dropped; i++) {
    if (i % 2 === 0) even += 2 ** i;
    else odd += 2 ** i;
  }
  return { below: even, above: odd };
}

function checkDim(d: number): asserts d is BlockDim {
  if (d !== 1 && d !== 2 && d !== 3 && d !== 4) throw new TheoremDomainError(`block dimension d must be 1..4, got ${d}`);
}

function checkType(type: string): asserts type is ScalarKind {
  if (type !== 'float64' && type !== 'float32') throw new TheoremDomainError(`scalar type must be float64 or float32, got ${type}`);
}

const memo = new Map<string, KBreakdown>();

/**
 * The bound for a block that kept `planes` complete bit planes (planes ≥ intprec means all).
 * Used directly for fixed rate (the codec's per-block count of complete planes); partially coded
 * planes only shrink each coefficient's truncation interval, which stays inside this one.
 */
export function kFromPlanes(planes: number, d: number, type: ScalarKind): KBreakdown {
  checkDim(d);
  checkType(type);
  if (!Number.isInteger(planes) || planes < 0) throw new TheoremDomainError(`planes must be a nonnegative integer, got ${planes}`);
  const facts = SCALAR_FACTS[type];
  const kept = Math.min(planes, facts.intprec);
  const key = `${kept}/${d}/${type}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const result = evaluate(kept, d, facts);
  memo.set(key, result);
  return result;
}

function evaluate(kept: number, d: BlockDim, facts: ScalarFacts): KBreakdown {
  const model = errorModel(d);
  const { below: E, above: O } = negabinaryTruncation(facts.intprec - kept);
  const D = 2 ** facts.q - 1;
  const top = 2 ** (facts.intprec - 1);
  const fits = (lo: number, hi: number) => lo >= -top && hi <= top - 1;
  const shiftsSafe = model.shiftOperands.every((s) => {
    const r = formRange(s, D, E, O);
    return fits(r.lo, r.hi);
  });
  const outputsSafe = model.outputs.every((s) => {
    const r = formRange(s, 0, E, O);
    return fits(r.lo - D, r.hi + D);
  });
  const overflowPossible = !(shiftsSafe && outputsSafe);
  const unit = 2 ** (facts.q - 1); // ‖x_B‖ ≥ 2^(emax−1) = unit·2^(emax−q)
  let worst = 0;
  let parts = { truncation: 0, lifting: 0, blockFloat: 0, conversion: 0 };
  for (const s of model.outputs) {
    const r = formRange(s, 0, E, O);
    const decoded = Math.max(r.hi, -r.lo); // bound on |ŷ_i − y_i|
    const total = Math.max(r.hi + 1, -r.lo + 1); // block-float truncation t_i ∈ (−1, 1)
    // x is itself representable, so rounding ŷ·2^(emax−q) to nearest moves it by at most its
    // distance to x, and by at most u·|ŷ|
    const conversion = Math.min(total, facts.unitRoundoff * (D + decoded));
    if (total + conversion > worst) {
      worst = total + conversion;
      const t = formRange({ ...s, floorPos: 0, floorNeg: 0 }, 0, E, O);
      const truncation = Math.max(t.hi, -t.lo);
      parts = { truncation, lifting: total - 1 - truncation, blockFloat: 1, conversion };
    }
  }
  const derived = overflowPossible ? Infinity : (worst / unit) * SUM_SLACK;
  return {
    planes: kept,
    K: Math.min(derived, RANGE_CAP),
    derived,
    truncation: parts.truncation / unit,
    lifting: parts.lifting / unit,
    blockFloat: parts.blockFloat / unit,
    conversion: parts.conversion / unit,
    overflowPossible,
  };
}

/** Largest β fixed precision accepts for a type (planes beyond intprec change nothing). */
export function maxBeta(type: ScalarKind): number {
  checkType(type);
  return SCALAR_FACTS[type].intprec;
}

/**
 * K_β for fixed precision β. With minexp = ZFP_MIN_EXP every block whose max is a normal number
 * keeps p = min(β, emax + 1074 + 2d + 2) = β planes.
 */
export function kBeta(beta: number, d: number, type: ScalarKind): number {
  checkType(type);
  if (!Number.isInteger(beta) || beta < 1 || beta > maxBeta(type)) {
    throw new TheoremDomainError(`β must be an integer in 1..${maxBeta(type)} for ${type}, got ${beta}`);
  }
  return kFromPlanes(beta, d, type).K;
}

/** zfp's minexp for tolerance τ > 0: the exponent of frexp(τ) minus one, i.e. floor(log2 τ). */
export function accuracyMinExp(tolerance: number): number {
  if (!(tolerance > 0) || !Number.isFinite(tolerance)) throw new TheoremDomainError(`tolerance must be positive and finite, got ${tolerance}`);
  let e = Math.floor(Math.log2(tolerance));
  // log2 can be off by one ulp at powers of two; settle with exact comparisons
  if (2 ** e > tolerance) e -= 1;
  if (2 ** (e + 1) <= tolerance) e += 1;
  return e;
}

/** Planes a block with exponent emax keeps: min(maxprec, max(0, emax − minexp + 2d + 2)). */
export function planesKept(emax: number, minexp: number, d: number, maxprec = ZFP_MAX_PREC): number {
  checkDim(d);
  return Math.min(maxprec, Math.max(0, emax - minexp + 2 * d + 2));
}

/**
 * Fixed accuracy: the block keeps planesKept(emax, floor(log2 τ), d) planes. A block that keeps
 * none is encoded as all zeros, so its error is exactly ‖x_B‖ (K = 1).
 */
export function kAccuracy(emax: number, tolerance: number, d: number, type: ScalarKind): number {
  if (!Number.isInteger(emax)) throw new TheoremDomainError(`emax must be an integer, got ${emax}`);
  const p = planesKept(emax, accuracyMinExp(tolerance), d);
  return p === 0 ? 1 : kFromPlanes(p, d, type).K;
}

/**
 * One block's error from its common exponent e (2^(e−1) ≤ ‖x_B‖∞ < 2^e) and the planes it kept,
 * `normCap` ≥ ‖x_B‖∞. The model's bound is in units of 2^(e−1), the block-floating scale ‖x_B‖ is
 * at least: derived·2^(e−1), half of K·2^e. Where the range cap applies instead, the bound is
 * K·‖x_B‖ ≤ K·min(2^e, normCap). A block that keeps no plane is zero after decoding: ‖x_B‖.
 */
export function blockErrorBound(planes: number, emax: number, d: number, type: ScalarKind, normCap: number): number {
  if (!Number.isInteger(emax)) throw new TheoremDomainError(`emax must be an integer, got ${emax}`);
  const top = Math.min(2 ** emax, normCap);
  if (planes === 0) return top;
  const k = kFromPlanes(planes, d, type);
  return k.derived <= RANGE_CAP ? Math.min(k.derived * 2 ** (emax - 1), RANGE_CAP * top) : RANGE_CAP * top;
}

/**
 * Fixed accuracy drops a block whose exponent keeps no plane and stores it as zero, reporting no
 * exponent: its values lie below 2^e for the largest such e, minexp − 2d − 2, and so does its error.
 */
export function droppedBlockBound(tolerance: number, d: number): number {
  checkDim(d);
  return 2 ** (accuracyMinExp(tolerance) - 2 * d - 2);
}

/** Fixed rate: the block's count of completely encoded planes, as the codec reports it. */
export function kRate(completePlanes: number, d: number, type: ScalarKind): number {
  return kFromPlanes(completePlanes, d, type).K;
}
