/** How the block view writes numbers: short enough for a table cell, exact where it matters. */

/** A value in six significant digits, in exponent form when very large or small. */
export function real(x: number): string {
  if (Number.isNaN(x)) return '—';
  if (x === 0) return Object.is(x, -0) ? '−0' : '0';
  const magnitude = Math.abs(x);
  const text = magnitude >= 1e-3 && magnitude < 1e5 ? x.toPrecision(6) : x.toExponential(4);
  return text.replace('-', '−');
}

/** An error or a ratio: three significant digits. */
export function small(x: number): string {
  if (Number.isNaN(x)) return '—';
  return (x === 0 ? '0' : x.toExponential(2)).replace('-', '−');
}

/** A width-bit pattern in hexadecimal, every digit shown. */
export function hex(u: bigint, width: number): string {
  return u.toString(16).padStart(width / 4, '0');
}
