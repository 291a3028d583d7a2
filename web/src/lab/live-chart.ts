/**
 * A plotly chart fed step by step: traces grow in place and the chart redraws at most once per
 * animation frame and per REDRAW_MS, however often data arrives, so a run never floods the page.
 */
import Plotly from 'plotly.js-dist-min';

const REDRAW_MS = 100;

export interface TraceStyle {
  readonly name: string;
  readonly color: string;
  readonly dash?: 'solid' | 'dash' | 'dot';
}

interface Trace extends TraceStyle {
  x: number[];
  y: number[];
}

export class LiveChart {
  private traces: Trace[] = [];
  private pending = false;
  private lastDraw = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly layout: Record<string, unknown>,
  ) {}

  /** Starts over with these (empty) traces; drawn right away. */
  reset(styles: readonly TraceStyle[]): void {
    this.traces = styles.map((s) => ({ ...s, x: [], y: [] }));
    this.draw();
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
    if (this.pending) return;
    this.pending = true;
    const wait = Math.max(0, REDRAW_MS - (performance.now() - this.lastDraw));
    setTimeout(() => requestAnimationFrame(() => this.draw()), wait);
  }

  private draw(): void {
    this.pending = false;
    this.lastDraw = performance.now();
    const data = this.traces.map((t) => ({ type: 'scatter', mode: 'lines', name: t.name, x: t.x, y: t.y, line: { color: t.color, dash: t.dash ?? 'solid', width: 2 } }));
    // plotly compares arrays by identity: a new revision tells it the grown ones changed.
    void Plotly.react(this.root, data, { ...this.layout, datarevision: this.lastDraw }, { responsive: true, displaylogo: false });
  }
}
