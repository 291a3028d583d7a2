import { NO_EXPONENT, type BlockStatsTable } from '../zfp/index.ts';
import type { StoreStats } from './representation.ts';

/** What a compressed state costs and keeps, summed over its blocks. */
export interface CompressionStats extends StoreStats {
  /**
   * Fewest / most bit planes kept and smallest / largest common exponent, over the blocks that
   * have a common exponent: all-zero blocks (exact, nothing kept) and reversible blocks stored
   * as raw bits (exact) are left out. All four are null when no block has one.
   */
  readonly minPlanes: number | null;
  readonly maxPlanes: number | null;
  readonly minEmax: number | null;
  readonly maxEmax: number | null;
  /** Per plane count, the largest common exponent among the blocks that kept that many planes. */
  readonly exponentsByPlanes: ExponentsByPlanes;
}

/**
 * Entry p: the largest common exponent of the blocks that kept p planes, or NO_EXPONENT when no
 * block did. Enough for a per-block bound max_B K(p_B)·2^(e_B) without one entry per block.
 */
export type ExponentsByPlanes = Int16Array;

/** Plane counts fit a byte (the codec's table stores them as Uint8). */
export const PLANE_COUNTS = 256;

export function emptyExponentsByPlanes(): ExponentsByPlanes {
  return new Int16Array(PLANE_COUNTS).fill(NO_EXPONENT);
}

/** Per-block statistics of the stored blocks, updated whenever a block is encoded. */
export function blockStatsTable(count: number): BlockStatsTable {
  return { count, emax: new Int16Array(count), planes: new Uint8Array(count), bits: new Uint32Array(count) };
}

/** A CompressionStats that is refilled in place (inline loops allocate nothing per step). */
export class CompressionSummary implements CompressionStats {
  bytes = 0;
  ratio = 0;
  minPlanes: number | null = null;
  maxPlanes: number | null = null;
  minEmax: number | null = null;
  maxEmax: number | null = null;
  readonly exponentsByPlanes = emptyExponentsByPlanes();

  /** Summarize `table` for a state of `payloadBits` bits that holds `rawBytes` bytes uncompressed. */
  update(table: BlockStatsTable, payloadBits: number, rawBytes: number): this {
    let minPlanes = Infinity, maxPlanes = -Infinity, minEmax = Infinity, maxEmax = -Infinity;
    const { emax, planes } = table;
    const byPlanes = this.exponentsByPlanes.fill(NO_EXPONENT);
    for (let i = 0; i < table.count; i++) {
      const e = emax[i]!;
      if (e === NO_EXPONENT) continue;
      const p = planes[i]!;
      if (e > byPlanes[p]!) byPlanes[p] = e;
      if (p < minPlanes) minPlanes = p;
      if (p > maxPlanes) maxPlanes = p;
      if (e < minEmax) minEmax = e;
      if (e > maxEmax) maxEmax = e;
    }
    const any = minEmax !== Infinity;
    this.bytes = Math.ceil(payloadBits / 8);
    this.ratio = rawBytes / this.bytes;
    this.minPlanes = any ? minPlanes : null;
    this.maxPlanes = any ? maxPlanes : null;
    this.minEmax = any ? minEmax : null;
    this.maxEmax = any ? maxEmax : null;
    return this;
  }
}

/** Folds `source` into `target` entry by entry (the blocks of several stores seen as one state). */
export function mergeExponentsByPlanes(target: ExponentsByPlanes, source: ExponentsByPlanes): void {
  for (let p = 0; p < PLANE_COUNTS; p++) if (source[p]! > target[p]!) target[p] = source[p]!;
}
