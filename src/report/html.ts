/** A results object as one HTML page: a short header, the figures, then the summary table. */
import { comparisonTables, type Table } from '../results/comparison-table.ts';
import { SUMMARY_COLUMNS, summaryRows, violations } from '../results/summary.ts';
import type { ExperimentResult } from '../results/schema.ts';
import { figuresFor } from './figures/index.ts';

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** JSON inside <script> must not close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function verdict(result: ExperimentResult): string {
  const bounded = result.runs.filter((r) => r.summary.maxBound !== null);
  if (bounded.length === 0) return '';
  const failed = violations(result);
  return failed.length === 0
    ? `The bound held at every step in all ${bounded.length} configurations.`
    : `The bound FAILED in ${failed.length} of ${bounded.length} configurations (${failed.map((r) => r.config.label).join(', ')}): a bug in a bound or in the codec.`;
}

function tableHtml(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td${c.startsWith('NO') ? ' class="bad"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function summaryHtml(result: ExperimentResult): string {
  if (result.runs.length === 0) return '';
  return `<details><summary>Summary per configuration</summary>${tableHtml(SUMMARY_COLUMNS, summaryRows(result))}</details>`;
}

/** ZFP against SZ-style, beside the Pareto figure: who wins at each budget and each target, by how much. */
function comparisonHtml(result: ExperimentResult): string {
  const tables = (result.comparison ?? []).flatMap(comparisonTables);
  if (tables.length === 0) return '';
  const table = (t: Table) =>
    `<h3>${escapeHtml(t.title)}</h3><p class="meta">${escapeHtml(t.caption)}</p>${t.rows.length > 0 ? `<div class="scroll">${tableHtml(t.header, t.rows)}</div>` : `<p>${escapeHtml(t.empty)}</p>`}`;
  return `<section class="comparison"><h2>ZFP against SZ-style</h2>${tables.map(table).join('\n')}</section>`;
}

/** Theorem, lemma and figure numbers on every page are this paper's. */
const SOURCE =
  'Theorem, lemma and figure numbers: A. Fox, J. Diffenderfer, J. Hittinger, G. Sanders, P. Lindstrom, ' +
  '“Stability analysis of inline ZFP compression for floating-point data in iterative methods”, SIAM J. Sci. Comput. 42(5), 2020.';

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #f6f7f9; }
header { padding: 22px 32px 8px; }
h1 { font-size: 22px; margin: 0 0 6px; }
header p { margin: 4px 0; max-width: 980px; line-height: 1.45; }
.meta { color: #666; font-size: 13px; }
.verdict { font-weight: 600; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(620px, 1fr)); gap: 18px; padding: 12px 32px 32px; }
figure { margin: 0; background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 14px 14px 6px; }
figure h2 { font-size: 16px; margin: 0 0 2px 6px; }
figcaption { font-size: 13px; color: #555; margin: 0 0 4px 6px; }
.plot { height: 480px; }
.comparison { margin: 0 32px 18px; background: #fff; border-radius: 10px; padding: 12px 16px; }
.comparison h2 { font-size: 16px; margin: 0; }
.comparison h3 { font-size: 14px; margin: 14px 0 2px; }
.scroll { overflow-x: auto; }
details { margin: 0 32px 32px; background: #fff; border-radius: 10px; padding: 12px 16px; }
table { border-collapse: collapse; font-size: 12.5px; margin-top: 8px; }
th, td { padding: 3px 10px; text-align: left; border-bottom: 1px solid #eee; white-space: nowrap; }
td.bad { color: #c00; font-weight: 700; }
`;

/**
 * How the page gets plotly.js, offline either way: its minified source inlined (a self-contained
 * page), or a relative path to a copy beside the page (a folder of reports shares one).
 */
export type PlotlyScript = { readonly inline: string } | { readonly src: string };

function plotlyTag(plotly: PlotlyScript): string {
  return 'src' in plotly ? `<script src="${escapeHtml(plotly.src)}"></script>` : `<script>${plotly.inline.replace(/<\/script/gi, '<\\/script')}</script>`;
}

export function renderReport(result: ExperimentResult, plotly: PlotlyScript): string {
  const figures = figuresFor(result);
  const blocks = figures
    .map((f, i) => `<figure><h2>${escapeHtml(f.title)}</h2><figcaption>${escapeHtml(f.caption)}</figcaption><div class="plot" id="plot-${i}"></div></figure>`)
    .join('\n');
  const size = typeof result.params['size'] === 'string' ? `${result.params['size']} size · ` : '';
  const reference = typeof result.params['reference'] === 'string' ? `round-off against the ${result.params['reference']} reference · ` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(result.title)}</title>
<style>${STYLE}</style>
${plotlyTag(plotly)}
</head>
<body>
<header>
<h1>${escapeHtml(result.title)}</h1>
<p>${escapeHtml(result.description)}</p>
<p class="meta">${escapeHtml(boundLine(result))}</p>
<p class="verdict">${escapeHtml(verdict(result))}</p>
<p class="meta">${escapeHtml(SOURCE)}</p>
<p class="meta">${escapeHtml(`${size}${reference}${result.runs.length > 0 ? `${result.runs.length} configurations · ` : ''}computed in ${(result.elapsedMs / 1000).toFixed(1)} s · experiment "${result.experiment}"`)}</p>
</header>
<main>
${blocks}
</main>
${comparisonHtml(result)}
${summaryHtml(result)}
<script id="figures" type="application/json">${scriptJson(figures)}</script>
<script>
const figures = JSON.parse(document.getElementById('figures').textContent);
figures.forEach((f, i) => Plotly.newPlot('plot-' + i, f.data, f.layout, { responsive: true, displaylogo: false }));
</script>
</body>
</html>
`;
}

function boundLine(result: ExperimentResult): string {
  const theorems = new Set(result.runs.map((r) => r.summary.theorem).filter((t) => t !== null));
  const summary = result.runs.find((r) => r.summary.theorem)?.summary;
  return summary && theorems.size === 1 ? `Bound: ${summary.theorem}. Norms: ${summary.normHandling}.` : '';
}
