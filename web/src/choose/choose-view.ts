/**
 * Choose: an error target ε → the lemma's setting, then the trial runs that certify the cheapest
 * one, as `zfpwb choose` does (the same chooseSetting, or chooseAcrossFamilies for every mode), in
 * the lab's worker with progress.
 */
import type { ChooseResult, FamilyChoice, Setting } from '../../../src/analysis/choose.ts';
import { FAMILY_TITLES, specLabel } from '../../../src/results/representation-spec.ts';
import { jobButtonsMarkup, jobPanel, jobProgressMarkup } from '../lab/job-panel.ts';
import { LiveChart } from '../lab/live-chart.ts';
import { problemPicker } from '../lab/problem-picker.ts';
import type { LabChooseRequest, LabEvent } from '../lab/protocol.ts';
import { fitModeOptions, LAB_MODES, needsFloat64, stateTypeControl } from '../lab/setting-controls.ts';
import { chooseLadder, familyTable } from '../../../src/analysis/choose-ladder.ts';
import '../lab/lab.css';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** `--mode`: one mode of either family, or all of them and the cheaper family. */
const CHOOSE_OPTIONS: readonly (readonly [string, string])[] = [...LAB_MODES.map((m) => [m.mode, m.title] as const), ['all', 'all: every mode of both families, and the cheaper family']];

/** A chosen setting drawn on the chart. */
interface Drawn {
  readonly name: string;
  readonly setting: Setting;
  readonly color: string;
}

const tableMarkup = (id: string, caption: string, header: readonly string[], rows: readonly (readonly string[])[]): string => `
      <table id="${id}">
        <caption>${caption}</caption>
        <thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
        <tbody>${rows.map(([name, ...cells]) => `<tr><th scope="row">${name}</th>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>
      </table>`;

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
        <select id="choose-mode">${CHOOSE_OPTIONS.map(([value, title]) => `<option value="${value}">${title}</option>`).join('')}</select>
        <label for="choose-certify">Certified by</label>
        <select id="choose-certify">
          <option value="data">data: the theorem with each run's local errors</option>
          <option value="any">any: K per block, for any data with the same norms</option>
        </select>
      </fieldset>
      <div data-slot="state"></div>
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
  const state = stateTypeControl('choose-type', (type, note) => {
    fitModeOptions(mode, type, note);
    if (type === 'float32' && needsFloat64(mode.value)) mode.value = 'precision';
  });
  $('[data-slot=state]').append(state.element);
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

  /** The settings' ZFP error per step, the certified one's bound, and ε. */
  const draw = (runs: readonly Drawn[], certified: Setting | null, target: number, steps: number): void => {
    chart.reset([
      ...runs.map((r) => ({ name: `ZFP error, ${r.name} (${specLabel(r.setting.spec)})`, color: r.color })),
      ...(certified ? [{ name: `bound, certified (${specLabel(certified.spec)})`, color: '#1f63b4', dash: 'dash' as const }] : []),
      { name: 'ε', color: '#333', dash: 'dot' },
    ]);
    runs.forEach((r, i) => chart.append(i, r.setting.record.steps.map((s) => s.k), r.setting.record.steps.map((s) => s.zfpError)));
    if (certified) {
      const bounded = certified.record.steps.filter((s) => s.bound !== null);
      chart.append(runs.length, bounded.map((s) => s.k), bounded.map((s) => s.bound!));
    }
    chart.append(runs.length + (certified ? 1 : 0), [0, steps], [target, target]);
  };

  const show = (result: ChooseResult, target: number): void => {
    const ladder = chooseLadder(result, target);
    ladderBox.innerHTML = `
      <p id="choose-lemma">${ladder.lemmaLine}</p>
      ${tableMarkup('choose-table', `${result.steps} steps, ε = ${target.toExponential()}, ${result.stateType} state`, ladder.header, ladder.rows)}
      <p class="lab-note">${ladder.trialsLine}</p>`;
    const runs: Drawn[] = [];
    if (!('infeasible' in result.lemma)) runs.push({ name: 'lemma', setting: result.lemma, color: '#8e44ad' });
    if (result.certified) runs.push({ name: 'certified', setting: result.certified, color: '#1f63b4' });
    if (result.empiricalMinimum) runs.push({ name: 'empirical minimum', setting: result.empiricalMinimum, color: '#c0392b' });
    draw(runs, result.certified, target, result.steps);
  };

  /** `--mode all`: each mode's certified setting, each family's cheapest and the winner; the chart draws the two families' cheapest. */
  const showFamilies = (choice: FamilyChoice, target: number): void => {
    const table = familyTable(choice);
    const steps = choice.modes[0]!.result.steps;
    ladderBox.innerHTML = `
      ${tableMarkup('choose-families', `Every mode, ${steps} steps, ε = ${target.toExponential()}`, table.header, table.rows)}
      <ul id="choose-family-lines">${table.lines.map((line) => `<li>${line}</li>`).join('')}</ul>`;
    const runs: Drawn[] = [];
    if (choice.best.zfp) runs.push({ name: 'ZFP’s cheapest', setting: choice.best.zfp.setting, color: '#1f63b4' });
    if (choice.best.sz) runs.push({ name: 'SZ-style’s cheapest', setting: choice.best.sz.setting, color: '#c0392b' });
    draw(runs, null, target, steps);
  };

  const onEvent = (target: number) => (event: LabEvent): void => {
    if (event.type === 'progress') {
      panel.setProgress(event.progress);
    } else if (event.type === 'chosen') {
      show(event.result, target);
      panel.fillProgress(`${event.result.trials} trial runs`);
      const certified = event.result.certified;
      panel.finish('done', `${certified ? `Certified: ${specLabel(certified.spec)}` : 'No setting is certified'} (${event.result.trials} trial runs in ${seconds(event.elapsedMs)} in the worker).`);
    } else if (event.type === 'families-chosen') {
      showFamilies(event.choice, target);
      const trials = event.choice.modes.reduce((n, m) => n + m.result.trials, 0);
      panel.fillProgress(`${trials} trial runs`);
      panel.finish('done', `${event.choice.winner ? `Cheaper: ${FAMILY_TITLES[event.choice.winner]}` : 'No winner'} (${trials} trial runs in ${seconds(event.elapsedMs)} in the worker).`);
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
    const request: LabChooseRequest = { job: 'choose', source: picker.source(), mode: mode.value as LabChooseRequest['mode'], epsilon: target, certify: certify.value as 'data' | 'any', stateType: state.type() };
    ladderBox.innerHTML = '';
    panel.start(request, onEvent(target), mode.value === 'all' ? `Choosing in every mode for ε = ${target}…` : `Choosing a ${mode.value} setting for ε = ${target}, ${request.stateType} state…`);
  });
}
