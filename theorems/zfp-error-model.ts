/**
 * Affine error model of one zfp 1.0 block round trip in the integer domain (docs/theory.md §1).
 *
 * Every integer in the codec's lifting pipeline is written as an affine form in independent
 * sources: the block-float integers y_i, the floor error of every `>> 1` in the forward and the
 * inverse lifting, and the bit-plane truncation error of every coefficient. Right shifts are the
 * only inexact steps (adds and `<< 1` are exact), so the forms are exact descriptions; bounding a
 * form over the box of its sources is the only relaxation (it forgets that floor errors depend on
 * the data). The model depends only on d; the scalar type enters when the box is evaluated.
 */

export type BlockDim = 1 | 2 | 3 | 4;

/**
 * Magnitude data of one affine form, enough to bound it over the source box for any number of
 * dropped planes: data coefficients enter through their ℓ1 norm (the data box is symmetric),
 * floor and truncation errors through the sums of their positive and negative coefficients
 * (their intervals are one-sided or asymmetric).
 */
export interface FormSummary {
  readonly dataAbs: number;
  readonly floorPos: number;
  readonly floorNeg: number;
  readonly truncPos: number;
  readonly truncNeg: number;
}

/** The summarised model for one block dimension. */
export interface ErrorModel {
  readonly d: BlockDim;
  /** Per output value i: the form of ŷ_i − y_i (decoded integer minus block-float integer). */
  readonly outputs: readonly FormSummary[];
  /**
   * Every value the inverse lifting shifts right. Adds, subtractions and left shifts are exact
   * modulo 2^intprec, so a wrap-around there cancels out; a right shift of a wrapped value does
   * not. These operands (and the outputs) are what must stay in range.
   */
  readonly shiftOperands: readonly FormSummary[];
  /** Largest |data coefficient| left in an output error form; 0 when the linear parts invert exactly. */
  readonly residualData: number;
  /** The linear part of the inverse transform per output: ℓ1 norm of its truncation coefficients. */
  readonly inverseGain: number;
}

/** Interval of a source; floors of `>> 1` lose 0 or 1/2. */
const FLOOR_LO = -0.5;

class Tape {
  readonly size: number;
  private nextFloor: number;
  constructor(
    readonly values: number,
    floors: number,
  ) {
    this.size = 2 * values + floors;
    this.nextFloor = 2 * values;
  }
  dataIndex(i: number): number {
    return i;
  }
  truncIndex(i: number): number {
    return this.values + i;
  }
  isFloor(j: number): boolean {
    return j >= 2 * this.values;
  }
  isTrunc(j: number): boolean {
    return j >= this.values && j < 2 * this.values;
  }
  floor(): number {
    if (this.nextFloor >= this.size) throw new Error('error model: floor sources exhausted');
    return this.nextFloor++;
  }
  summarize(f: Float64Array): FormSummary {
    let dataAbs = 0;
    let floorPos = 0;
    let floorNeg = 0;
    let truncPos = 0;
    let truncNeg = 0;
    const n = this.values;
    for (let j = 0; j < n; j++) dataAbs += Math.abs(f[j]!);
    for (let j = n; j < 2 * n; j++) {
      const a = f[j]!;
      if (a > 0) truncPos += a;
      else truncNeg -= a;
    }
    for (let j = 2 * n; j < this.size; j++) {
      const a = f[j]!;
      if (a > 0) floorPos += a;
      else floorNeg -= a;
    }
    return { dataAbs, floorPos, floorNeg, truncPos, truncNeg };
  }
}

/** a += s·b */
function axpy(a: Float64Array, s: number, b: Float64Array): void {
  for (let j = 0; j < a.length; j++) a[j]! += s * b[j]!;
}

function scale(a: Float64Array, s: number): void {
  for (let j = 0; j < a.length; j++) a[j]! *= s;
}

/** a += sign·(b >> 1): the shifted temporary is b/2 plus a fresh floor error. */
function addShifted(tape: Tape, a: Float64Array, sign: 1 | -1, b: Float64Array): void {
  axpy(a, sign * 0.5, b);
  a[tape.floor()]! += sign;
}

/** a >>= 1 */
function shiftRight(tape: Tape, a: Float64Array): void {
  scale(a, 0.5);
  a[tape.floor()]! += 1;
}

/** `seen` is told every value about to be shifted right. */
type Lift = (tape: Tape, v: Float64Array[], seen: (f: Float64Array) => void) => void;

/** zfp's forward lifting of one line (x, y, z, w), step by step. */
const forwardLift: Lift = (tape, [x, y, z, w], seen) => {
  axpy(x!, 1, w!); seen(x!); shiftRight(tape, x!); axpy(w!, -1, x!);
  axpy(z!, 1, y!); seen(z!); shiftRight(tape, z!); axpy(y!, -1, z!);
  axpy(x!, 1, z!); seen(x!); shiftRight(tape, x!); axpy(z!, -1, x!);
  axpy(w!, 1, y!); seen(w!); shiftRight(tape, w!); axpy(y!, -1, w!);
  seen(y!); addShifted(tape, w!, 1, y!); seen(w!); addShifted(tape, y!, -1, w!);
};

/** zfp's inverse lifting of one line, step by step. */
const inverseLift: Lift = (tape, [x, y, z, w], seen) => {
  seen(w!); addShifted(tape, y!, 1, w!); seen(y!); addShifted(tape, w!, -1, y!);
  axpy(y!, 1, w!); scale(w!, 2); axpy(w!, -1, y!);
  axpy(z!, 1, x!); scale(x!, 2); axpy(x!, -1, z!);
  axpy(y!, 1, z!); scale(z!, 2); axpy(z!, -1, y!);
  axpy(w!, 1, x!); scale(x!, 2); axpy(x!, -1, w!);
};

/** Run a lift on every line of 4 along `axis` (stride 4^axis), as zfp does per dimension. */
function liftAxis(tape: Tape, block: Float64Array[], d: BlockDim, axis: number, lift: Lift, seen: (f: Float64Array) => void): void {
  const stride = 4 ** axis;
  const n = 4 ** d;
  for (let base = 0; base < n; base++) {
    if (Math.floor(base / stride) % 4 !== 0) continue;
    const line = [0, 1, 2, 3].map((t) => block[base + t * stride]!);
    lift(tape, line, seen);
  }
}

const cache = new Map<BlockDim, ErrorModel>();

/**
 * Build (once per d) the affine model: forward lifting along x, y, z, w; truncation of every
 * coefficient; inverse lifting along w, z, y, x — zfp 1.0's order.
 */
export function errorModel(d: BlockDim): ErrorModel {
  const hit = cache.get(d);
  if (hit) return hit;
  const n = 4 ** d;
  const lines = n / 4;
  const tape = new Tape(n, d * lines * (6 + 2));
  const block = Array.from({ length: n }, (_, i) => {
    const f = new Float64Array(tape.size);
    f[tape.dataIndex(i)] = 1;
    return f;
  });
  // the forward transform cannot overflow (README, "range of the forward transform")
  for (let axis = 0; axis < d; axis++) liftAxis(tape, block, d, axis, forwardLift, () => {});
  for (let i = 0; i < n; i++) block[i]![tape.truncIndex(i)]! += 1;
  const shiftOperands: FormSummary[] = [];
  for (let axis = d - 1; axis >= 0; axis--) {
    liftAxis(tape, block, d, axis, inverseLift, (f) => shiftOperands.push(tape.summarize(f)));
  }
  let residualData = 0;
  let inverseGain = 0;
  const outputs = block.map((f, i) => {
    f[tape.dataIndex(i)]! -= 1;
    for (let j = 0; j < n; j++) residualData = Math.max(residualData, Math.abs(f[j]!));
    const s = tape.summarize(f);
    inverseGain = Math.max(inverseGain, s.truncPos + s.truncNeg);
    return s;
  });
  const model: ErrorModel = { d, outputs, shiftOperands, residualData, inverseGain };
  cache.set(d, model);
  return model;
}

/** Lower and upper end of a form over the box: data in [−D, D], floors in [−1/2, 0], truncation in [−E, O]. */
export function formRange(s: FormSummary, D: number, E: number, O: number): { lo: number; hi: number } {
  return {
    hi: D * s.dataAbs - FLOOR_LO * s.floorNeg + O * s.truncPos + E * s.truncNeg,
    lo: -D * s.dataAbs + FLOOR_LO * s.floorPos - E * s.truncPos - O * s.truncNeg,
  };
}
