/**
 * A chart fed step by step. Between `begin` and `settle` (a run's live phase) it is painted on a
 * canvas laid over the plotly chart (canvas-lines.ts) when its owner calls `paint`, from the owner's
 * own frame; `settle` draws the finished traces with plotly, once. Outside a live phase every change
 * is a plotly redraw, later, never per message: every chart on the page shares one queue that redraws
 * a single chart per animation frame, and each chart at most once per REDRAW_MS.
 */
import Plotly from 'plotly.js-dist-min';
import { CanvasLines, type CanvasAxes } from './canvas-lines.ts';

const REDRAW_MS = 250;

export interface TraceStyle {
  readonly name: string;
  readonly color: string;
  readonly dash?: 'solid' | 'dash' | 'dot';
}

interface Trace extends TraceStyle {
  x: number[];
  y: number[];
}

/** Charts waiting for their redraw, first come first drawn, one per frame. */
const queue: LiveChart[] = [];

function drawNext(): void {
  queue.shift()?.draw();
  if (queue.length > 0) requestAnimationFrame(drawNext);
}

interface Layout {
  readonly margin: CanvasAxes['margin'];
  readonly xaxis: { readonly title: { readonly text: string }; readonly [key: string]: unknown };
  readonly yaxis: { readonly type?: string; readonly title: { readonly text: string }; readonly [key: string]: unknown };
  readonly showlegend?: boolean;
  readonly height?: number;
  readonly [key: string]: unknown;
}

export class LiveChart {
  private traces: Trace[] = [];
  private queued = false;
  private lastDraw = -Infinity;
  private live = false;
  /** The live traces changed since the canvas was painted. */
  private dirty = false;
  private xMax = 1;
  private readonly canvas = document.createElement('canvas');
  private readonly lines: CanvasLines;
  private size = { width: 0, height: 0 };

  constructor(
    private readonly root: HTMLElement,
    private readonly layout: Layout,
  ) {
    const box = document.createElement('div');
    box.className = 'live-chart';
    // The canvas covers the box: keep plotly's height before plotly has drawn.
    if (layout.height !== undefined) box.style.minHeight = `${layout.height}px`;
    root.replaceWith(box);
    // While it shows, the canvas stands for the chart (visibility: hidden takes either out of the accessibility tree).
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', root.getAttribute('aria-label') ?? 'chart');
    this.canvas.style.visibility = 'hidden';
    box.append(root, this.canvas);
    this.lines = new CanvasLines(this.canvas, { logY: layout.yaxis.type === 'log', xTitle: layout.xaxis.title.text, yTitle: layout.yaxis.title.text, legend: layout.showlegend !== false, margin: layout.margin });
    // The box's size without a layout read per paint.
    new ResizeObserver(([entry]) => {
      const first = this.size.width === 0;
      this.size = { width: entry!.contentRect.width, height: entry!.contentRect.height };
      this.dirty = true;
      // An empty paint while the view is idle sets up the canvas's context, bitmap and font, which would otherwise cost the run's first frame.
      if (first && this.size.width > 0) this.lines.paint([], this.size.width, this.size.height, 1);
    }).observe(box);
  }

  /** Starts over with these (empty) traces. */
  reset(styles: readonly TraceStyle[]): void {
    this.traces = styles.map((s) => ({ ...s, x: [], y: [] }));
    this.schedule();
  }

  /** Starts a live phase with these (empty) traces, x from 0 to at least `xMax`: the canvas shows them until `settle`. */
  begin(styles: readonly TraceStyle[], xMax: number): void {
    this.live = true;
    this.xMax = xMax;
    this.traces = styles.map((s) => ({ ...s, x: [], y: [] }));
    this.lines.invalidate();
    this.root.style.visibility = 'hidden';
    this.canvas.style.visibility = '';
    this.schedule();
  }

  /** Ends the live phase: plotly draws the traces as they are, and replaces the canvas once it has. */
  settle(): void {
    if (!this.live) return;
    this.live = false;
    this.schedule();
  }

  append(trace: number, x: readonly number[], y: readonly number[]): void {
    this.traces[trace]!.x.push(...x);
    this.traces[trace]!.y.push(...y);
    this.schedule();
  }

  replace(trace: number, x: readonly number[], y: readonly number[]): void {
    const t = this.traces[trace]!;
    t.x = [...x];
    t.y = [...y];
    this.lines.invalidate();
    this.schedule();
  }

  rename(trace: number, name: string): void {
    this.traces[trace] = { ...this.traces[trace]!, name };
    this.lines.invalidate();
    this.schedule();
  }

  private schedule(): void {
    // Until plotly's redraw lands the chart shows an older state (or the canvas): say so to assistive technology (and tests).
    this.root.setAttribute('aria-busy', 'true');
    if (this.live) {
      this.dirty = true;
      return;
    }
    if (this.queued) return;
    this.queued = true;
    setTimeout(() => {
      queue.push(this);
      if (queue.length === 1) requestAnimationFrame(drawNext);
    }, Math.max(0, REDRAW_MS - (performance.now() - this.lastDraw)));
  }

  /** In a live phase, paints what changed since the last paint on the canvas (call it from a frame). */
  paint(): void {
    if (!this.live || !this.dirty) return;
    this.dirty = false;
    this.lines.paint(this.traces, this.size.width, this.size.height, this.xMax);
    // What the canvas shows, for the browser test: the paints so far and each trace's points.
    this.root.dataset.paints = String(Number(this.root.dataset.paints ?? 0) + 1);
    this.root.dataset.livePoints = JSON.stringify(this.traces.map((t) => t.x.length));
  }

  draw(): void {
    this.queued = false;
    this.lastDraw = performance.now();
    const data = this.traces.map((t) => ({ type: 'scatter', mode: 'lines', name: t.name, x: t.x, y: t.y, line: { color: t.color, dash: t.dash ?? 'solid', width: 2 } }));
    // The plotly draws a page made, which the browser test counts: one per chart per run.
    this.root.dataset.draws = String(Number(this.root.dataset.draws ?? 0) + 1);
    // plotly compares arrays by identity: a new revision tells it the grown ones changed.
    void Plotly.react(this.root, data, { ...this.layout, datarevision: this.lastDraw }, { responsive: true, displaylogo: false }).then(() => {
      if (this.queued || this.live) return;
      this.root.removeAttribute('aria-busy');
      this.root.style.visibility = '';
      this.canvas.style.visibility = 'hidden';
    });
  }
}
