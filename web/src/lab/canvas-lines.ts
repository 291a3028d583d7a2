/**
 * A line chart painted on a canvas, for a run's live phase: no DOM, style or layout work, where each
 * plotly redraw (SVG axes and legend, measured text) blocked a busy machine's page for 50–800 ms.
 * The axes snap to whole decades (log) or round ticks, so they rarely change as steps arrive; while
 * they hold, a paint strokes only the segments that arrived since the last one on the canvas's kept
 * bitmap, so a paint costs what arrived, not the run so far. The finished run is drawn once by
 * plotly, with its zoom and hover.
 */

export interface CanvasTrace {
  readonly name: string;
  readonly color: string;
  readonly dash?: 'solid' | 'dash' | 'dot';
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface CanvasAxes {
  readonly logY: boolean;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly legend: boolean;
  /** Plot area margins in CSS pixels, as the plotly layout's. */
  readonly margin: { readonly l: number; readonly r: number; readonly t: number; readonly b: number };
}

const DASHES = { solid: [], dash: [6, 4], dot: [2, 3] } as const;
/** plotly's own font, which the page has resolved already. */
const FONT = '12px "Open Sans", verdana, arial, sans-serif';
const LEGEND_ROW = 18;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

const power = (e: number): string => `10${e < 0 ? '⁻' : ''}${[...String(Math.abs(e))].map((c) => SUPERSCRIPT[Number(c)]).join('')}`;

/** The round step (1, 2 or 5 × 10ⁿ) at least `raw`. */
function niceStep(raw: number): number {
  const unit = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * unit).find((s) => s >= raw)!;
}

/** Round ticks that cut [low, high] into about `count` parts. */
function linearTicks(low: number, high: number, count: number): number[] {
  const step = niceStep((high - low) / count);
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

/** The smallest and largest value the axis must show: positive ones only on a log axis. */
function extent(values: readonly (readonly number[])[], log: boolean): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const vs of values) {
    for (const v of vs) {
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return low <= high ? [low, high] : null;
}

/** A nice range holding [low, high]: whole decades (log, as exponents) or whole ticks. */
function niceRange([low, high]: [number, number], log: boolean): [number, number] {
  if (log) {
    const range: [number, number] = [Math.floor(Math.log10(low)), Math.ceil(Math.log10(high))];
    return range[0] === range[1] ? [range[0], range[0] + 1] : range;
  }
  if (low === high) [low, high] = [low - Math.max(1, Math.abs(low)) * 0.05, high + Math.max(1, Math.abs(high)) * 0.05];
  const step = niceStep((high - low) / 4);
  return [Math.floor(low / step) * step, Math.ceil(high / step) * step];
}

/** The plot area inside the canvas, in CSS pixels. */
interface Area {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

interface Frame {
  readonly width: number;
  readonly height: number;
  readonly x: [number, number];
  readonly y: [number, number];
}

const sameFrame = (a: Frame | null, b: Frame): boolean => a !== null && a.width === b.width && a.height === b.height && a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];

export class CanvasLines {
  private frame: Frame | null = null;
  private area: Area = { left: 0, top: 0, width: 1, height: 1 };
  /** Per trace, the points already stroked on the canvas. */
  private drawn: number[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly axes: CanvasAxes,
  ) {}

  /** The next paint draws everything again (traces replaced or renamed). */
  invalidate(): void {
    this.frame = null;
  }

  /** Paints `traces` on a canvas of `width` × `height` CSS pixels, x over at least [0, xMax]. */
  paint(traces: readonly CanvasTrace[], width: number, height: number, xMax: number): void {
    const xs = extent(traces.map((t) => t.x), false);
    const ys = extent(traces.map((t) => t.y), this.axes.logY);
    const frame: Frame = {
      width,
      height,
      x: [0, xs && xs[1] > xMax ? niceRange([0, xs[1]], false)[1] : Math.max(1, xMax)],
      y: ys ? niceRange(ys, this.axes.logY) : this.axes.logY ? [-16, 0] : [0, 1],
    };
    const ctx = this.canvas.getContext('2d')!;
    if (!sameFrame(this.frame, frame)) {
      this.frame = frame;
      this.drawn = traces.map(() => 0);
      this.paintAxes(ctx, traces, frame);
    }
    this.paintCurves(ctx, traces, frame);
  }

  /** Legend rows under the plot, as plotly's horizontal legend. */
  private legend(ctx: CanvasRenderingContext2D, traces: readonly CanvasTrace[], width: number): { trace: CanvasTrace; x: number; row: number }[] {
    if (!this.axes.legend) return [];
    const items: { trace: CanvasTrace; x: number; row: number }[] = [];
    let x = this.axes.margin.l;
    let row = 0;
    for (const trace of traces) {
      const itemWidth = 34 + ctx.measureText(trace.name).width + 16;
      if (x + itemWidth > width - this.axes.margin.r && x > this.axes.margin.l) [x, row] = [this.axes.margin.l, row + 1];
      items.push({ trace, x, row });
      x += itemWidth;
    }
    return items;
  }

  private paintAxes(ctx: CanvasRenderingContext2D, traces: readonly CanvasTrace[], frame: Frame): void {
    const ratio = window.devicePixelRatio || 1;
    const [w, h] = [Math.round(frame.width * ratio), Math.round(frame.height * ratio)];
    if (this.canvas.width !== w || this.canvas.height !== h) [this.canvas.width, this.canvas.height] = [w, h];
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, frame.width, frame.height);
    ctx.font = FONT;
    const legend = this.legend(ctx, traces, frame.width);
    const legendHeight = legend.length > 0 ? (legend[legend.length - 1]!.row + 1) * LEGEND_ROW + 8 : 0;
    const { margin } = this.axes;
    const area = { left: margin.l, top: margin.t, width: Math.max(1, frame.width - margin.l - margin.r), height: Math.max(1, frame.height - margin.t - margin.b - legendHeight) };
    this.area = area;
    const { px, py } = this.scales(frame);
    const [y0, y1] = frame.y;
    ctx.strokeStyle = '#e6e6e6';
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    ctx.fillStyle = '#444';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of linearTicks(frame.x[0], frame.x[1], Math.max(2, Math.floor(area.width / 90)))) {
      const x = Math.round(px(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(x, area.top);
      ctx.lineTo(x, area.top + area.height);
      ctx.stroke();
      ctx.fillText(String(Number(t.toPrecision(6))), x, area.top + area.height + 5);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const every = Math.ceil((y1 - y0) / Math.max(2, Math.floor(area.height / 30)));
    const yTicks = this.axes.logY ? Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i).filter((e) => (e - y0) % every === 0) : linearTicks(y0, y1, Math.max(2, Math.floor(area.height / 40)));
    for (const t of yTicks) {
      const y = Math.round(py(this.axes.logY ? 10 ** t : t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(area.left, y);
      ctx.lineTo(area.left + area.width, y);
      ctx.stroke();
      ctx.fillText(this.axes.logY ? power(t) : String(Number(t.toPrecision(6))), area.left - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(this.axes.xTitle, area.left + area.width / 2, area.top + area.height + 36);
    ctx.save();
    ctx.translate(16, area.top + area.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(this.axes.yTitle, 0, 0);
    ctx.restore();
    ctx.lineWidth = 2;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (const { trace, x, row } of legend) {
      const y = frame.height - legendHeight + row * LEGEND_ROW + LEGEND_ROW / 2;
      ctx.strokeStyle = trace.color;
      ctx.setLineDash(DASHES[trace.dash ?? 'solid']);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 28, y);
      ctx.stroke();
      ctx.fillText(trace.name, x + 34, y);
    }
  }

  private scales(frame: Frame) {
    const { left, top, width, height } = this.area;
    const [x0, x1] = frame.x;
    const [y0, y1] = frame.y;
    return {
      px: (x: number): number => left + ((x - x0) / (x1 - x0)) * width,
      py: (y: number): number => top + height - (((this.axes.logY ? Math.log10(y) : y) - y0) / (y1 - y0)) * height,
    };
  }

  /** The segments each trace gained since the last paint; a value the axis cannot show breaks its curve. */
  private paintCurves(ctx: CanvasRenderingContext2D, traces: readonly CanvasTrace[], frame: Frame): void {
    const { px, py } = this.scales(frame);
    const { left, top, width, height } = this.area;
    const shown = (y: number): boolean => Number.isFinite(y) && !(this.axes.logY && y <= 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    traces.forEach((trace, t) => {
      const from = Math.max(0, (this.drawn[t] ?? 0) - 1);
      this.drawn[t] = trace.x.length;
      if (trace.x.length - from < 2) return;
      ctx.strokeStyle = trace.color;
      ctx.setLineDash(DASHES[trace.dash ?? 'solid']);
      ctx.beginPath();
      let drawing = false;
      for (let i = from; i < trace.x.length; i++) {
        const y = trace.y[i]!;
        if (!shown(y)) {
          drawing = false;
          continue;
        }
        if (drawing) ctx.lineTo(px(trace.x[i]!), py(y));
        else ctx.moveTo(px(trace.x[i]!), py(y));
        drawing = true;
      }
      ctx.stroke();
    });
    ctx.restore();
  }
}
