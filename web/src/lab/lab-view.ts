/**
 * Inline stability lab: `zfpwb validate` in a worker, drawn as it runs — the ZFP error, its bound, the
 * numerical error and the round-off per step, the compression ratio beneath, the field as heat maps —
 * with a second setting beside the first, and the CLI's JSON to download.
 */
import { specLabel } from '../../../src/results/representation-spec.ts';
import type { ValidateResults } from '../../../src/analysis/simulation-run.ts';
import { AUTO_DOUBLE_DOUBLE_ABOVE, resolveReference } from '../../../src/reference/choice.ts';
import { SUMMARY_COLUMNS, summaryRows } from '../../../src/results/summary.ts';
import { drawField, gradientOf, scaleOf } from './heat-map.ts';
import { jobButtonsMarkup, jobPanel, jobProgressMarkup } from './job-panel.ts';
import { LiveChart, type TraceStyle } from './live-chart.ts';
import { problemPicker } from './problem-picker.ts';
import type { FieldPicture, LabEvent, LabRunRequest, Progress } from './protocol.ts';
import { settingControls, stateTypeControl } from './setting-controls.ts';
import './lab.css';

const COLORS = ['#1f63b4', '#c0392b'] as const;

/** Chart trace indices: setting A's error and bound, the two shared curves, then setting B's. */
const TRACE = {
  zfp: (setting: number) => (setting === 0 ? 0 : 4),
  bound: (setting: number) => (setting === 0 ? 1 : 5),
  numerical: 2,
  roundoff: 3,
} as const;

function traceStyles(labels: readonly string[], reference: string): TraceStyle[] {
  const perSetting = (s: number): TraceStyle[] => [
    { name: `ZFP error (${labels[s]})`, color: COLORS[s]! },
    { name: `bound (${labels[s]})`, color: COLORS[s]!, dash: 'dash' },
  ];
  return [...perSetting(0), { name: 'numerical error', color: '#2e8b57' }, { name: `round-off (${reference})`, color: '#666', dash: 'dot' }, ...(labels.length > 1 ? perSetting(1) : [])];
}

const AXES = { margin: { l: 70, r: 20, t: 30, b: 45 }, legend: { orientation: 'h', y: -0.25 }, xaxis: { title: { text: 'step k' } } };

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/**
 * A run's charts, field and progress are redrawn together, at most this often: every frame the page
 * renders costs a commit of its layers besides the drawing, which a busy machine stretches to tens of ms.
 */
const FRAME_MS = 250;

export function mountLabView(root: HTMLElement): void {
  root.classList.add('lab');
  root.innerHTML = `
    <h2>Inline stability lab</h2>
    <p class="lab-intro">A problem run with its state kept compressed: every step decompresses, advances and recompresses it. The run is <code>zfpwb validate</code>'s, in a worker: the ZFP error ‖ũ<sub>k</sub> − u<sub>k</sub>‖∞ against its theorem's bound, beside the numerical error of the double run and that run's round-off against a wider reference.</p>
    <form class="lab-form" novalidate>
      <div class="lab-slot" data-slot="problem"></div>
      <div class="lab-slot" data-slot="state"></div>
      <div class="lab-slot" data-slot="a"></div>
      <div class="lab-slot lab-compare">
        <div class="lab-check"><input type="checkbox" id="lab-compare" /><label for="lab-compare">Run a second setting beside it</label></div>
        <div data-slot="b"></div>
      </div>
      <fieldset class="lab-bound">
        <legend>Bound and reference</legend>
        <label for="lab-certify">Bound the verdict rests on</label>
        <select id="lab-certify">
          <option value="data">data: the theorem with this run's local errors</option>
          <option value="any">any: K per block, for any data with the same norms</option>
        </select>
        <label for="lab-reference">Reference run (round-off curve)</label>
        <select id="lab-reference" aria-describedby="lab-reference-note">
          <option value="auto">auto, as the CLI picks by size</option>
          <option value="double-double">double-double (fast)</option>
          <option value="decimal">decimal.js, 21 digits (slow)</option>
          <option value="none">none</option>
        </select>
        <p class="lab-note" id="lab-reference-note"></p>
      </fieldset>
      ${jobButtonsMarkup('lab', 'Run', '<button type="button" id="lab-download" disabled>Download JSON</button>')}
    </form>
    ${jobProgressMarkup('lab')}
    <div id="lab-chart" class="lab-chart" role="img" aria-label="Errors per step on a log scale: ZFP error, its bound, numerical error, round-off"></div>
    <p id="lab-bound-note" class="lab-note" hidden>A fixed-point iteration's bound is drawn when it stops: its model takes ‖Gⁿ‖∞ up to the iteration the run stops at.</p>
    <div id="lab-ratio" class="lab-ratio" role="img" aria-label="Compression ratio per step"></div>
    <section class="lab-fields" aria-labelledby="lab-fields-title">
      <h3 id="lab-fields-title">The field at step <span id="lab-field-step">—</span></h3>
      <div class="lab-maps">
        <figure><canvas id="lab-field-solution" role="img" aria-label="original field, double run"></canvas><figcaption>original u<sub>k</sub> (double)</figcaption></figure>
        <figure><canvas id="lab-field-inline" role="img" aria-label="inline-compressed field"></canvas><figcaption>inline ũ<sub>k</sub> (<span id="lab-field-label"></span>)</figcaption></figure>
        <figure><canvas id="lab-field-difference" role="img" aria-label="difference, inline minus original"></canvas><figcaption>difference ũ<sub>k</sub> − u<sub>k</sub></figcaption></figure>
      </div>
      <div class="lab-legends">
        <p><span class="lab-ramp" style="background:${gradientOf(false)}"></span> <span id="lab-scale-values"></span></p>
        <p><span class="lab-ramp" style="background:${gradientOf(true)}"></span> <span id="lab-scale-difference"></span></p>
      </div>
    </section>
    <p id="lab-timing" class="lab-note"></p>
    <div id="lab-summary" class="lab-summary"></div>`;

  const $ = <T extends HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
  const picker = problemPicker('lab');
  const settingA = settingControls('lab-a', 'Setting A');
  const settingB = settingControls('lab-b', 'Setting B', { mode: 'precision', slider: 24 });
  $('[data-slot=problem]').append(picker.element);
  $('[data-slot=a]').append(settingA.element);
  $('[data-slot=b]').append(settingB.element);
  const state = stateTypeControl('lab-type', (type, note) => [settingA, settingB].forEach((s) => s.setType(type, note)));
  $('[data-slot=state]').append(state.element);
  const compare = $<HTMLInputElement>('#lab-compare');
  const showCompare = (): void => {
    settingB.element.disabled = !compare.checked;
  };
  compare.addEventListener('change', showCompare);
  showCompare();

  const certify = $<HTMLSelectElement>('#lab-certify');
  const reference = $<HTMLSelectElement>('#lab-reference');
  const referenceNote = $('#lab-reference-note');
  const describeReference = (): void => {
    const points = picker.points();
    referenceNote.textContent = Number.isFinite(points)
      ? `auto takes ${resolveReference('auto', points)} for ${points} grid points (decimal.js up to ${AUTO_DOUBLE_DOUBLE_ABOVE}, double-double above: decimal.js costs minutes on large fields)`
      : '';
  };
  picker.onChange(describeReference);
  describeReference();

  const panel = jobPanel(root, 'lab');
  const downloadButton = $<HTMLButtonElement>('#lab-download');
  const timing = $('#lab-timing');
  const summary = $('#lab-summary');
  const chart = new LiveChart($('#lab-chart'), { ...AXES, yaxis: { type: 'log', title: { text: 'max-norm error' }, exponentformat: 'power' }, height: 380 });
  const ratioChart = new LiveChart($('#lab-ratio'), { ...AXES, yaxis: { title: { text: 'compression ratio' } }, height: 200, showlegend: false, margin: { l: 70, r: 20, t: 10, b: 40 } });
  // The maps' contexts are set up while the view is idle, not in the run's first frame.
  for (const map of ['solution', 'inline', 'difference']) $<HTMLCanvasElement>(`#lab-field-${map}`).getContext('2d');
  chart.reset(traceStyles([specLabel(settingA.spec())], 'reference'));
  ratioChart.reset([{ name: 'ratio', color: COLORS[0] }]);
  const boundNote = $('#lab-bound-note');
  let boundLive = true;

  let results: ValidateResults | null = null;
  let latestField: FieldPicture | null = null;
  let fieldLabel = '';
  let progress: Progress | null = null;

  const drawFields = (): void => {
    const f = latestField;
    latestField = null;
    if (!f) return;
    const difference = f.inline.map((v, i) => v - f.solution[i]!);
    const values = scaleOf([f.solution, f.inline], false);
    const diff = scaleOf([difference], true);
    drawField($('#lab-field-solution'), f.solution, f.width, f.height, values);
    drawField($('#lab-field-inline'), f.inline, f.width, f.height, values);
    drawField($('#lab-field-difference'), difference, f.width, f.height, diff);
    $('#lab-field-step').textContent = String(f.k);
    $('#lab-field-label').textContent = fieldLabel;
    $('#lab-scale-values').textContent = `values ${values.low.toPrecision(3)} … ${values.high.toPrecision(3)}`;
    $('#lab-scale-difference').textContent = `difference ${diff.low.toExponential(2)} … ${diff.high.toExponential(2)}`;
  };

  /** One frame for everything a run's events changed since the last. */
  const drawFrame = (): void => {
    chart.paint();
    ratioChart.paint();
    drawFields();
    if (progress) panel.setProgress(progress);
    progress = null;
  };
  let frameQueued = false;
  let lastFrame = -Infinity;
  const requestFrame = (): void => {
    if (frameQueued) return;
    frameQueued = true;
    setTimeout(() => {
      requestAnimationFrame(() => {
        frameQueued = false;
        lastFrame = performance.now();
        drawFrame();
      });
    }, Math.max(0, FRAME_MS - (performance.now() - lastFrame)));
  };
  // A run ends in its results, an error or a cancel: the last frame now, then plotly draws the finished charts.
  const settleCharts = (): void => {
    drawFrame();
    chart.settle();
    ratioChart.settle();
  };
  $('#lab-cancel').addEventListener('click', () => {
    // The cancelled job's last progress stays as the panel reported it.
    progress = null;
    settleCharts();
  });

  const onEvent = (request: LabRunRequest, labels: readonly string[]) => (event: LabEvent): void => {
    switch (event.type) {
      case 'progress':
        progress = event.progress;
        requestFrame();
        break;
      case 'inline-steps': {
        const ks = event.rows.map((r) => r.k);
        chart.append(TRACE.zfp(event.setting), ks, event.rows.map((r) => r.zfpError));
        if (event.liveBound) {
          const bounded = event.rows.filter((r) => r.bound !== null);
          chart.append(TRACE.bound(event.setting), bounded.map((r) => r.k), bounded.map((r) => r.bound!));
        }
        boundLive = event.liveBound;
        boundNote.hidden = boundLive;
        if (event.setting === 0) chart.append(TRACE.numerical, ks, event.rows.map((r) => r.numericalError));
        ratioChart.append(event.setting, ks, event.rows.map((r) => r.ratio));
        latestField = event.field;
        fieldLabel = labels[event.setting]!;
        progress = event.progress;
        requestFrame();
        break;
      }
      case 'run-done': {
        // A live bound has every step already, and the record's values (which may be thinned); a fixed-point run's comes now.
        if (!boundLive) {
          const withBound = event.record.steps.filter((s) => s.bound !== null);
          chart.replace(TRACE.bound(event.setting), withBound.map((s) => s.k), withBound.map((s) => s.bound!));
        }
        timing.textContent += `${labels[event.setting]}: ${event.record.steps.length - 1} steps with the bound in ${seconds(event.elapsedMs)} in the worker. `;
        break;
      }
      case 'roundoff-steps':
        chart.append(TRACE.roundoff, event.ks, event.roundoff);
        progress = event.progress;
        requestFrame();
        break;
      case 'reference-done':
        chart.rename(TRACE.roundoff, `round-off (${event.arithmetic})`);
        timing.textContent += `Reference (${event.arithmetic}): ${seconds(event.elapsedMs)}. `;
        break;
      case 'results':
        results = event.results;
        settleCharts();
        showSummary(event.results);
        downloadButton.disabled = false;
        panel.finish('done', `Done: ${labels.join(' and ')}${request.reference === 'none' ? '' : `, round-off against ${event.results.reference}`}.`);
        break;
      case 'error':
        settleCharts();
        panel.finish('failed', `Failed: ${event.message}`);
        break;
    }
  };

  const showSummary = (r: ValidateResults): void => {
    const rows = summaryRows(r);
    summary.innerHTML = `
      <table>
        <caption>Summary, as <code>zfpwb experiment</code> tabulates runs</caption>
        <thead><tr>${SUMMARY_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
        <tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody>
      </table>
      ${r.runs.map((run) => `<p class="lab-note">${run.config.label}: ${run.summary.theorem ?? 'no ZFP bound'}${run.summary.normHandling ? ` (norms: ${run.summary.normHandling})` : ''}</p>`).join('')}`;
  };

  $<HTMLFormElement>('form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (panel.busy) return;
    const specs = compare.checked ? [settingA.spec(), settingB.spec()] : [settingA.spec()];
    const labels = specs.map(specLabel);
    const request: LabRunRequest = { job: 'run', source: picker.source(), specs, certify: certify.value as 'data' | 'any', stateType: state.type(), reference: reference.value as LabRunRequest['reference'] };
    results = null;
    latestField = null;
    downloadButton.disabled = true;
    timing.textContent = '';
    summary.innerHTML = '';
    boundLive = true;
    boundNote.hidden = true;
    chart.begin(traceStyles(labels, request.reference === 'none' ? 'no reference run' : 'reference'), request.source.steps);
    ratioChart.begin(labels.map((label, s) => ({ name: `ratio (${label})`, color: COLORS[s]! })), request.source.steps);
    panel.start(request, onEvent(request, labels), `Running ${labels.join(' and ')}…`);
  });

  downloadButton.addEventListener('click', () => {
    if (!results) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(results)], { type: 'application/json' }));
    link.download = `validate-${results.runs[0]!.config.problem.replace(/[^\w-]+/g, '_')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });
}
