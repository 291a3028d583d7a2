/**
 * The 4-element lines a d-dimensional block is transformed along: for each axis,
 * the start index of every line (coordinate 0 on that axis) and the axis stride.
 */
export interface AxisLines {
  readonly starts: Uint8Array;
  readonly stride: number;
}

function linesOf(dims: number, axis: number): AxisLines {
  const stride = 4 ** axis;
  const starts: number[] = [];
  for (let i = 0; i < 4 ** dims; i++) if (Math.floor(i / stride) % 4 === 0) starts.push(i);
  return { starts: Uint8Array.from(starts), stride };
}

/** Axes in the order zfp's forward transform visits them (x first); the inverse visits them reversed. */
export const BLOCK_LINES: readonly (readonly AxisLines[])[] = [1, 2, 3, 4].map((d) =>
  Array.from({ length: d }, (_, axis) => linesOf(d, axis)),
);
