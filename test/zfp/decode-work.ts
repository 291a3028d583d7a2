/** The decoder's unit of work, counted: blocks decoded through BlockCodec, whichever entry point. */
import { vi } from 'vitest';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';

export interface BlockCounter {
  blocks: number;
}

/** Count every block decoded from now until vi.restoreAllMocks(). */
export function countDecodedBlocks(): BlockCounter {
  const counter = { blocks: 0 };
  // The entry points decode one block each and do not call one another.
  for (const name of ['decodeFloat64Into', 'decodeFloat64IntoRow', 'decodeFloat32Into', 'decodeInt32Into', 'decodeInt64Into'] as const) {
    const original = BlockCodec.prototype[name] as (this: BlockCodec, ...args: unknown[]) => number;
    vi.spyOn(BlockCodec.prototype, name).mockImplementation(function (this: BlockCodec, ...args: unknown[]) {
      counter.blocks++;
      return original.apply(this, args);
    } as never);
  }
  return counter;
}
