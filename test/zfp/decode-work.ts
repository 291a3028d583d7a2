/** The decoder's unit of work, counted: blocks decoded through BlockCodec, whichever entry point. */
import { vi } from 'vitest';
import { BlockCodec } from '../../src/zfp/fast/block-codec.ts';

export interface BlockCounter {
  blocks: number;
}

/** Count every block decoded from now until vi.restoreAllMocks(). */
export function countDecodedBlocks(): BlockCounter {
  const counter = { blocks: 0 };
  for (const name of ['decodeFloat', 'decodeInt'] as const) {
    const original = BlockCodec.prototype[name];
    vi.spyOn(BlockCodec.prototype, name).mockImplementation(function (this: BlockCodec, r) {
      counter.blocks++;
      return original.call(this, r);
    });
  }
  return counter;
}
