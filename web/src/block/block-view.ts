/**
 * Inside a block: one ZFP block through every stage of the codec, and what a mode and parameter
 * keep of it. The numbers are the stage API's own (block-model.ts); the page exposes the current
 * setting's result on #block-result as data-* attributes, which the browser test compares with
 * compress run in Node.
 */
import { traitsOf } from '../../../src/zfp/index.ts';
import type { FloatType } from '../../../src/zfp/stages/index.ts';
import { labelledSelect, labelledSlider, uniqueId, type Slider } from '../ui/controls.ts';
import { anatomyOf, codeBlock, pathOf, type BlockAnatomy, type BlockConfig, type CodedBlock } from './block-model.ts';
import { small } from './format.ts';
import { planeMatrix, type PlaneMatrix } from './plane-matrix.ts';
import { stageTables, type StageTables } from './stage-tables.ts';
import { BlockInputError, formatValues, generate, parseValues, PATTERNS, type Block, type BlockDims, type Pattern } from './values.ts';

type Mode = BlockConfig['mode'];
/** The modes a slider tunes; reversible has no parameter. */
type TunedMode = Exclude<Mode, 'reversible'>;

interface Setting {
  mode: Mode;
  beta: number;
  rate: number;
  /** τ = 2^toleranceExponent: powers of two are what fixed accuracy distinguishes (it keeps floor(log2 τ)). */
  toleranceExponent: number;
}

function configOf(s: Setting): BlockConfig {
  switch (s.mode) {
    case 'precision':
      return { mode: 'precision', precision: s.beta };
    case 'rate':
      return { mode: 'rate', rate: s.rate };
    case 'accuracy':
      return { mode: 'accuracy', tolerance: 2 ** s.toleranceExponent };
    case 'reversible':
      return { mode: 'reversible' };
  }
}

/** Lowest tolerance exponent offered: at or below the type's smallest subnormal, where every plane is kept (2^−1074 is the least positive double). */
const LOWEST_TOLERANCE: Readonly<Record<FloatType, number>> = { float64: -1074, float32: -160 };

const K_NAME: Readonly<Record<Mode, string>> = { precision: 'K_β', rate: 'K for the planes kept', accuracy: 'K for τ', reversible: 'K (lossless)' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** The summary: a definition list whose values the view rewrites on every setting. */
function summary(): { element: HTMLDListElement; set(name: string, text: string): void; setTerm(name: string, text: string): void } {
  const names = ['form', 'emax', 'planes', 'bits', 'error', 'k', 'verdict'] as const;
  const terms: Record<(typeof names)[number], string> = {
    form: 'integers from',
    emax: 'common exponent emax',
    planes: 'bit planes kept',
    bits: 'bits emitted',
    error: '‖x̂ − x‖∞ / ‖x‖∞',
    k: 'K',
    verdict: 'error ≤ K·‖x‖∞',
  };
  const list = element('dl', { className: 'summary' });
  const values = new Map<string, HTMLElement>();
  const labels = new Map<string, HTMLElement>();
  for (const name of names) {
    const term = element('dt', {}, [terms[name]]);
    const value = element('dd', { id: `block-summary-${name}` });
    labels.set(name, term);
    values.set(name, value);
    list.append(element('div', {}, [term, value]));
  }
  const setText = (node: HTMLElement, text: string) => {
    if (node.textContent !== text) node.textContent = text;
  };
  return {
    element: list,
    set: (name, text) => setText(values.get(name)!, text),
    setTerm: (name, text) => setText(labels.get(name)!, text),
  };
}

export function mountBlockView(root: HTMLElement): void {
  let block: Block = generate('smooth', 3, 'float64');
  let pattern: Pattern = 'smooth';
  let seed = 1;
  const setting: Setting = { mode: 'precision', beta: 16, rate: 8, toleranceExponent: -10 };
  let anatomy: BlockAnatomy;
  let matrix: PlaneMatrix;
  let tables: StageTables;

  const result = element('section', { id: 'block-result', className: 'result' });
  result.setAttribute('aria-labelledby', 'block-result-title');
  const report = summary();
  report.element.setAttribute('aria-live', 'polite');
  const rasterSlot = element('div');
  const sequencySlot = element('div');
  const matrixSlot = element('div');
  const inputError = element('p', { id: 'block-input-error', className: 'error' });
  inputError.setAttribute('role', 'alert');

  const valuesInput = element('textarea', { id: uniqueId('values'), rows: 3, spellcheck: false });
  const valuesField = element('div', { className: 'field values' }, [element('label', { htmlFor: valuesInput.id }, ['Values (raster order, x fastest)']), valuesInput]);
  const useValues = element('button', { type: 'button', id: 'block-use-values' }, ['Use these values']);
  const redraw = element('button', { type: 'button', id: 'block-redraw' }, ['New random draw']);

  const dims = labelledSelect<`${BlockDims}`>({
    id: 'block-dims',
    label: 'Dimensions',
    options: [['1', '1D (4 values)'], ['2', '2D (4×4)'], ['3', '3D (4×4×4)']],
    value: '3',
    onChange: (d) => setBlock(generate(pattern, Number(d) as BlockDims, block.type, seed)),
  });
  const type = labelledSelect<FloatType>({
    id: 'block-type',
    label: 'Scalar type',
    options: [['float64', 'float64'], ['float32', 'float32']],
    value: 'float64',
    onChange: (t) => setBlock(generate(pattern, block.dims, t, seed)),
  });
  const patternSelect = labelledSelect<Pattern>({
    id: 'block-pattern',
    label: 'Values',
    options: PATTERNS.map((p) => [p, p] as const),
    value: pattern,
    onChange: (p) => {
      pattern = p;
      setBlock(generate(pattern, block.dims, block.type, seed));
    },
  });
  const modeSelect = labelledSelect<Mode>({
    id: 'block-mode',
    label: 'Mode',
    options: [['precision', 'fixed precision (β planes)'], ['rate', 'fixed rate (bits per value)'], ['accuracy', 'fixed accuracy (tolerance τ)'], ['reversible', 'reversible (lossless)']],
    value: setting.mode,
    onChange: (m) => {
      const path = pathOf(configOf(setting));
      setting.mode = m;
      showModeControl();
      // Reversible mode has stages of its own (its lifting, its integers): the tables are traced again.
      if (pathOf(configOf(setting)) === path) update();
      else trace();
    },
  });
  const beta = labelledSlider({
    id: 'block-beta',
    label: 'Precision β (bit planes)',
    min: 1,
    max: 64,
    value: setting.beta,
    onInput: (v) => {
      setting.beta = v;
      update();
    },
  });
  const rate = labelledSlider({
    id: 'block-rate',
    label: 'Rate (bits per value)',
    min: 1,
    max: 64,
    step: 0.25,
    value: setting.rate,
    onInput: (v) => {
      setting.rate = v;
      update();
    },
  });
  const tolerance = labelledSlider({
    id: 'block-tolerance',
    label: 'Tolerance τ',
    min: LOWEST_TOLERANCE.float64,
    max: 8,
    value: setting.toleranceExponent,
    format: (e) => `2^${e} ≈ ${small(2 ** e)}`,
    onInput: (v) => {
      setting.toleranceExponent = v;
      update();
    },
  });
  const modeControls: Record<TunedMode, Slider> = { precision: beta, rate, accuracy: tolerance };

  function showModeControl(): void {
    for (const [mode, slider] of Object.entries(modeControls)) slider.element.hidden = mode !== setting.mode;
  }

  /** Where the block's integers come from, and for reversible mode why. */
  function formOf({ path, trace, reversible }: BlockAnatomy): string {
    if (trace.form === 'zero') return 'none: every value is zero';
    if (path === 'lossy') return 'block-float: a common exponent';
    return reversible!.blockFloatExact
      ? 'block-float: it gives every value back exactly'
      : 'the values’ IEEE bits: block-float would lose bits of some value';
  }

  /** Slider bounds follow the scalar type: intprec planes, and tolerances down to its subnormals. */
  function fitControls(): void {
    const { intprec } = traitsOf(block.type);
    for (const [slider, key, low] of [[beta, 'beta', 1], [rate, 'rate', 1], [tolerance, 'toleranceExponent', LOWEST_TOLERANCE[block.type]]] as const) {
      const high = slider === tolerance ? 8 : intprec;
      slider.setRange(low, high);
      setting[key] = Math.min(Math.max(setting[key], low), high);
      slider.set(setting[key]);
    }
  }

  function setBlock(next: Block): void {
    block = next;
    inputError.textContent = '';
    valuesInput.removeAttribute('aria-invalid');
    valuesInput.value = formatValues(block);
    fitControls();
    Object.assign(result.dataset, { dims: String(block.dims), type: block.type, values: JSON.stringify(Array.from(block.values)) });
    trace();
  }

  /** The block through the stages of the current setting's path, drawn once; settings then only re-mark it. */
  function trace(): void {
    anatomy = anatomyOf(block, pathOf(configOf(setting)));
    tables = stageTables(anatomy);
    matrix = planeMatrix(anatomy);
    rasterSlot.replaceChildren(tables.raster);
    sequencySlot.replaceChildren(tables.sequency);
    matrixSlot.replaceChildren(matrix.element);
    update();
  }

  function showResult(coded: CodedBlock): void {
    const { trace } = coded;
    const intprec = anatomy.intprec;
    const reversible = anatomy.reversible;
    report.set('form', formOf(anatomy));
    report.set('emax', trace.form === 'zero' ? 'none: the block is coded as one 0 bit' : trace.form === 'ieee-bits' ? 'none: the IEEE bits carry each value’s own' : String(trace.emax));
    report.set('planes', reversible && trace.stages ? `${trace.planes} of ${intprec}: p = ${reversible.precision}, the ${intprec - reversible.precision} lowest planes are zero in every digit` : `${trace.planes} of ${intprec}`);
    const perValue = trace.bits / block.values.length;
    report.set('bits', `${trace.bits}: ${perValue.toFixed(2)} per value, ratio ${(intprec / perValue).toFixed(1)}`);
    report.set('error', small(coded.relativeError));
    report.setTerm('k', K_NAME[coded.config.mode]);
    if (anatomy.conversionOverflow) {
      report.set('k', '— (outside its hypothesis)');
      report.set('verdict', `lost: 2^(${intprec - 2}−emax) overflows ${block.type}, so zfp 1.0 codes every value as −2^${intprec - 1}`);
    } else if (reversible) {
      report.set('k', '0');
      report.set('verdict', coded.decoded.every((x, i) => Object.is(x, block.values[i])) ? 'exact: x̂ = x bit for bit' : 'NOT EXACT');
    } else {
      report.set('k', coded.k === null ? '— (an all-zero block is exact)' : small(coded.k));
      report.set('verdict', coded.k === null ? 'exact' : coded.relativeError <= coded.k ? 'holds' : 'VIOLATED');
    }
    Object.assign(result.dataset, {
      config: JSON.stringify(coded.config),
      planes: String(trace.planes),
      precision: String(trace.precision),
      bits: String(trace.bits),
      stream: coded.stream,
      decoded: JSON.stringify(Array.from(coded.decoded)),
      relativeError: String(coded.relativeError),
      k: String(coded.k),
    });
  }

  /** A new setting: code the block once, then re-mark what is already on the page. */
  function update(): void {
    const start = performance.now();
    const coded = codeBlock(anatomy, configOf(setting));
    matrix.mark(coded);
    tables.showDecoded(coded);
    showResult(coded);
    result.dataset.updateMs = (performance.now() - start).toFixed(2);
  }

  useValues.addEventListener('click', () => {
    try {
      setBlock(parseValues(valuesInput.value, block.dims, block.type));
    } catch (error) {
      if (!(error instanceof BlockInputError)) throw error;
      inputError.textContent = error.message;
      valuesInput.setAttribute('aria-invalid', 'true');
    }
  });
  redraw.addEventListener('click', () => {
    seed += 1;
    setBlock(generate(pattern, block.dims, block.type, seed));
  });

  root.append(
    element('h2', {}, ['Inside a block']),
    element('p', { className: 'lede' }, [
      'One block of 4^d values through every stage of zfp 1.0, computed by the package’s own stage functions: ',
      'a common exponent turns the values into integers, a lifting transform decorrelates them, the coefficients are put in sequency order ',
      'and written in negabinary, and the embedded coder sends their bit planes from the most significant down until the mode stops it. ',
      'Reversible mode keeps everything: integers that give the values back exactly (block-float, or else the IEEE bits themselves), an integer-exact lifting, and every plane down to the last one bit.',
    ]),
    element('div', { className: 'controls', role: 'group', ariaLabel: 'Block' }, [dims.element, type.element, patternSelect.element, redraw]),
    element('div', { className: 'controls', role: 'group', ariaLabel: 'Typed values' }, [valuesField, useValues, inputError]),
    element('div', { className: 'controls', role: 'group', ariaLabel: 'Mode' }, [modeSelect.element, beta.element, rate.element, tolerance.element]),
    result,
  );
  result.append(
    element('h3', { id: 'block-result-title' }, ['What the setting keeps']),
    report.element,
    // The planes first: they are what a setting changes; the stages that made them follow.
    element('section', {}, [element('h3', {}, ['Bit planes and the embedded coder']), matrixSlot]),
    element('div', { className: 'stages' }, [
      element('section', {}, [element('h3', {}, ['Block-float integers, lifted coefficients, decoded values']), rasterSlot]),
      element('section', {}, [element('h3', {}, ['Sequency order and negabinary digits']), sequencySlot]),
    ]),
  );
  showModeControl();
  setBlock(block);
}
