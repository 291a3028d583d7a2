/**
 * A plotly chart fed step by step: traces grow in place and are redrawn later, never per message.
 * A plotly redraw is the page's costliest work during a run, so every chart on the page shares one
 * queue that redraws a single chart per animation frame, and each chart at most once per REDRAW_MS.
 */
import Plotly from 'plotly.js-dist-min';

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

export class LiveChart {
  private traces: Trace[] = [];
  private queued = false;
  private lastDraw = -Infinity;

  constructor(
    private readonly root: HTMLElement,
    private readonly layout: Record<string, unknown>,
  ) {}

  /** Starts over with these (empty) traces. */
  reset(styles: readonly TraceStyle[]): void {
    this.traces = styles.map((s) => ({ ...s, x: [], y: [] }));
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
    this.schedule();
  }

  rename(trace: number, name: string): void {
    this.traces[trace] = { ...this.traces[trace]!, name };
    this.schedule();
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    // Until the redraw lands the chart shows an older state: say so to assistive technology (and tests).
    this.root.setAttribute('aria-busy', 'true');
    setTimeout(() => {
      queue.push(this);
      if (queue.length === 1) requestAnimationFrame(drawNext);
    }, Math.max(0, REDRAW_MS - (performance.now() - this.lastDraw)));
  }

  draw(): void {
    this.queued = false;
    this.lastDraw = performance.now();
    const data = this.traces.map((t) => ({ type: 'scatter', mode: 'lines', name: t.name, x: t.x, y: t.y, line: { color: t.color, dash: t.dash ?? 'solid', width: 2 } }));
    // plotly compares arrays by identity: a new revision tells it the grown ones changed.
    void Plotly.react(this.root, data, { ...this.layout, datarevision: this.lastDraw }, { responsive: true, displaylogo: false }).then(() => {
      if (!this.queued) this.root.removeAttribute('aria-busy');
    });
  }
}
