/* zfp's lifting transforms on 32-bit integers, wrapping modulo 2^32 like the C code. */

function fwdLift(v: Int32Array, p: number, s: number): void {
  let x = v[p]!, y = v[p + s]!, z = v[p + 2 * s]!, w = v[p + 3 * s]!;
  x = (x + w) | 0; x >>= 1; w = (w - x) | 0;
  z = (z + y) | 0; z >>= 1; y = (y - z) | 0;
  x = (x + z) | 0; x >>= 1; z = (z - x) | 0;
  w = (w + y) | 0; w >>= 1; y = (y - w) | 0;
  w = (w + (y >> 1)) | 0; y = (y - (w >> 1)) | 0;
  v[p] = x; v[p + s] = y; v[p + 2 * s] = z; v[p + 3 * s] = w;
}

function invLift(v: Int32Array, p: number, s: number): void {
  let x = v[p]!, y = v[p + s]!, z = v[p + 2 * s]!, w = v[p + 3 * s]!;
  y = (y + (w >> 1)) | 0; w = (w - (y >> 1)) | 0;
  y = (y + w) | 0; w <<= 1; w = (w - y) | 0;
  z = (z + x) | 0; x <<= 1; x = (x - z) | 0;
  y = (y + z) | 0; z <<= 1; z = (z - y) | 0;
  w = (w + x) | 0; x <<= 1; x = (x - w) | 0;
  v[p] = x; v[p + s] = y; v[p + 2 * s] = z; v[p + 3 * s] = w;
}

function revFwdLift(v: Int32Array, p: number, s: number): void {
  let x = v[p]!, y = v[p + s]!, z = v[p + 2 * s]!, w = v[p + 3 * s]!;
  w = (w - z) | 0; z = (z - y) | 0; y = (y - x) | 0;
  w = (w - z) | 0; z = (z - y) | 0;
  w = (w - z) | 0;
  v[p] = x; v[p + s] = y; v[p + 2 * s] = z; v[p + 3 * s] = w;
}

function revInvLift(v: Int32Array, p: number, s: number): void {
  let x = v[p]!, y = v[p + s]!, z = v[p + 2 * s]!, w = v[p + 3 * s]!;
  w = (w + z) | 0;
  z = (z + y) | 0; w = (w + z) | 0;
  y = (y + x) | 0; z = (z + y) | 0; w = (w + z) | 0;
  v[p] = x; v[p + s] = y; v[p + 2 * s] = z; v[p + 3 * s] = w;
}

/* Lines and axis order as in lift64.ts. */
export function fwdXform32(v: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = 1; s < n; s <<= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) fwdLift(v, p, s);
}

export function invXform32(v: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = n >> 2; s > 0; s >>= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) invLift(v, p, s);
}

export function revFwdXform32(v: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = 1; s < n; s <<= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) revFwdLift(v, p, s);
}

export function revInvXform32(v: Int32Array, dims: number): void {
  const n = 1 << (2 * dims);
  for (let s = n >> 2; s > 0; s >>= 2) for (let o = 0; o < n; o += 4 * s) for (let p = o; p < o + s; p++) revInvLift(v, p, s);
}
