import { describe, expect, it } from 'vitest';
import { BitReader, BitWriter } from '../../src/zfp/bitstream.ts';
import { invOrderXformDouble3, invXformDouble } from '../../src/zfp/fast/lift-double.ts';
import { invOrderToDouble } from '../../src/zfp/fast/negabinary.ts';
import type { PlaneCount } from '../../src/zfp/fast/plane-coding.ts';
import { inverseSequencyPermutation } from '../../src/zfp/sequency.ts';
import { TwoWordCoder } from '../../src/zfp/fast/two-word-coder.ts';
import { decodeInts, encodeInts } from '../../src/zfp/stages/embedded-coder.ts';

// Blocks with few significant coefficients but every plane coded (integer ramps: a handful of
// coefficients with trailing zeros) are mostly empty planes, which the two-word decoder reads as
// runs of zeros. These hold it equal to the stage coder (zfp's loop, plane by plane) on them,
// with budgets that end inside such runs.

let seed = 77;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const randomU64 = (): bigint => (BigInt(Math.floor(random() * 2 ** 32)) << 32n) | BigInt(Math.floor(random() * 2 ** 32));

/** Coefficients at `at` with the given values, the others zero. */
function block(entries: readonly (readonly [number, bigint])[]): BigUint64Array {
  const u = new BigUint64Array(64);
  for (const [i, v] of entries) u[i] = v;
  return u;
}

/** A few random coefficients among the first `within`, each with `zeros` trailing zero bits. */
function sparse(count: number, within: number, zeros: number): BigUint64Array {
  const u = new BigUint64Array(64);
  for (let c = 0; c < count; c++) u[Math.floor(random() * within)] = (randomU64() >> BigInt(zeros)) << BigInt(zeros);
  return u;
}

const blocks: readonly [string, BigUint64Array][] = [
  ['zero', new BigUint64Array(64)],
  // A ramp's four coefficients (negabinary: alternating signs), integers scaled by 2^41.
  ['ramp', block([[0, 0x2aaaaaaaaaa00000n << 10n], [1, 0x1555555555500000n], [2, 0x0aaaaaa800000000n], [3, 0x0155555400000000n]])],
  ['one plane', block([[0, 1n << 63n]])],
  ['lowest plane only', block([[5, 1n]])],
  ['late coefficient', block([[0, 0xc000000000000000n], [1, 0x3000000000000000n], [40, 1n << 9n]])],
  ['late in the low word', block([[0, 0xf000000000000000n], [63, 1n << 20n]])],
  ['high word only', block([[0, 0x8000000100000000n], [2, 0x4000000200000000n], [15, 0x0000000300000000n]])],
  ['sixteen', block(Array.from({ length: 16 }, (_, i) => [i, (BigInt(i + 1) << 56n) | (1n << BigInt(40 - i))] as const))],
  ...Array.from({ length: 24 }, (_, i) => [`random ${i}`, sparse(1 + (i % 6), i % 3 === 0 ? 64 : 16, [0, 20, 32, 41, 50][i % 5]!)] as [string, BigUint64Array]),
];

describe('two-word decoder on blocks of few coefficients and empty planes', () => {
  const coder = new TwoWordCoder();
  const uhi = new Int32Array(64), ulo = new Int32Array(64);
  const count: PlaneCount = { planes: 0, lowest: 0 };
  const budgets = [1, 7, 64, 65, 130, 333, 520, 1024, 4160];

  it.each(blocks)('%s: the same coefficients, bits and planes as the stage decoder at every budget and precision', (_, u) => {
    for (const maxprec of [64, 41, 33, 32, 20, 1]) {
      for (const maxbits of budgets) {
        const w = new BitWriter(1024);
        const written = encodeInts(w, maxbits, maxprec, u, 64);
        const expected = decodeInts(new BitReader(w.words, 0, w.pos), maxbits, maxprec, 64, 64);
        uhi.fill(-1);
        ulo.fill(-1);
        const r = new BitReader(w.words, 0, w.pos);
        const bits = coder.decode(r, maxbits, maxprec, uhi, ulo, 64, count);
        expect(bits).toBe(written.bits);
        expect(count.planes).toBe(expected.planes);
        // Low words are left as they were when no plane below 32 was coded (see PlaneCoder.decode).
        const lowCoded = count.lowest < 32;
        const decoded = Array.from({ length: 64 }, (_, i) => (BigInt(uhi[i]! >>> 0) << 32n) | (lowCoded ? BigInt(ulo[i]! >>> 0) : 0n));
        expect(decoded).toEqual(Array.from(expected.ublock));
      }
    }
  });
});

describe('fused 3D inverse on blocks of few coefficients', () => {
  it('equals invOrderToDouble then invXformDouble, its skipped lines zeros bit for bit', () => {
    const iperm = inverseSequencyPermutation(3);
    for (let it = 0; it < 600; it++) {
      // The first `count` coefficients in sequency order (as the coder leaves them), some of them zero too.
      const count = it % 65, highOnly = it % 3 === 0;
      const uhi = new Int32Array(64), ulo = new Int32Array(64);
      for (let i = 0; i < count; i++) {
        if (random() < 0.2) continue;
        uhi[i] = ((random() * 2 ** 28) | 0) ^ 0xaaaaaaaa;
        ulo[i] = highOnly ? 0 : ((random() * 2 ** 32) | 0) & (-1 << 22);
      }
      const s = 2 ** -(1 + Math.floor(random() * 60));
      const expected = new Float64Array(64), fused = new Float64Array(64).fill(Number.NaN);
      invOrderToDouble(uhi, ulo, expected, iperm, 64, highOnly);
      const ok = invXformDouble(expected, 3, false, s);
      expect(invOrderXformDouble3(uhi, ulo, iperm, highOnly, fused, s, null, null)).toBe(ok);
      expect(fused).toEqual(expected);
    }
  });
});
