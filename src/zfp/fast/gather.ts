import type { Layout } from '../layout.ts';

/** Values of one block: valid extents (1..4 per axis) and the element index of its first value. */
export interface BlockPosition {
  base: number;
  /** All 4^d values inside the field; then row r of the block (4 values along x) starts at base + rows[r]. */
  full: boolean;
  /** Element offsets of a full block's rows from its first value, for the layout's strides. */
  readonly rows: Int32Array;
  /** Element stride along x. */
  readonly sx: number;
  mx: number;
  my: number;
  mz: number;
  mw: number;
}

/** Source of values: reads element i of the field. */
export type Read = (i: number) => number;

/**
 * Copy a block into `q` (x fastest) and pad partial blocks exactly as zfp does:
 * along each axis in turn, a line with m valid values is completed by repeating
 * them (m = 1: a a a a; m = 2: a b b a; m = 3: a b c a).
 */
export function gatherBlock<T extends { [i: number]: number }>(q: T, src: T, L: Layout, b: BlockPosition): void {
  const { base, mx, my, mz, mw } = b;
  if (b.full) {
    const { rows, sx } = b;
    for (let r = 0, i = 0; r < rows.length; r++, i += 4) {
      const p = base + rows[r]!;
      q[i] = src[p]!;
      q[i + 1] = src[p + sx]!;
      q[i + 2] = src[p + 2 * sx]!;
      q[i + 3] = src[p + 3 * sx]!;
    }
    return;
  }
  const [sx, sy, sz, sw] = L.s;
  const ny4 = L.dims >= 2 ? 4 : 1, nz4 = L.dims >= 3 ? 4 : 1;
  for (let w = 0; w < mw; w++)
    for (let z = 0; z < mz; z++)
      for (let y = 0; y < my; y++) {
        const row = base + w * sw + z * sz + y * sy;
        const qi = 4 * (y + ny4 * (z + nz4 * w));
        for (let x = 0; x < mx; x++) q[qi + x] = src[row + x * sx]!;
      }
  // Pad along each axis in turn: coordinates below the axis run over the whole block, above it over the valid part.
  const d = L.dims;
  if (mx < 4) padAxis(q, 1, my, mz, mw, mx, 1);
  if (d >= 2 && my < 4) padAxis(q, 4, 1, mz, mw, my, 4);
  if (d >= 3 && mz < 4) padAxis(q, 4, 4, 1, mw, mz, 16);
  if (d >= 4 && mw < 4) padAxis(q, 4, 4, 4, 1, mw, 64);
}

/** Pad the lines starting at x + 4y + 16z + 64w for the given extents (1 on the padded axis), each with n valid values. */
function padAxis<T extends { [i: number]: number }>(q: T, ex: number, ey: number, ez: number, ew: number, n: number, stride: number): void {
  for (let w = 0; w < ew; w++)
    for (let z = 0; z < ez; z++)
      for (let y = 0; y < ey; y++)
        for (let x = 0; x < ex; x++) padLine(q, x + 4 * y + 16 * z + 64 * w, n, stride);
}

function padLine<T extends { [i: number]: number }>(p: T, i: number, n: number, s: number): void {
  switch (n) {
    case 1:
      p[i + s] = p[i]!;
      p[i + 2 * s] = p[i]!;
      p[i + 3 * s] = p[i]!;
      break;
    case 2:
      p[i + 2 * s] = p[i + s]!;
      p[i + 3 * s] = p[i]!;
      break;
    case 3:
      p[i + 3 * s] = p[i]!;
      break;
  }
}

/** Write the valid part of a decoded block back into the field. */
export function scatterBlock<T extends { [i: number]: number }>(q: T, dst: T, L: Layout, b: BlockPosition): void {
  const { base, mx, my, mz, mw } = b;
  if (b.full) {
    const { rows, sx } = b;
    for (let r = 0, i = 0; r < rows.length; r++, i += 4) {
      const p = base + rows[r]!;
      dst[p] = q[i]!;
      dst[p + sx] = q[i + 1]!;
      dst[p + 2 * sx] = q[i + 2]!;
      dst[p + 3 * sx] = q[i + 3]!;
    }
    return;
  }
  const [sx, sy, sz, sw] = L.s;
  const ny4 = L.dims >= 2 ? 4 : 1, nz4 = L.dims >= 3 ? 4 : 1;
  for (let w = 0; w < mw; w++)
    for (let z = 0; z < mz; z++)
      for (let y = 0; y < my; y++) {
        const row = base + w * sw + z * sz + y * sy;
        const qi = 4 * (y + ny4 * (z + nz4 * w));
        for (let x = 0; x < mx; x++) dst[row + x * sx] = q[qi + x]!;
      }
}

/** A block position to reuse for fields of layout L (its full-block row offsets follow L's strides). */
export function blockPosition(L: Layout): BlockPosition {
  const [sx, sy, sz, sw] = L.s;
  const rows = new Int32Array(4 ** (L.dims - 1));
  for (let r = 0; r < rows.length; r++) rows[r] = (r & 3) * sy + ((r >> 2) & 3) * sz + ((r >> 4) & 3) * sw;
  return { base: 0, full: false, rows, sx, mx: 0, my: 0, mz: 0, mw: 0 };
}

/** Point b at the block whose first value has element coordinates (x, y, z, w) in a field of layout L. */
export function placeBlock(b: BlockPosition, L: Layout, x: number, y: number, z: number, w: number): void {
  const n = L.n, s = L.s; // indexed, not destructured: this runs once per block
  b.base = L.offset + x * s[0] + y * s[1] + z * s[2] + w * s[3];
  b.mx = Math.min(4, n[0] - x);
  b.my = Math.min(4, n[1] - y);
  b.mz = Math.min(4, n[2] - z);
  b.mw = Math.min(4, n[3] - w);
  b.full = b.mx === 4 && (L.dims < 2 || b.my === 4) && (L.dims < 3 || b.mz === 4) && (L.dims < 4 || b.mw === 4);
}

/**
 * Walks the blocks of layout L in zfp's order (x fastest): each next() moves
 * `block` to the following block, false after the last. A loop over a cursor
 * (rather than a callback per block) keeps the block's work inlinable.
 */
export class BlockCursor {
  readonly block: BlockPosition;
  /** Index of the current block in zfp's order. */
  index = -1;
  private x = -4;
  private y = 0;
  private z = 0;
  private w = 0;

  constructor(readonly L: Layout) {
    this.block = blockPosition(L);
  }

  /** Back before the first block, for another walk. */
  restart(): this {
    this.index = -1;
    this.x = -4;
    this.y = this.z = this.w = 0;
    return this;
  }

  next(): boolean {
    const n = this.L.n;
    if ((this.x += 4) >= n[0]) {
      this.x = 0;
      if ((this.y += 4) >= n[1]) {
        this.y = 0;
        if ((this.z += 4) >= n[2]) {
          this.z = 0;
          if ((this.w += 4) >= n[3]) return false;
        }
      }
    }
    this.index++;
    placeBlock(this.block, this.L, this.x, this.y, this.z, this.w);
    return true;
  }
}
