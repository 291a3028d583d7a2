/** A field as a heat map on a canvas: one pixel a grid point, y up, with the scale's ends named beside it. */

type Rgb = readonly [number, number, number];

/** Dark blue → teal → yellow, for values. */
const SEQUENTIAL: readonly Rgb[] = [[40, 30, 90], [35, 110, 140], [40, 170, 120], [180, 210, 60], [250, 230, 40]];
/** Blue → white → red, for signed differences around zero. */
const DIVERGING: readonly Rgb[] = [[40, 80, 170], [250, 250, 250], [190, 40, 40]];

/** Levels a ramp is sampled at: a table lookup per pixel and no allocation, since the page redraws maps mid-run. */
const LEVELS = 256;

function table(ramp: readonly Rgb[]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(4 * LEVELS);
  for (let level = 0; level < LEVELS; level++) {
    const x = (level / (LEVELS - 1)) * (ramp.length - 1);
    const i = Math.min(ramp.length - 2, Math.floor(x));
    const f = x - i;
    for (let c = 0; c < 3; c++) out[4 * level + c] = ramp[i]![c]! + f * (ramp[i + 1]![c]! - ramp[i]![c]!);
    out[4 * level + 3] = 255;
  }
  return out;
}

const TABLES = { sequential: table(SEQUENTIAL), diverging: table(DIVERGING) };

export interface Scale {
  readonly low: number;
  readonly high: number;
  readonly diverging: boolean;
}

/** The range of values, or a symmetric one around zero for differences. */
export function scaleOf(fields: readonly Float64Array[], diverging: boolean): Scale {
  let low = Infinity;
  let high = -Infinity;
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const v = field[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  if (!(low <= high)) [low, high] = [0, 0];
  if (diverging) {
    const m = Math.max(Math.abs(low), Math.abs(high));
    return { low: -m, high: m, diverging };
  }
  return { low, high, diverging };
}

export function drawField(canvas: HTMLCanvasElement, values: Float64Array, width: number, height: number, scale: Scale): void {
  // Setting a canvas's size clears and reallocates it even when the size is unchanged.
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const image = new ImageData(width, height);
  const pixels = image.data;
  const span = scale.high - scale.low;
  const colors = scale.diverging ? TABLES.diverging : TABLES.sequential;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const t = span > 0 ? (values[j * width + i]! - scale.low) / span : 0.5;
      // NaN (a blown-up run) lands mid-scale rather than off the table.
      const level = Number.isFinite(t) ? Math.round(Math.min(1, Math.max(0, t)) * (LEVELS - 1)) : LEVELS >> 1;
      const p = 4 * ((height - 1 - j) * width + i);
      for (let c = 0; c < 4; c++) pixels[p + c] = colors[4 * level + c]!;
    }
  }
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}

/** The scale as a CSS gradient, for the legend beside the maps. */
export function gradientOf(diverging: boolean): string {
  const ramp = diverging ? DIVERGING : SEQUENTIAL;
  return `linear-gradient(to right, ${ramp.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(', ')})`;
}
