/**
 * Labelled form controls the views share. Each returns its wrapper (`element`, to place in the page)
 * and its input; the label is a real <label for>, so screen readers announce it and a click on it
 * focuses the control. Native inputs keep the browser's keyboard handling: a range slider steps by
 * `step` with the arrow keys, by a tenth of its range with Page Up/Down, and jumps with Home/End.
 */

let nextId = 0;

/** A fresh element id, for pairing a label with its control. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

export interface Field<I extends HTMLElement> {
  /** The label and its control, wrapped in a div.field. */
  readonly element: HTMLDivElement;
  readonly input: I;
}

/** What every control takes: its label, and optionally the id tests and styles find it by. */
interface Labelled {
  readonly label: string;
  /** The input's id (default: a fresh one). */
  readonly id?: string;
}

function field<I extends HTMLElement>({ label, id }: Labelled, input: I, extra: HTMLElement[] = []): Field<I> {
  input.id = id ?? uniqueId('field');
  const element = document.createElement('div');
  element.className = 'field';
  const text = document.createElement('label');
  text.htmlFor = input.id;
  text.textContent = label;
  element.append(text, input, ...extra);
  return { element, input };
}

export interface SliderOptions extends Labelled {
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  readonly value: number;
  /** How the value reads, shown beside the slider and announced as aria-valuetext (default: the number). */
  readonly format?: (value: number) => string;
  /** Called on every move, by pointer or key. */
  readonly onInput: (value: number) => void;
}

export interface Slider extends Field<HTMLInputElement> {
  /** Sets the value (clamped and stepped by the browser) without calling onInput. */
  set(value: number): void;
  /** Changes the bounds, keeping the value inside them, without calling onInput. */
  setRange(min: number, max: number): void;
  readonly value: number;
}

/** A range input with its label and a live <output> of its value. */
export function labelledSlider(options: SliderOptions): Slider {
  const format = options.format ?? String;
  const input = document.createElement('input');
  input.type = 'range';
  input.min = String(options.min);
  input.max = String(options.max);
  input.step = String(options.step ?? 1);
  input.value = String(options.value);
  const output = document.createElement('output');
  const show = (): void => {
    const text = format(input.valueAsNumber);
    output.textContent = text;
    input.setAttribute('aria-valuetext', text);
  };
  input.addEventListener('input', () => {
    show();
    options.onInput(input.valueAsNumber);
  });
  const slider = field(options, input, [output]);
  output.htmlFor.add(input.id);
  slider.element.classList.add('slider');
  show();
  return {
    ...slider,
    set(value) {
      input.value = String(value);
      show();
    },
    setRange(min, max) {
      input.min = String(min);
      input.max = String(max);
      show();
    },
    get value() {
      return input.valueAsNumber;
    },
  };
}

export interface SelectOptions<V extends string> extends Labelled {
  /** The choices in order: the value passed to onChange, and the text shown. */
  readonly options: readonly (readonly [value: V, text: string])[];
  readonly value: V;
  readonly onChange: (value: V) => void;
}

export interface Select<V extends string> extends Field<HTMLSelectElement> {
  readonly value: V;
}

export function labelledSelect<V extends string>(options: SelectOptions<V>): Select<V> {
  const input = document.createElement('select');
  for (const [value, text] of options.options) input.add(new Option(text, value, false, value === options.value));
  input.addEventListener('change', () => options.onChange(input.value as V));
  return {
    ...field(options, input),
    get value() {
      return input.value as V;
    },
  };
}

export interface NumberOptions extends Labelled {
  readonly value: number;
  readonly min?: number;
  readonly max?: number;
  /** 'any' (the default) accepts every real; a number restricts to its multiples. */
  readonly step?: number | 'any';
  /** Called with each valid entry; an invalid one is marked aria-invalid and not passed on. */
  readonly onChange: (value: number) => void;
}

export interface NumberInput extends Field<HTMLInputElement> {
  readonly value: number;
}

export function labelledNumber(options: NumberOptions): NumberInput {
  const input = document.createElement('input');
  input.type = 'number';
  input.step = String(options.step ?? 'any');
  if (options.min !== undefined) input.min = String(options.min);
  if (options.max !== undefined) input.max = String(options.max);
  input.value = String(options.value);
  input.addEventListener('change', () => {
    const valid = input.value !== '' && input.checkValidity();
    input.setAttribute('aria-invalid', String(!valid));
    if (valid) options.onChange(input.valueAsNumber);
  });
  return {
    ...field(options, input),
    get value() {
      return input.valueAsNumber;
    },
  };
}
