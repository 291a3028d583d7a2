import { deflateSync, inflateSync } from 'fflate';
import { SzFormatError } from './errors.ts';
import type { KeptBuffer } from './kept-buffer.ts';

/** DEFLATE level of the final stage: 6, zlib's default, where extra levels stopped paying on Huffman output. */
const LEVEL = 6;

/** Stage 3 of compression: DEFLATE (raw, no zlib wrapper; the header carries the length). */
export function losslessCompress(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: LEVEL, mem: hashMemory(bytes.length) });
}

/** fflate's hash-table size (2^(12+mem) entries) grown with the input: its default allocates megabytes even for tiny fields. */
function hashMemory(length: number): 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 {
  return Math.max(0, Math.min(8, Math.ceil(Math.log2(length + 1)) - 12)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
}

/**
 * The inverse of `losslessCompress`, into exactly `length` bytes: the output never grows past what
 * the header declared, and a stream that inflates to another length is corrupt. With `kept`, the
 * result is a view of that buffer.
 */
export function losslessDecompress(bytes: Uint8Array, length: number, kept?: KeptBuffer): Uint8Array {
  // One spare byte reveals a stream longer than declared.
  const out = kept ? kept.bytes(length + 1) : new Uint8Array(length + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(bytes, { out });
  } catch (cause) {
    throw new SzFormatError(`corrupt DEFLATE data: ${(cause as Error).message}`);
  }
  if (inflated.length !== length) throw new SzFormatError(`DEFLATE data inflates to ${inflated.length} bytes, header says ${length}`);
  return inflated;
}
