import type { BitReader, BitWriter } from './bitstream.ts';

/*
 * A block takes at least minbits bits (zfp's expert minbits; fixed rate sets
 * it): the encoder pads a shorter block with zeros, the decoder skips them.
 */

/** The minbits left for what follows a block header of headerBits. */
export function minbitsAfter(minbits: number, headerBits: number): number {
  return minbits - Math.min(headerBits, minbits);
}

/** Pad a block of `bits` written bits up to minbits; returns the block's size. */
export function padToMinbits(w: BitWriter, bits: number, minbits: number): number {
  if (bits >= minbits) return bits;
  w.pad(minbits - bits);
  return minbits;
}

/** The decoder's side of padToMinbits: skip the padding. */
export function skipToMinbits(r: BitReader, bits: number, minbits: number): number {
  if (bits >= minbits) return bits;
  r.skip(minbits - bits);
  return minbits;
}
