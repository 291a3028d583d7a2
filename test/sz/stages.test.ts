import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SzFormatError } from '../../src/sz/errors.ts';
import { buildTable, checkTable, huffmanDecode, huffmanEncode, MAX_CODE_LENGTH } from '../../src/sz/huffman.ts';
import { losslessCompress, losslessDecompress } from '../../src/sz/lossless.ts';
import { quantize, UNPREDICTABLE } from '../../src/sz/lorenzo.ts';

describe('Huffman stage', () => {
  it('round-trips any symbol sequence and meets the entropy within one bit per symbol', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 400 }), (list) => {
        const symbols = Uint16Array.from(list);
        const table = buildTable(symbols, 301);
        checkTable(table, 301);
        const bytes = huffmanEncode(symbols, table, 301);
        expect(Array.from(huffmanDecode(bytes, table, 301, symbols.length))).toEqual(list);
        const counts = new Map<number, number>();
        for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
        let entropyBits = 0;
        for (const c of counts.values()) entropyBits -= c * Math.log2(c / list.length);
        expect(bytes.length * 8).toBeLessThanOrEqual(Math.ceil(entropyBits + list.length) + 7);
      }),
      { numRuns: 2000, seed: 193 },
    );
  });

  it(`limits code lengths to ${MAX_CODE_LENGTH} bits on Fibonacci counts, whose optimal code is deeper`, () => {
    // Counts F1 … F28 (832 039 symbols): the optimal Huffman tree is a chain 27 levels deep.
    const counts: number[] = [1, 1];
    while (counts.length < 28) counts.push(counts.at(-1)! + counts.at(-2)!);
    const symbols = new Uint16Array(counts.reduce((a, b) => a + b, 0));
    for (let s = 0, at = 0; s < counts.length; at += counts[s]!, s++) symbols.fill(s, at, at + counts[s]!);
    const table = buildTable(symbols, 28);
    expect(Math.max(...table.lengths)).toBe(MAX_CODE_LENGTH);
    const back = huffmanDecode(huffmanEncode(symbols, table, 28), table, 28, symbols.length);
    expect(back.every((s, i) => s === symbols[i])).toBe(true);
  });

  it('rejects tables that are not prefix codes and data that runs out', () => {
    const over = { symbols: Uint16Array.from([1, 2, 3]), lengths: Uint8Array.from([1, 1, 1]) };
    expect(() => huffmanDecode(new Uint8Array(4), over, 8, 1)).toThrow(SzFormatError);
    const unsorted = { symbols: Uint16Array.from([2, 1]), lengths: Uint8Array.from([1, 1]) };
    expect(() => huffmanDecode(new Uint8Array(4), unsorted, 8, 1)).toThrow(SzFormatError);
    const ok = { symbols: Uint16Array.from([1, 2]), lengths: Uint8Array.from([1, 1]) };
    expect(() => huffmanDecode(new Uint8Array(1), ok, 8, 9)).toThrow(SzFormatError);
    // An incomplete code (only "0" assigned): the bit pattern 1… never names a symbol.
    const incomplete = { symbols: Uint16Array.from([5]), lengths: Uint8Array.from([1]) };
    expect(() => huffmanDecode(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), incomplete, 8, 1)).toThrow(SzFormatError);
  });
});

describe('lossless stage', () => {
  it('round-trips and refuses a length other than the declared one', () => {
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 7);
    const packed = losslessCompress(bytes);
    expect(packed.length).toBeLessThan(bytes.length / 10);
    expect(Array.from(losslessDecompress(packed, bytes.length))).toEqual(Array.from(bytes));
    expect(() => losslessDecompress(packed, bytes.length - 1)).toThrow(SzFormatError);
    expect(() => losslessDecompress(packed, bytes.length + 1)).toThrow(SzFormatError);
    expect(() => losslessDecompress(Uint8Array.from([0xff, 0x00, 0x12]), 10)).toThrow(SzFormatError);
  });
});

describe('quantization stage', () => {
  it('bins a residual near the last bin exactly as the quotient says (the shortcut for far residuals agrees)', () => {
    // Field [0, x]: the first value is binned at 0, so the second is predicted 0 and its residual is x.
    for (const radius of [8, 32768]) {
      for (const bound of [1e-8, 0.5, 3e-300, 2 ** -1074]) {
        const width = 2 * bound;
        for (const bins of [radius - 1, radius - 0.6, radius - 0.5, radius - 0.4999, radius + 0.4999, radius + 0.5, radius + 0.99999, radius + 1, radius + 1.00001, 3 * radius]) {
          for (const sign of [1, -1]) {
            const x = sign * bins * width;
            const { codes } = quantize({ type: 'float64', shape: [2], data: Float64Array.of(0, x) }, bound, radius);
            const q = Math.round(x / width);
            const binnedByQuotient = Math.abs(q) < radius && Math.abs(q * width - x) <= bound;
            expect(codes[1], `radius ${radius}, bound ${bound}, ${sign * bins} bins`).toBe(binnedByQuotient ? q + radius : UNPREDICTABLE);
          }
        }
      }
    }
  });
});
