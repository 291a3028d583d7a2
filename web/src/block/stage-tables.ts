/**
 * The block's stages as tables: in raster order the values, their block-floating-point integers,
 * the lifted coefficients and (per setting) the decoded values and their errors; in sequency order
 * the reordered coefficients and their negabinary digits. Built once per block; a new setting
 * rewrites only the decoded and error columns.
 */
import { scrollRegion } from '../ui/scroll-region.ts';
import type { BlockAnatomy, CodedBlock } from './block-model.ts';
import { hex, real, small } from './format.ts';
import { coordinates } from './values.ts';

export interface StageTables {
  readonly raster: HTMLElement;
  readonly sequency: HTMLElement;
  showDecoded(coded: CodedBlock): void;
}

function table(id: string, headings: readonly string[]): HTMLTableElement {
  const t = document.createElement('table');
  t.id = id;
  t.className = 'numbers';
  const head = t.createTHead().insertRow();
  for (const h of headings) head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
  return t;
}

function addRow(body: HTMLTableSectionElement, texts: readonly string[]): HTMLTableCellElement[] {
  const row = body.insertRow();
  return texts.map((text, i) => {
    const c = document.createElement(i === 0 ? 'th' : 'td');
    if (i === 0) c.scope = 'row';
    c.textContent = text;
    row.append(c);
    return c;
  });
}

/** How the values became integers, by the form the block is coded in. */
function integersText({ path, trace, intprec }: BlockAnatomy): string {
  const q = intprec - 2;
  const blockFloat = `their block-float integers y = trunc(x·2^(${q}−emax))`;
  if (path === 'lossy') return `${blockFloat}, the lifted coefficients c`;
  if (trace.form === 'ieee-bits') return 'their IEEE bits read as integers y (sign-magnitude turned two’s complement: block-float would not give every value back), the reversible lifting’s coefficients c';
  return `${blockFloat} (exact for this block), the reversible lifting’s coefficients c`;
}

export function stageTables(anatomy: BlockAnatomy): StageTables {
  const { block, trace, intprec, sequencyIndex } = anatomy;
  const s = trace.stages;
  const raster = table(
    'block-raster',
    ['i', 'position', 'x', 'y', 'c', 'decoded x̂', 'x̂ − x'],
  );
  const rasterBody = raster.createTBody();
  const decodedCells: [HTMLTableCellElement, HTMLTableCellElement][] = [];
  block.values.forEach((x, i) => {
    const cells = addRow(rasterBody, [
      String(i),
      `(${coordinates(i, block.dims).join(', ')})`,
      real(x),
      s ? String(s.ints[i]) : '0',
      s ? String(s.coefficients[i]) : '0',
      '',
      '',
    ]);
    decodedCells.push([cells[5]!, cells[6]!]);
  });
  const sequency = table('block-sequency', [
    's',
    'from i',
    'coefficient',
    'negabinary',
  ]);
  const sequencyBody = sequency.createTBody();
  sequencyIndex.forEach((i, position) => {
    addRow(sequencyBody, [String(position), String(i), s ? String(s.reordered[position]) : '0', s ? hex(s.negabinary[position]!, intprec) : '0']);
  });
  return {
    raster: scrollRegion(
      'Stages in raster order',
      raster,
      block.values.length + 1,
      `Raster order (x fastest): the values x, ${integersText(anatomy)}, and what the setting decodes.`,
    ),
    sequency: scrollRegion(
      'Stages in sequency order',
      sequency,
      block.values.length + 1,
      'Sequency order: the coefficients by increasing frequency, the raster index each came from, and their negabinary digits in hexadecimal.',
    ),
    showDecoded(coded) {
      decodedCells.forEach(([decoded, error], i) => {
        const d = real(coded.decoded[i]!);
        const e = small(coded.errors[i]!);
        if (decoded.textContent !== d) decoded.textContent = d;
        if (error.textContent !== e) error.textContent = e;
      });
    },
  };
}
