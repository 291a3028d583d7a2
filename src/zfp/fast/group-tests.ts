/*
 * The group tests of a one-word bit plane (1D and 2D blocks) by table, eight coefficients or
 * eight stream bits at a time. After a plane's n verbatim bits, zfp codes the coefficients not
 * yet significant as: a 1 ("a one-bit lies ahead"), the zeros up to that one-bit and the one-bit
 * itself (implied for the block's last coefficient), again, until a 0 or the end of the block.
 * Coded or read bit by bit, each plane ends on a branch the processor cannot predict; a lookup
 * settles most planes at once (a smooth field's planes add few coefficients each).
 */

/** With 9 or more coefficients left, eight bits never reach the last one: the codes are those of 9. */
const MAX_LEFT = 9;

/**
 * By groupRow(size − n) | the next eight stream bits: the mask of the coefficients turned
 * significant (bit i = coefficient n + i) | coefficients passed << 8 | bits read << 12;
 * 0 if eight bits do not settle the plane.
 */
export const GROUP_READS = new Int32Array((MAX_LEFT + 1) * 256);

export function groupRow(left: number): number {
  return (left < MAX_LEFT ? left : MAX_LEFT) << 8;
}

function ctz(m: number): number {
  return 31 - Math.clz32(m & -m);
}

/**
 * By groupRow(size − n) | the plane's next eight coefficients (bit i = coefficient n + i), when
 * no coefficient after those eight is a one-bit: the group tests' code | its length << 17 |
 * coefficients passed << 22. At most 17 bits (eight runs of two bits, then the final 0).
 */
export const GROUP_CODES = new Int32Array((MAX_LEFT + 1) * 256);

// Code every mask of the next eight coefficients as the encoder does; the codes are prefix-free,
// so every window that starts with a code of at most eight bits decodes to its mask.
for (let left = 1; left <= MAX_LEFT; left++) {
  for (let mask = 0; mask < 256 && mask < 2 ** left; mask++) {
    let code = 0, length = 0, passed = 0;
    while (passed < left) {
      const ahead = mask >>> passed;
      if (ahead === 0) {
        length++; // the 0 that ends the plane
        break;
      }
      const j = passed + ctz(ahead);
      code |= 1 << length++;
      if (j < left - 1) {
        length += j - passed;
        code |= 1 << length++;
      } else {
        length += left - 1 - passed;
      }
      passed = j + 1;
    }
    GROUP_CODES[groupRow(left) | mask] = code | (length << 17) | (passed << 22);
    if (length > 8) continue;
    for (let rest = 0; rest < 1 << (8 - length); rest++) GROUP_READS[groupRow(left) | code | (rest << length)] = mask | (passed << 8) | (length << 12);
  }
}
