/** One inline setting as a form row: a mode and its parameter on a slider (keys move it), the value read out. */
import { specLabel, type RepresentationSpec } from '../../../src/results/representation-spec.ts';

export type LabMode = 'precision' | 'rate' | 'accuracy' | 'sz-abs';

export const LAB_MODES: readonly { readonly mode: LabMode; readonly title: string }[] = [
  { mode: 'precision', title: 'fixed precision β (ZFP)' },
  { mode: 'rate', title: 'fixed rate, bits per value (ZFP)' },
  { mode: 'accuracy', title: 'fixed accuracy τ (ZFP)' },
  { mode: 'sz-abs', title: 'absolute bound e (SZ-style)' },
];

/** The slider's range per mode: β and the rate directly; τ and e as powers of two, the steps zfp's minexp takes. */
const SLIDERS: Record<LabMode, { readonly min: number; readonly max: number; readonly step: number; readonly value: number }> = {
  precision: { min: 1, max: 64, step: 1, value: 16 },
  rate: { min: 1, max: 64, step: 0.5, value: 16 },
  accuracy: { min: -60, max: 0, step: 1, value: -20 },
  'sz-abs': { min: -60, max: 0, step: 1, value: -20 },
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
  }
}

function describe(mode: LabMode, slider: number): string {
  const label = specLabel(specOf(mode, slider));
  return mode === 'accuracy' || mode === 'sz-abs' ? `${label.replace(/=.*/, '')}= 2^${slider} ≈ ${(2 ** slider).toPrecision(3)}` : label;
}

export interface SettingControls {
  readonly element: HTMLFieldSetElement;
  spec(): RepresentationSpec;
  set(mode: LabMode, slider: number): void;
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
  const show = (): void => {
    const text = describe(mode.value as LabMode, Number(slider.value));
    value.textContent = text;
    slider.setAttribute('aria-valuetext', text);
  };
  const set = (m: LabMode, at = SLIDERS[m].value): void => {
    mode.value = m;
    const range = SLIDERS[m];
    Object.assign(slider, { min: String(range.min), max: String(range.max), step: String(range.step) });
    slider.value = String(at);
    show();
  };
  mode.addEventListener('change', () => set(mode.value as LabMode));
  slider.addEventListener('input', show);
  set(initial.mode, initial.slider);
  return { element, spec: () => specOf(mode.value as LabMode, Number(slider.value)), set };
}
