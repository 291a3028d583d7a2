/**
 * The bit-plane matrix: one row per bit plane (most significant first), one column per coefficient
 * in sequency order, and beside each plane the bits the embedded coder spends on it and the bits a
 * setting actually emitted. Rows are built once per block; a new setting only re-marks them.
 */
import { stages } from '../../../src/zfp/index.ts';
import { scrollRegion } from '../ui/scroll-region.ts';
import type { BlockAnatomy, CodedBlock } from './block-model.ts';

export type PlaneStatus = 'kept' | 'partial' | 'dropped';

interface PlaneRow {
  readonly row: HTMLTableRowElement;
  readonly verbatim: HTMLSpanElement;
  readonly tested: HTMLSpanElement;
}

export interface PlaneMatrix {
  readonly element: HTMLElement;
  /** Marks kept, partial and dropped planes and shows the emitted bits of `coded`. */
  mark(coded: CodedBlock): void;
}

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (className) c.className = className;
  return c;
}

function span(className: string, text = ''): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

/** Sets text only when it changes, so that re-marking touches only what moved. */
function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function setStatus(row: HTMLTableRowElement, status: PlaneStatus): void {
  if (row.dataset.status !== status) row.dataset.status = status;
}

/** What precedes the planes, by the form the block is coded in. */
function headerText({ path, trace }: BlockAnatomy): string {
  if (path === 'lossy') return 'a 1 (block coded) and the biased exponent';
  if (trace.form === 'zero') return 'a 0: every value is zero';
  const form = trace.form === 'block-float' ? '01 (block-float) and the biased exponent' : '11 (the values’ IEEE bits)';
  return `${form}, then the precision p − 1 = ${trace.precision - 1}`;
}

export function planeMatrix(anatomy: BlockAnatomy): PlaneMatrix {
  const table = document.createElement('table');
  table.className = 'planes';
  table.id = 'block-planes';
  const head = table.createTHead().insertRow();
  for (const title of ['plane k', 'digits (sequency order)', 'bits', 'emitted']) head.append(cell('th', title));
  const body = table.createTBody();
  const header = body.insertRow();
  header.className = 'stream-header';
  header.append(cell('th', 'header'), cell('td', headerText(anatomy)), cell('td', String(anatomy.headerBits), 'cost'));
  const headerBits = header.appendChild(cell('td', '', 'emitted'));
  const rows: PlaneRow[] = [];
  const planes = anatomy.trace.stages?.planes ?? [];
  const size = anatomy.block.values.length;
  for (let j = 0; j < planes.length; j++) {
    const k = anatomy.intprec - 1 - j;
    const plane = planes[k]!;
    let digits = '';
    for (let i = 0; i < size; i++) digits += stages.planeBit(plane, i);
    const n = anatomy.significantBefore[j]!;
    const row = body.insertRow();
    row.dataset.plane = String(k);
    const cost = anatomy.cumulativeBits[j + 1]! - anatomy.cumulativeBits[j]!;
    const digitCell = cell('td', '', 'digits');
    digitCell.append(span('verbatim', digits.slice(0, n)), span('tested', digits.slice(n)));
    row.append(cell('th', String(k)), digitCell, cell('td', String(cost), 'cost'));
    const emitted = row.appendChild(cell('td', '', 'emitted'));
    rows.push({ row, verbatim: emitted.appendChild(span('verbatim')), tested: emitted.appendChild(span('tested')) });
  }
  const padding = body.insertRow();
  padding.className = 'stream-padding';
  padding.append(cell('th', 'padding'), cell('td', 'zeros up to the fixed rate’s block size'));
  const paddingCount = padding.appendChild(cell('td', '', 'cost'));
  const paddingBits = padding.appendChild(cell('td', '', 'emitted'));
  const element = scrollRegion(
    'Bit-plane matrix',
    table,
    rows.length + 3,
    'Rows: bit planes k of the negabinary digits, most significant first. Columns: coefficients in sequency order. ' +
      'Blue digits belong to coefficients already significant, sent verbatim; the rest are coded by group tests ' +
      '(1 = a one is left in the plane, followed by the next coefficients’ bits up to and including it, the last coefficient’s one implied; 0 = none left). ' +
      (anatomy.path === 'lossy'
        ? 'Green planes are kept, a yellow one is cut by the budget, grey ones are dropped.'
        : 'Green planes are the p reversible mode codes; the grey ones below hold only zeros in every digit, so nothing is lost.'),
  );

  return {
    element,
    mark(coded) {
      const zero = coded.trace.form === 'zero';
      const start = zero ? 1 : anatomy.headerBits;
      setText(headerBits, coded.stream.slice(0, start));
      const planeEnd = start + coded.planeBits;
      rows.forEach(({ row, verbatim, tested }, j) => {
        const from = Math.min(start + anatomy.cumulativeBits[j]!, planeEnd);
        const to = Math.min(start + anatomy.cumulativeBits[j + 1]!, planeEnd);
        const n = Math.min(anatomy.significantBefore[j]!, to - from);
        setText(verbatim, coded.stream.slice(from, from + n));
        setText(tested, coded.stream.slice(from + n, to));
        setStatus(row, j < coded.trace.planes ? 'kept' : to > from ? 'partial' : 'dropped');
      });
      const pad = coded.stream.length - planeEnd;
      if (padding.hidden !== (pad === 0)) padding.hidden = pad === 0;
      setText(paddingCount, String(pad));
      setText(paddingBits, coded.stream.slice(planeEnd));
    },
  };
}
