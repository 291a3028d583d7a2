/**
 * Visit the coordinates of the box lo ≤ (i, j, k, l) < hi (4 axes; 0 and 1 on the axes an array
 * lacks) block by block in zfp's order: the 4^4 blocks x fastest, and inside each block x fastest.
 * Element access through a block cache then decodes each block once, whatever the cache's size.
 */
export function forEachInBlockOrder(lo: readonly number[], hi: readonly number[], visit: (i: number, j: number, k: number, l: number) => void): void {
  const [li = 0, lj = 0, lk = 0, ll = 0] = lo;
  const [hi0 = 1, hj = 1, hk = 1, hl = 1] = hi;
  for (let bl = ll & ~3; bl < hl; bl += 4)
    for (let bk = lk & ~3; bk < hk; bk += 4)
      for (let bj = lj & ~3; bj < hj; bj += 4)
        for (let bi = li & ~3; bi < hi0; bi += 4)
          for (let l = Math.max(bl, ll); l < Math.min(bl + 4, hl); l++)
            for (let k = Math.max(bk, lk); k < Math.min(bk + 4, hk); k++)
              for (let j = Math.max(bj, lj); j < Math.min(bj + 4, hj); j++)
                for (let i = Math.max(bi, li); i < Math.min(bi + 4, hi0); i++) visit(i, j, k, l);
}
