import { describe, expect, it } from 'vitest';
import { ProblemFileError, problemFromFile } from '../../../solvers/user/problem-file.ts';
import { readNpy } from '../../../solvers/user/npy.ts';

/** A version-1 .npy file of little-endian float64 values in C order. */
function npy(shape: readonly number[], values: readonly number[], descr = '<f8'): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const bytes = new Uint8Array(10 + header.length + values.length * 8);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  bytes.set(new TextEncoder().encode(header), 10);
  const view = new DataView(bytes.buffer, 10 + header.length);
  values.forEach((v, i) => view.setFloat64(i * 8, v, true));
  return bytes;
}

describe('initial data from a .npy file', () => {
  it('reads C order against a fastest-first shape: NumPy (ny, nx) is shape [nx, ny]', () => {
    const values = readNpy('u0.npy', npy([2, 3], [0, 1, 2, 10, 11, 12]), [3, 2]);
    expect(Array.from(values)).toEqual([0, 1, 2, 10, 11, 12]);
  });
  it('refuses a shape that does not match, a dtype it cannot read, and a file that is not .npy', () => {
    expect(() => readNpy('u0.npy', npy([3, 2], [0, 1, 2, 3, 4, 5]), [3, 2])).toThrow(/array shape \(3, 2\) does not match the problem's shape \[3, 2\]/);
    expect(() => readNpy('u0.npy', npy([6], [0, 1, 2, 3, 4, 5], '<i8'), [6])).toThrow(/dtype <i8/);
    expect(() => readNpy('u0.npy', new Uint8Array(20), [6])).toThrow(ProblemFileError);
  });
  it('a problem file takes its initial state from the file it names', async () => {
    const document = {
      name: 'from file', shape: [4], boundary: 'periodic', stencil: { offsets: [[0]], weights: [1] },
      initial: { file: 'u0.npy' }, kind: 'time-stepping', steps: 1,
    };
    const problem = await problemFromFile(document, { readFile: (path) => (path === 'u0.npy' ? npy([4], [1, 2, 3, 4]) : new Uint8Array()) });
    const out = new Float64Array(4);
    problem.initial(out);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
    await expect(problemFromFile({ ...document, initial: { file: 'u0.raw' } }, { readFile: () => new Uint8Array(32) })).rejects.toThrow(/a raw file needs "type"/);
  });
});
