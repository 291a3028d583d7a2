import { blockPosition, placeBlock, type BlockPosition } from '../zfp/fast/gather.ts';
import { layoutOf, type Layout } from '../zfp/layout.ts';
import type { Shape } from '../zfp/types.ts';

/**
 * The 4^d blocks of a 1D–4D array in zfp's order (x fastest): where a block starts and where its
 * values lie in a field of the same shape.
 */
export class BlockGrid {
  readonly dims: number;
  readonly shape: Shape;
  /** The array's own layout: contiguous, x fastest. */
  readonly layout: Layout;
  readonly blockCount: number;
  /** Values per block, 4^d. */
  readonly blockSize: number;

  constructor(shape: Shape) {
    this.layout = layoutOf(shape);
    this.shape = [...shape];
    this.dims = shape.length;
    this.blockCount = this.layout.blocks;
    this.blockSize = 1 << (2 * this.dims);
  }

  /** A position to reuse with position() for fields laid out as `field`. */
  positionIn(field: Layout): BlockPosition {
    return blockPosition(field);
  }

  /** Point `out` (from positionIn(field)) at `block`: its valid extents and its first value's index in `field`. */
  position(block: number, field: Layout, out: BlockPosition): void {
    const { nb } = field;
    let rest = block;
    const bx = rest % nb[0];
    rest = (rest - bx) / nb[0];
    const by = rest % nb[1];
    rest = (rest - by) / nb[1];
    const bz = rest % nb[2];
    const bw = (rest - bz) / nb[2];
    placeBlock(out, field, 4 * bx, 4 * by, 4 * bz, 4 * bw);
  }

  /** Element coordinates of the block's first value. */
  origin(block: number): number[] {
    const origin: number[] = [];
    for (let a = 0; a < this.dims; a++) {
      const nb = this.layout.nb[a]!;
      origin.push(4 * (block % nb));
      block = Math.floor(block / nb);
    }
    return origin;
  }
}
