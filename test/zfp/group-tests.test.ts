import { describe, expect, it } from 'vitest';
import { GROUP_CODES, GROUP_READS, groupRow } from '../../src/zfp/fast/group-tests.ts';

/** zfp's decoding of a plane's group tests, bit by bit from `bits`; null if it reads past bit 8. */
function readGroups(bits: number, left: number): { mask: number; passed: number; read: number } | null {
  let read = 0, passed = 0, mask = 0;
  const next = (): number | null => (read < 8 ? (bits >>> read++) & 1 : null);
  while (passed < left) {
    const test = next();
    if (test === null) return null;
    if (!test) break;
    // The run of zeros up to the one-bit; the last coefficient's one-bit is not sent.
    while (passed < left - 1) {
      const bit = next();
      if (bit === null) return null;
      if (bit) break;
      passed++;
    }
    mask |= 1 << passed++;
  }
  return { mask, passed, read };
}

/** zfp's coding of a plane's group tests, bit by bit, for `left` coefficients of which `mask` are one-bits. */
function writeGroups(mask: number, left: number): { code: number; length: number; passed: number } {
  let code = 0, length = 0, passed = 0;
  const emit = (bit: number): void => {
    code |= bit << length++;
  };
  while (passed < left) {
    const any = mask >>> passed !== 0;
    emit(any ? 1 : 0);
    if (!any) break;
    // The run of zeros up to the one-bit; the last coefficient's one-bit is not sent.
    while (passed < left - 1) {
      const bit = (mask >>> passed) & 1;
      emit(bit);
      if (bit) break;
      passed++;
    }
    passed++;
  }
  return { code, length, passed };
}

describe('group-test table', () => {
  it('codes the next eight coefficients as zfp does bit by bit, for 1 to 16 coefficients left', () => {
    for (let left = 1; left <= 16; left++) {
      for (let mask = 0; mask < 256 && mask < 2 ** left; mask++) {
        const entry = GROUP_CODES[groupRow(left) | mask]!;
        expect({ code: entry & 0x1ffff, length: (entry >>> 17) & 31, passed: entry >>> 22 }).toEqual(writeGroups(mask, left));
      }
    }
  });

  it('decodes every eight-bit window as zfp does bit by bit, for 1 to 16 coefficients left', () => {
    let settled = 0;
    for (let left = 1; left <= 16; left++) {
      for (let bits = 0; bits < 256; bits++) {
        const entry = GROUP_READS[groupRow(left) | bits]!;
        const expected = readGroups(bits, left);
        if (expected === null) {
          expect(entry).toBe(0);
          continue;
        }
        settled++;
        expect({ mask: entry & 255, passed: (entry >>> 8) & 15, read: entry >>> 12 }).toEqual(expected);
      }
    }
    // Most windows settle: the table is worth its lookup.
    expect(settled).toBeGreaterThan(16 * 256 * 0.9);
  });
});
