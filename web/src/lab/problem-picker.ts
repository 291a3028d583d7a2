/** The problem a job runs: a built-in one with its grid and steps, or a problem file (JSON) read from disk. */
import type { BuiltinProblemName } from '../../../solvers/problem.ts';
import { MIN_GRID } from '../../../src/analysis/problem-setup.ts';
import { BUILTIN_PROBLEMS, defaultSize } from './problem-options.ts';
import type { ProblemSource } from './protocol.ts';

const FILE = 'file';

/** The field's dimension, so n per side gives n^d points (gauss-seidel's unknowns are n, padded to whole blocks). */
const DIMENSIONS: Record<BuiltinProblemName, number> = { advection1d: 1, advection2d: 2, diffusion2d: 2, diffusion3d: 3, 'poisson-jacobi': 2, 'gauss-seidel': 1 };

interface LoadedFile {
  readonly name: string;
  readonly document: { readonly shape?: unknown; readonly steps?: unknown };
}

export interface ProblemPicker {
  readonly element: HTMLFieldSetElement;
  source(): ProblemSource;
  /** Grid points in all, for the reference's `auto` choice. */
  points(): number;
  /** Called whenever the problem or its size changes. */
  onChange(listener: () => void): void;
}

export function problemPicker(id: string): ProblemPicker {
  const element = document.createElement('fieldset');
  element.className = 'lab-problem';
  element.innerHTML = `
    <legend>Problem</legend>
    <label for="${id}-problem">Problem</label>
    <select id="${id}-problem">${BUILTIN_PROBLEMS.map((p) => `<option value="${p}">${p}</option>`).join('')}</select>
    <label for="${id}-file">Problem file (JSON)</label>
    <input type="file" id="${id}-file" accept=".json,application/json" />
    <label for="${id}-grid">Grid points per side</label>
    <input type="number" id="${id}-grid" min="${MIN_GRID}" step="1" required />
    <label for="${id}-steps">Steps</label>
    <input type="number" id="${id}-steps" min="1" step="1" required />
    <p class="lab-note" id="${id}-file-note" aria-live="polite"></p>`;
  const select = element.querySelector<HTMLSelectElement>(`#${id}-problem`)!;
  const fileInput = element.querySelector<HTMLInputElement>(`#${id}-file`)!;
  const grid = element.querySelector<HTMLInputElement>(`#${id}-grid`)!;
  const steps = element.querySelector<HTMLInputElement>(`#${id}-steps`)!;
  const note = element.querySelector<HTMLParagraphElement>(`#${id}-file-note`)!;
  const listeners: (() => void)[] = [];
  const changed = (): void => listeners.forEach((l) => l());
  let loaded: LoadedFile | null = null;

  const useProblem = (): void => {
    const isFile = select.value === FILE;
    grid.disabled = isFile;
    if (isFile) {
      const shape = loaded!.document.shape;
      grid.value = Array.isArray(shape) ? String(shape[0]) : '';
      steps.value = String(loaded!.document.steps ?? '');
    } else {
      const size = defaultSize(select.value as BuiltinProblemName);
      grid.value = String(size.grid);
      steps.value = String(size.steps);
    }
    changed();
  };
  select.addEventListener('change', useProblem);
  grid.addEventListener('input', changed);
  steps.addEventListener('input', changed);
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      const document = JSON.parse(await file.text()) as LoadedFile['document'];
      if (typeof document !== 'object' || document === null) throw new Error('a problem file is a JSON object');
      loaded = { name: file.name, document };
    } catch (error) {
      note.textContent = `${file.name}: not a problem file (${(error as Error).message})`;
      return;
    }
    let option = select.querySelector<HTMLOptionElement>(`option[value="${FILE}"]`);
    if (!option) select.append((option = new Option('', FILE)));
    option.textContent = `file: ${file.name}`;
    select.value = FILE;
    note.textContent = `${file.name} loaded; its "shape" sets the grid (the worker checks the rest)`;
    useProblem();
  });
  useProblem();

  return {
    element,
    source(): ProblemSource {
      const stepCount = Number(steps.value);
      if (select.value === FILE) return { kind: 'file', document: loaded!.document, steps: stepCount };
      return { kind: 'builtin', problem: select.value as BuiltinProblemName, grid: Number(grid.value), steps: stepCount };
    },
    points(): number {
      if (select.value === FILE) {
        const shape = loaded!.document.shape;
        return Array.isArray(shape) ? shape.reduce((a: number, b) => a * Number(b), 1) : NaN;
      }
      return Number(grid.value) ** DIMENSIONS[select.value as BuiltinProblemName];
    },
    onChange: (listener) => listeners.push(listener),
  };
}
