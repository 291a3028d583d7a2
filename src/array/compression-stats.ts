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

  /** Summarize `table` for a state of `payloadBits` bits that holds `rawBytes` bytes uncompressed. */
  update(table: BlockStatsTable, payloadBits: number, rawBytes: number): this {
    let minPlanes = Infinity, maxPlanes = -Infinity, minEmax = Infinity, maxEmax = -Infinity;
    const { emax, planes } = table;
    for (let i = 0; i < table.count; i++) {
      const e = emax[i]!;
      if (e === NO_EXPONENT) continue;
      const p = planes[i]!;
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
