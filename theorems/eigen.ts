/**
 * Eigenvalues for the dense tools, in plain arithmetic (no matrix library to load): Jacobi
 * rotations for symmetric matrices, and for general ones a reduction to Hessenberg form followed by
 * complex shifted QR steps. Meant for N up to a few hundred.
 */
import { TheoremDomainError } from './errors.ts';

type Rows = readonly (readonly number[])[];

/** Eigenvalues of a symmetric matrix (only its upper triangle is read), by cyclic Jacobi rotations. */
export function symmetricEigenvalues(S: Rows): number[] {
  const n = S.length;
  const a = S.map((row, i) => row.map((v, j) => (j >= i ? v : S[j]![i]!)));
  const scale = Math.max(...a.flatMap((row) => row.map(Math.abs)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (Math.sqrt(off) <= Number.EPSILON * scale * n || off === 0) return a.map((row, i) => row[i]!);
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q]; t = tan θ, the smaller root for stability.
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  throw new TheoremDomainError('symmetric eigenvalues: Jacobi rotations did not converge in 100 sweeps');
}

/** A complex number as [re, im]. */
export type Complex = readonly [number, number];

/** Upper Hessenberg form similar to A, by Gaussian elimination with row pivoting. */
function hessenberg(A: Rows): number[][] {
  const n = A.length;
  const h = A.map((row) => [...row]);
  for (let m = 1; m < n - 1; m++) {
    let pivot = m;
    for (let i = m + 1; i < n; i++) if (Math.abs(h[i]![m - 1]!) > Math.abs(h[pivot]![m - 1]!)) pivot = i;
    if (pivot !== m) {
      [h[pivot], h[m]] = [h[m]!, h[pivot]!];
      for (const row of h) [row[pivot], row[m]] = [row[m]!, row[pivot]!];
    }
    const x = h[m]![m - 1]!;
    if (x === 0) continue;
    for (let i = m + 1; i < n; i++) {
      const y = h[i]![m - 1]! / x;
      if (y === 0) continue;
      for (let j = 0; j < n; j++) h[i]![j]! -= y * h[m]![j]!;
      for (let j = 0; j < n; j++) h[j]![m]! += y * h[j]![i]!;
    }
  }
  return h;
}

/** Eigenvalues of a square matrix, complex ones included. */
export function eigenvalues(A: Rows): Complex[] {
  const n = A.length;
  const h = hessenberg(A);
  const re = h.map((row) => Float64Array.from(row));
  const im = h.map(() => new Float64Array(n));
  const abs = (i: number, j: number) => Math.hypot(re[i]![j]!, im[i]![j]!);
  const found: Complex[] = [];
  let hi = n - 1;
  let iterations = 0;
  while (hi >= 0) {
    // Deflate at the lowest negligible subdiagonal entry of the active block.
    let lo = hi;
    while (lo > 0 && abs(lo, lo - 1) > Number.EPSILON * (abs(lo - 1, lo - 1) + abs(lo, lo))) lo--;
    if (lo > 0) re[lo]![lo - 1] = im[lo]![lo - 1] = 0;
    if (lo === hi) {
      found.push([re[hi]![hi]!, im[hi]![hi]!]);
      hi--;
      iterations = 0;
      continue;
    }
    if (++iterations > 60) throw new TheoremDomainError(`eigenvalues: the QR iteration did not converge at index ${hi}`);
    const [sr, si] = iterations % 11 === 0 ? exceptionalShift(re, hi) : wilkinsonShift(re, im, hi);
    qrStep(re, im, lo, hi, sr, si);
  }
  return found;
}

/** The eigenvalue of the trailing 2×2 block closer to its last diagonal entry. */
function wilkinsonShift(re: Float64Array[], im: Float64Array[], hi: number): Complex {
  const [ar, ai, br, bi] = [re[hi - 1]![hi - 1]!, im[hi - 1]![hi - 1]!, re[hi - 1]![hi]!, im[hi - 1]![hi]!];
  const [cr, ci, dr, di] = [re[hi]![hi - 1]!, im[hi]![hi - 1]!, re[hi]![hi]!, im[hi]![hi]!];
  // λ = (a + d)/2 ± sqrt(((a − d)/2)² + bc)
  const hr = (ar - dr) / 2;
  const hiI = (ai - di) / 2;
  const qr = hr * hr - hiI * hiI + (br * cr - bi * ci);
  const qi = 2 * hr * hiI + (br * ci + bi * cr);
  const [sr, si] = complexSqrt(qr, qi);
  const mr = (ar + dr) / 2;
  const mi = (ai + di) / 2;
  const d1 = Math.hypot(mr + sr - dr, mi + si - di);
  const d2 = Math.hypot(mr - sr - dr, mi - si - di);
  return d1 <= d2 ? [mr + sr, mi + si] : [mr - sr, mi - si];
}

/** A shift off the usual path, to break the rare cycles of the Wilkinson shift. */
function exceptionalShift(re: Float64Array[], hi: number): Complex {
  return [re[hi]![hi]! + Math.abs(re[hi]![hi - 1]!) + (hi > 1 ? Math.abs(re[hi - 1]![hi - 2]!) : 0), 0];
}

function complexSqrt(x: number, y: number): Complex {
  const r = Math.hypot(x, y);
  const a = Math.sqrt((r + Math.abs(x)) / 2);
  if (a === 0) return [0, 0];
  return x >= 0 ? [a, y / (2 * a)] : [Math.abs(y) / (2 * a), Math.sign(y || 1) * a];
}

/** One QR step on the block lo..hi of the Hessenberg matrix: H − σI = QR, H ← RQ + σI, by Givens rotations. */
function qrStep(re: Float64Array[], im: Float64Array[], lo: number, hi: number, sr: number, si: number): void {
  for (let k = lo; k <= hi; k++) {
    re[k]![k]! -= sr;
    im[k]![k]! -= si;
  }
  const rotations: [number, number, number][] = [];
  for (let k = lo; k < hi; k++) {
    const [xr, xi, yr, yi] = [re[k]![k]!, im[k]![k]!, re[k + 1]![k]!, im[k + 1]![k]!];
    const ax = Math.hypot(xr, xi);
    const r = Math.hypot(ax, yr, yi);
    // G = [[c, s], [−s̄, c]] with c real maps (x, y) to (·, 0); s = (x/|x|)·ȳ/r, or ȳ/|y| when x = 0.
    let c: number, s_r: number, s_i: number;
    if (r === 0) [c, s_r, s_i] = [1, 0, 0];
    else if (ax === 0) [c, s_r, s_i] = [0, yr / r, -yi / r];
    else {
      c = ax / r;
      const [ur, ui] = [xr / ax, xi / ax];
      [s_r, s_i] = [(ur * yr + ui * yi) / r, (ui * yr - ur * yi) / r];
    }
    rotations.push([c, s_r, s_i]);
    for (let j = k; j <= hi; j++) {
      const [pr, pi, qr, qi] = [re[k]![j]!, im[k]![j]!, re[k + 1]![j]!, im[k + 1]![j]!];
      re[k]![j] = c * pr + (s_r * qr - s_i * qi);
      im[k]![j] = c * pi + (s_r * qi + s_i * qr);
      re[k + 1]![j] = -(s_r * pr + s_i * pi) + c * qr;
      im[k + 1]![j] = -(s_r * pi - s_i * pr) + c * qi;
    }
  }
  for (let k = lo; k < hi; k++) {
    const [c, s_r, s_i] = rotations[k - lo]!;
    // Right-multiply by Gᴴ = [[c, −s], [s̄, c]] on columns k and k + 1.
    for (let i = lo; i <= Math.min(k + 2, hi); i++) {
      const [pr, pi, qr, qi] = [re[i]![k]!, im[i]![k]!, re[i]![k + 1]!, im[i]![k + 1]!];
      re[i]![k] = c * pr + (s_r * qr + s_i * qi);
      im[i]![k] = c * pi + (s_r * qi - s_i * qr);
      re[i]![k + 1] = -(s_r * pr - s_i * pi) + c * qr;
      im[i]![k + 1] = -(s_r * pi + s_i * pr) + c * qi;
    }
  }
  for (let k = lo; k <= hi; k++) {
    re[k]![k]! += sr;
    im[k]![k]! += si;
  }
}
