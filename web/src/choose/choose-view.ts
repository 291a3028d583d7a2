/**
 * Choose: an error target ε → the lemma's setting, then the trial runs that certify the cheapest
 * one, as `zfpwb choose` does (the same chooseSetting), in the lab's worker with progress.
 */
import type { ChooseMode, ChooseResult } from '../../../src/analysis/choose.ts';
import { specLabel } from '../../../src/results/representation-spec.ts';
import { jobButtonsMarkup, jobPanel, jobProgressMarkup } from '../lab/job-panel.ts';
import { LiveChart } from '../lab/live-chart.ts';
import { problemPicker } from '../lab/problem-picker.ts';
import type { LabChooseRequest, LabEvent } from '../lab/protocol.ts';
import { LAB_MODES } from '../lab/setting-controls.ts';
import { chooseLadder } from '../../../src/analysis/choose-ladder.ts';
import '../lab/lab.css';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function mountChooseView(root: HTMLElement): void {
  root.classList.add('lab');
  root.innerHTML = `
    <h2>Choose a setting</h2>
    <p class="lab-intro">The cheapest setting whose run keeps the inline error within a target ε: the a-priori lemma proposes one from the uncompressed run, then trial runs bisect the mode's ladder for the cheapest setting its theorem's bound certifies, and the cheapest whose measured error stays within ε. This is <code>zfpwb choose</code>, run in a worker.</p>
    <form class="lab-form" novalidate>
      <div data-slot="problem"></div>
      <fieldset>
        <legend>Target</legend>
        <label for="choose-epsilon">Error target ε (max norm)</label>
        <input type="number" id="choose-epsilon" value="1e-5" min="0" step="any" required />
        <label for="choose-mode">Mode</label>
        <select id="choose-mode">${LAB_MODES.map((m) => `<option value="${m.mode}">${m.title}</option>`).join('')}</select>
        <label for="choose-certify">Certified by</label>
        <select id="choose-certify">
          <option value="data">data: the theorem with each run's local errors</option>
          <option value="any">any: K per block, for any data with the same norms</option>
        </select>
      </fieldset>
      ${jobButtonsMarkup('choose', 'Choose')}
    </form>
    ${jobProgressMarkup('choose')}
    <div id="choose-ladder" class="lab-summary"></div>
    <div id="choose-chart" class="lab-chart" role="img" aria-label="The chosen settings' ZFP error per step against ε, and the certified setting's bound"></div>`;

  const $ = <T extends HTMLElement>(selector: string): T => root.querySelector<T>(selector)!;
  const picker = problemPicker('choose');
  $('[data-slot=problem]').append(picker.element);
  const epsilon = $<HTMLInputElement>('#choose-epsilon');
  const mode = $<HTMLSelectElement>('#choose-mode');
  const certify = $<HTMLSelectElement>('#choose-certify');
  const panel = jobPanel(root, 'choose');
  const ladderBox = $('#choose-ladder');
  const chartBox = $('#choose-chart');
  const chart = new LiveChart(chartBox, {
    margin: { l: 70, r: 20, t: 30, b: 45 },
    legend: { orientation: 'h', y: -0.25 },
    xaxis: { title: { text: 'step k' } },
    yaxis: { type: 'log', title: { text: 'max-norm error' }, exponentformat: 'power' },
    height: 360,
  });

  const show = (result: ChooseResult, target: number): void => {
    const ladder = chooseLadder(result, target);
    ladderBox.innerHTML = `
      <p id="choose-lemma">${ladder.lemmaLine}</p>
      <table id="choose-table">
        <caption>${result.steps} steps, ε = ${target.toExponential()}</caption>
        <thead><tr>${ladder.header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
        <tbody>${ladder.rows.map(([name, ...cells]) => `<tr><th scope="row">${name}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>
      </table>
      <p class="lab-note">${ladder.trialsLine}</p>`;
    const runs = [
      { name: 'lemma', setting: 'infeasible' in result.lemma ? null : result.lemma, color: '#8e44ad' },
      { name: 'certified', setting: result.certified, color: '#1f63b4' },
      { name: 'empirical minimum', setting: result.empiricalMinimum, color: '#c0392b' },
    ].filter((r) => r.setting !== null);
    const last = result.steps;
    chart.reset([
      ...runs.map((r) => ({ name: `ZFP error, ${r.name} (${specLabel(r.setting!.spec)})`, color: r.color })),
      ...(result.certified ? [{ name: `bound, certified (${specLabel(result.certified.spec)})`, color: '#1f63b4', dash: 'dash' as const }] : []),
      { name: 'ε', color: '#333', dash: 'dot' },
    ]);
    runs.forEach((r, i) => chart.append(i, r.setting!.record.steps.map((s) => s.k), r.setting!.record.steps.map((s) => s.zfpError)));
    if (result.certified) {
      const steps = result.certified.record.steps.filter((s) => s.bound !== null);
      chart.append(runs.length, steps.map((s) => s.k), steps.map((s) => s.bound!));
    }
    chart.append(runs.length + (result.certified ? 1 : 0), [0, last], [target, target]);
  };

  const onEvent = (target: number) => (event: LabEvent): void => {
    if (event.type === 'progress') {
      panel.setProgress(event.progress);
    } else if (event.type === 'chosen') {
      show(event.result, target);
      panel.fillProgress(`${event.result.trials} trial runs`);
      const certified = event.result.certified;
      panel.finish('done', `${certified ? `Certified: ${specLabel(certified.spec)}` : 'No setting is certified'} (${event.result.trials} trial runs in ${seconds(event.elapsedMs)} in the worker).`);
    } else if (event.type === 'error') {
      panel.finish('failed', `Failed: ${event.message}`);
    }
  };

  $<HTMLFormElement>('form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (panel.busy) return;
    const target = Number(epsilon.value);
    if (!(epsilon.value.trim() !== '' && Number.isFinite(target) && target > 0)) {
      panel.say(`ε must be a positive number, got "${epsilon.value}"`);
      epsilon.focus();
      return;
    }
    const request: LabChooseRequest = { job: 'choose', source: picker.source(), mode: mode.value as ChooseMode, epsilon: target, certify: certify.value as 'data' | 'any' };
    ladderBox.innerHTML = '';
    panel.start(request, onEvent(target), `Choosing a ${mode.value} setting for ε = ${target}…`);
  });
}
