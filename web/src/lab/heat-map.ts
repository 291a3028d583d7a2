/** A field as a heat map on a canvas: one pixel a grid point, y up, with the scale's ends named beside it. */

type Rgb = readonly [number, number, number];

/** Dark blue → teal → yellow, for values. */
const SEQUENTIAL: readonly Rgb[] = [[40, 30, 90], [35, 110, 140], [40, 170, 120], [180, 210, 60], [250, 230, 40]];
/** Blue → white → red, for signed differences around zero. */
const DIVERGING: readonly Rgb[] = [[40, 80, 170], [250, 250, 250], [190, 40, 40]];

function colorAt(ramp: readonly Rgb[], t: number): Rgb {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [ramp[i]!, ramp[i + 1]!];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

export interface Scale {
  readonly low: number;
  readonly high: number;
  readonly diverging: boolean;
}

/** The range of values, or a symmetric one around zero for differences. */
export function scaleOf(fields: readonly Float64Array[], diverging: boolean): Scale {
  let low = Infinity;
  let high = -Infinity;
  for (const field of fields) for (const v of field) if (Number.isFinite(v)) [low, high] = [Math.min(low, v), Math.max(high, v)];
  if (!(low <= high)) [low, high] = [0, 0];
  if (diverging) {
    const m = Math.max(Math.abs(low), Math.abs(high));
    return { low: -m, high: m, diverging };
  }
  return { low, high, diverging };
}

export function drawField(canvas: HTMLCanvasElement, values: Float64Array, width: number, height: number, scale: Scale): void {
  canvas.width = width;
  canvas.height = height;
  const image = new ImageData(width, height);
  const span = scale.high - scale.low;
  const ramp = scale.diverging ? DIVERGING : SEQUENTIAL;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const [r, g, b] = colorAt(ramp, span > 0 ? (values[j * width + i]! - scale.low) / span : 0.5);
      const p = 4 * ((height - 1 - j) * width + i);
      image.data[p] = r;
      image.data[p + 1] = g;
      image.data[p + 2] = b;
      image.data[p + 3] = 255;
    }
  }
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}

/** The scale as a CSS gradient, for the legend beside the maps. */
export function gradientOf(diverging: boolean): string {
  const ramp = diverging ? DIVERGING : SEQUENTIAL;
  return `linear-gradient(to right, ${ramp.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(', ')})`;
}
