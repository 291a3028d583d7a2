/**
 * plotly.js for the views, from the plotly.js-dist-min package that vite bundles into the site (no
 * network at run time). It is large, so it is loaded on first use, once, and only by views that chart.
 */
import type { Trace } from '../../../src/report/figure.ts';

/** The part of plotly's API the views use. */
export interface Plotly {
  /** Draws or redraws a chart in `element` with the least work plotly can do. */
  react(element: HTMLElement, data: Trace[], layout?: Record<string, unknown>, config?: Record<string, unknown>): Promise<unknown>;
  /** Appends points to traces: `update` holds one array per field (x, y…), each with one array per trace index. */
  extendTraces(element: HTMLElement, update: Record<string, unknown[][]>, traces: number[]): Promise<unknown>;
  /** Frees a chart's listeners and memory. */
  purge(element: HTMLElement): void;
}

let loading: Promise<Plotly> | undefined;

export function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-dist-min').then((module) => module.default as Plotly);
  return loading;
}
