/**
 * Small, dependency-free SVG charts and tables for the teaching notebooks.
 * Everything returns a string (SVG, HTML or Markdown) that a tslab cell shows with
 * `tslab.display.svg(...)`, `.html(...)` or `.markdown(...)`: nothing is fetched, so an
 * executed notebook renders offline, in nbconvert's HTML and on GitHub alike.
 */

export interface Series {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** 'line' (default), 'points', or both. */
  readonly style?: 'line' | 'points' | 'both';
  readonly dash?: boolean;
  readonly color?: string;
}

export interface ChartOptions {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly logX?: boolean;
  readonly logY?: boolean;
  readonly width?: number;
  readonly height?: number;
  /** Force the y range (in data units); otherwise it is fitted to the data. */
  readonly yRange?: readonly [number, number];
  readonly series: readonly Series[];
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#000000', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A short label for a tick value. */
function tickLabel(v: number, log: boolean): string {
  if (log) {
    const e = Math.round(Math.log10(v));
    return e === 0 ? '1' : e === 1 ? '10' : `1e${e}`;
  }
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(4)));
}

/** Ticks for a linear axis: 1, 2 or 5 times a power of ten, about `count` of them. */
function linearTicks(lo: number, hi: number, count = 6): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

/** Ticks for a log axis: powers of ten, thinned to at most about 8. */
function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const every = Math.max(1, Math.ceil((b - a) / 8));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += every) ticks.push(10 ** e);
  return ticks;
}

/** A line/point chart of one or more series, as an SVG string. Non-positive values are skipped on log axes. */
export function lineChart(options: ChartOptions): string {
  const W = options.width ?? 680;
  const H = options.height ?? 380;
  const legendRows = options.series.length;
  const m = { left: 78, right: 16, top: options.title ? 34 : 14, bottom: 48 + 18 * Math.ceil(legendRows / 2) };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const okX = (v: number) => Number.isFinite(v) && (!options.logX || v > 0);
  const okY = (v: number) => Number.isFinite(v) && (!options.logY || v > 0);
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of options.series) {
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i]!, y = s.y[i]!;
      if (!okX(x) || !okY(y)) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x);
      y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  if (options.yRange) [y0, y1] = options.yRange;
  if (!Number.isFinite(x0)) [x0, x1] = [0, 1];
  if (!Number.isFinite(y0)) [y0, y1] = options.logY ? [0.1, 1] : [0, 1];
  if (options.logY) { y0 = 10 ** Math.floor(Math.log10(y0)); y1 = 10 ** Math.ceil(Math.log10(y1)); if (y0 === y1) y1 *= 10; }
  else if (y0 === y1) { y0 -= 1; y1 += 1; }
  if (x0 === x1) { x0 -= 1; x1 += 1; }
  const tx = (v: number) => options.logX ? Math.log10(v) : v;
  const ty = (v: number) => options.logY ? Math.log10(v) : v;
  const px = (v: number) => m.left + ((tx(v) - tx(x0)) / (tx(x1) - tx(x0))) * pw;
  const py = (v: number) => m.top + ph - ((ty(Math.min(Math.max(v, y0), y1)) - ty(y0)) / (ty(y1) - ty(y0))) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  if (options.title) out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(options.title)}</text>`);
  const xt = options.logX ? logTicks(x0, x1) : linearTicks(x0, x1);
  const yt = options.logY ? logTicks(y0, y1) : linearTicks(y0, y1);
  for (const t of xt) {
    if (t < x0 || t > x1) continue;
    const x = px(t).toFixed(1);
    out.push(`<line x1="${x}" x2="${x}" y1="${m.top}" y2="${m.top + ph}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${m.top + ph + 16}" text-anchor="middle">${tickLabel(t, !!options.logX)}</text>`);
  }
  for (const t of yt) {
    if (t < y0 || t > y1) continue;
    const y = py(t).toFixed(1);
    out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${tickLabel(t, !!options.logY)}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="none" stroke="#444"/>`);
  if (options.xLabel) out.push(`<text x="${m.left + pw / 2}" y="${m.top + ph + 34}" text-anchor="middle">${esc(options.xLabel)}</text>`);
  if (options.yLabel) out.push(`<text transform="translate(16 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`);
  options.series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length]!;
    const style = s.style ?? 'line';
    const pts: string[] = [];
    const segments: string[][] = [];
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i]!, y = s.y[i]!;
      if (!okX(x) || !okY(y)) { if (pts.length) segments.push(pts.splice(0)); continue; }
      pts.push(`${px(x).toFixed(1)},${py(y).toFixed(1)}`);
    }
    if (pts.length) segments.push(pts);
    if (style !== 'points') {
      for (const seg of segments) out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.6"${s.dash ? ' stroke-dasharray="6 4"' : ''} points="${seg.join(' ')}"/>`);
    }
    if (style !== 'line') {
      for (const seg of segments) for (const p of seg) { const [x, y] = p.split(','); out.push(`<circle cx="${x}" cy="${y}" r="3" fill="${color}"/>`); }
    }
    const lx = m.left + (k % 2) * (pw / 2);
    const ly = m.top + ph + 52 + 18 * Math.floor(k / 2);
    out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (style !== 'line') out.push(`<circle cx="${lx + 12}" cy="${ly - 4}" r="3" fill="${color}"/>`);
    out.push(`<text x="${lx + 30}" y="${ly}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

export interface BitGridOptions {
  readonly title?: string;
  /** bits[row][col], 0 or 1; row 0 is drawn at the top. */
  readonly bits: readonly (readonly number[])[];
  readonly rowLabel: (row: number) => string;
  readonly colLabel: (col: number) => string;
  /** Rows from this index down are shaded as dropped. */
  readonly cutRow?: number;
  readonly cutText?: string;
}

/** A grid of bits (for bit planes: one row per plane, one column per coefficient). */
export function bitGrid(options: BitGridOptions): string {
  const rows = options.bits.length;
  const cols = options.bits[0]?.length ?? 0;
  const cell = 14;
  const left = 70, top = options.title ? 36 : 16, labelRow = 22;
  const W = Math.max(left + cols * cell + 260, options.title ? 10 + 7.5 * options.title.length : 0);
  const H = top + labelRow + rows * cell + 10;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="10">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  if (options.title) out.push(`<text x="10" y="18" font-size="13" font-weight="bold">${esc(options.title)}</text>`);
  for (let c = 0; c < cols; c++) out.push(`<text x="${left + c * cell + cell / 2}" y="${top + 12}" text-anchor="middle">${esc(options.colLabel(c))}</text>`);
  const y0 = top + labelRow;
  if (options.cutRow !== undefined && options.cutRow < rows) {
    out.push(`<rect x="${left}" y="${y0 + options.cutRow * cell}" width="${cols * cell}" height="${(rows - options.cutRow) * cell}" fill="#fde0dd"/>`);
    out.push(`<line x1="${left - 4}" x2="${left + cols * cell + 4}" y1="${y0 + options.cutRow * cell}" y2="${y0 + options.cutRow * cell}" stroke="#d62728" stroke-width="2"/>`);
    if (options.cutText) out.push(`<text x="${left + cols * cell + 8}" y="${y0 + options.cutRow * cell + 4}" fill="#d62728" font-size="11">${esc(options.cutText)}</text>`);
  }
  for (let r = 0; r < rows; r++) {
    const y = y0 + r * cell;
    if (r % 4 === 0 || r === rows - 1) out.push(`<text x="${left - 6}" y="${y + cell - 2}" text-anchor="end">${esc(options.rowLabel(r))}</text>`);
    for (let c = 0; c < cols; c++) {
      if (options.bits[r]![c]) out.push(`<rect x="${left + c * cell + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill="#1f4e79"/>`);
      else out.push(`<rect x="${left + c * cell + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" fill="none" stroke="#ddd"/>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

/** A Markdown table; cells are shown as given (format numbers before). */
type Cell = string | number | bigint;
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A 4×4 (or n×n) block in raster order (x fastest) as an HTML table, y growing downward. */
export function blockTable(values: ArrayLike<number | bigint>, side: number, format: (v: number | bigint) => string = String): string {
  const rows: string[] = [];
  for (let y = 0; y < side; y++) {
    const cells: string[] = [];
    for (let x = 0; x < side; x++) cells.push(`<td style="text-align:right;font-family:monospace;padding:2px 8px">${esc(format(values[x + side * y]!))}</td>`);
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table style="border-collapse:collapse">${rows.join('')}</table>`;
}

/** Format a number compactly for tables. */
export function fmt(v: number, digits = 3): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
}
