/**
 * One inline setting as a form row: a mode and its parameter on a slider (keys move it), the value
 * read out; and the state's scalar type, which decides the modes a setting may take.
 */
import { familyOf, specLabel, type RepresentationSpec, type SzMode, type ZfpMode } from '../../../src/results/representation-spec.ts';
import type { StateType } from '../../../solvers/problem.ts';
import { maxBeta } from '../../../theorems/index.ts';

/** The modes `zfpwb validate --mode` takes. */
export type LabMode = ZfpMode | SzMode;

export const LAB_MODES: readonly { readonly mode: LabMode; readonly title: string }[] = [
  { mode: 'precision', title: 'fixed precision β (ZFP)' },
  { mode: 'rate', title: 'fixed rate, bits per value (ZFP)' },
  { mode: 'accuracy', title: 'fixed accuracy τ (ZFP)' },
  { mode: 'sz-abs', title: 'absolute bound e (SZ-style)' },
  { mode: 'sz-rel', title: 'range-relative bound ε (SZ-style)' },
];

/** A float32 state lives in a float32 ZFP array (`--type float32`): these modes, and choose's `all`, need float64. */
export const needsFloat64 = (mode: string): boolean => mode === 'all' || familyOf(mode as LabMode) === 'sz';

/** Why a float32 state turns the SZ-style modes off, said where the modes are chosen. */
export const FLOAT32_NOTE = 'float32: the solver rounds its state to float32 after every step and keeps it in a float32 ZFP array, so β goes up to 32 and the SZ-style modes (which store float64) are off.';

/** The slider's range per mode: β and the rate directly; τ, e and ε as powers of two, the steps zfp's minexp and choose's ladders take. */
const SLIDERS: Record<LabMode, { readonly min: number; readonly max: number; readonly step: number; readonly value: number }> = {
  precision: { min: 1, max: 64, step: 1, value: 16 },
  rate: { min: 1, max: 64, step: 0.5, value: 16 },
  accuracy: { min: -60, max: 0, step: 1, value: -20 },
  'sz-abs': { min: -60, max: 0, step: 1, value: -20 },
  'sz-rel': { min: -50, max: 0, step: 1, value: -20 },
};

export function specOf(mode: LabMode, slider: number): RepresentationSpec {
  switch (mode) {
    case 'precision':
      return { mode, precision: slider };
    case 'rate':
      return { mode, rate: slider };
    case 'accuracy':
    case 'sz-abs':
      return { mode, tolerance: 2 ** slider };
    case 'sz-rel':
      return { mode, ratio: 2 ** slider };
  }
}

function describe(mode: LabMode, slider: number): string {
  const power = `2^${slider} ≈ ${(2 ** slider).toPrecision(3)}`;
  switch (mode) {
    case 'precision':
    case 'rate':
      return specLabel(specOf(mode, slider));
    case 'accuracy':
      return `τ = ${power}`;
    case 'sz-abs':
      return `SZ e = ${power}`;
    case 'sz-rel':
      return `SZ ε = ${power}·range`;
  }
}

/** Marks the options a float32 state cannot take as disabled, naming the note that says why. */
export function fitModeOptions(select: HTMLSelectElement, type: StateType, noteId: string): void {
  for (const option of select.options) {
    option.disabled = type === 'float32' && needsFloat64(option.value);
    option.title = option.disabled ? 'needs a float64 state' : '';
  }
  select.setAttribute('aria-describedby', noteId);
}

export interface SettingControls {
  readonly element: HTMLFieldSetElement;
  spec(): RepresentationSpec;
  set(mode: LabMode, slider: number): void;
  /** Fits the modes and β's range to the state's type (`noteId`: the element saying why modes are off); a setting in a mode the type cannot take moves to fixed precision. */
  setType(type: StateType, noteId: string): void;
}

/** `id` prefixes the controls' ids (unique on the page); `legend` names the setting. */
export function settingControls(id: string, legend: string, initial: { mode: LabMode; slider?: number } = { mode: 'precision' }): SettingControls {
  const element = document.createElement('fieldset');
  element.className = 'lab-setting';
  element.innerHTML = `
    <legend>${legend}</legend>
    <label for="${id}-mode">Mode</label>
    <select id="${id}-mode">${LAB_MODES.map((m) => `<option value="${m.mode}">${m.title}</option>`).join('')}</select>
    <label for="${id}-param">Parameter</label>
    <div class="lab-slider">
      <input type="range" id="${id}-param" />
      <output id="${id}-value" for="${id}-param"></output>
    </div>`;
  const mode = element.querySelector<HTMLSelectElement>(`#${id}-mode`)!;
  const slider = element.querySelector<HTMLInputElement>(`#${id}-param`)!;
  const value = element.querySelector<HTMLOutputElement>(`#${id}-value`)!;
  let type: StateType = 'float64';
  const show = (): void => {
    const text = describe(mode.value as LabMode, Number(slider.value));
    value.textContent = text;
    slider.setAttribute('aria-valuetext', text);
  };
  const set = (m: LabMode, at = SLIDERS[m].value): void => {
    mode.value = m;
    const range = SLIDERS[m];
    const max = m === 'precision' ? Math.min(range.max, maxBeta(type)) : range.max;
    Object.assign(slider, { min: String(range.min), max: String(max), step: String(range.step) });
    slider.value = String(Math.min(at, max));
    show();
  };
  mode.addEventListener('change', () => set(mode.value as LabMode));
  slider.addEventListener('input', show);
  set(initial.mode, initial.slider);
  return {
    element,
    spec: () => specOf(mode.value as LabMode, Number(slider.value)),
    set,
    setType(next, noteId) {
      type = next;
      fitModeOptions(mode, type, noteId);
      const current = mode.value as LabMode;
      if (type === 'float32' && needsFloat64(current)) set('precision');
      else set(current, Number(slider.value));
    },
  };
}

export interface StateTypeControl {
  readonly element: HTMLFieldSetElement;
  type(): StateType;
}

/**
 * `--type`: the state's scalar type, with the note that says what float32 turns off. `onChange`
 * runs with the type and the note's id now and on every change.
 */
export function stateTypeControl(id: string, onChange: (type: StateType, noteId: string) => void): StateTypeControl {
  const element = document.createElement('fieldset');
  element.className = 'lab-state';
  element.innerHTML = `
    <legend>State</legend>
    <label for="${id}">Scalar type of the state</label>
    <select id="${id}" aria-describedby="${id}-note">
      <option value="float64">float64</option>
      <option value="float32">float32</option>
    </select>
    <p class="lab-note" id="${id}-note" aria-live="polite"></p>`;
  const select = element.querySelector<HTMLSelectElement>(`#${id}`)!;
  const note = element.querySelector<HTMLParagraphElement>(`#${id}-note`)!;
  const changed = (): void => {
    const type = select.value as StateType;
    note.textContent = type === 'float32' ? FLOAT32_NOTE : 'float64: every mode.';
    onChange(type, note.id);
  };
  select.addEventListener('change', changed);
  changed();
  return { element, type: () => select.value as StateType };
}
