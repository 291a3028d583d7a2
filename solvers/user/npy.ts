/** Initial data from a file: NumPy `.npy` (float64 or float32, C order) or raw little-endian values of a stated type. */
import { ProblemFileError } from './problem-file-error.ts';

export type RawType = 'float64' | 'float32';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** Values of a `.npy` file in C order, checked against `shape` (fastest-varying first, so reversed against NumPy's). */
export function readNpy(name: string, bytes: Uint8Array, shape: readonly number[]): Float64Array {
  if (bytes.length < 10 || !MAGIC.every((b, i) => bytes[i] === b)) throw new ProblemFileError(`${name}: not a .npy file (no \\x93NUMPY magic)`);
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = (major === 1 ? 10 : 12) + headerLength;
  if (start > bytes.length) throw new ProblemFileError(`${name}: truncated .npy header`);
  const header = new TextDecoder().decode(bytes.subarray(major === 1 ? 10 : 12, start));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const dims = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || dims === undefined) throw new ProblemFileError(`${name}: unreadable .npy header ${header.trim()}`);
  if (fortran === 'True') throw new ProblemFileError(`${name}: Fortran order; save it in C order (np.ascontiguousarray)`);
  const type: RawType = descr === '<f8' ? 'float64' : descr === '<f4' ? 'float32' : (() => { throw new ProblemFileError(`${name}: dtype ${descr}; expected little-endian float64 (<f8) or float32 (<f4)`); })();
  const npyShape = dims.split(',').map((d) => d.trim()).filter((d) => d !== '').map(Number);
  const expected = [...shape].reverse();
  if (npyShape.length !== expected.length || npyShape.some((n, i) => n !== expected[i])) {
    throw new ProblemFileError(`${name}: array shape (${npyShape.join(', ')}) does not match the problem's shape [${shape.join(', ')}] (NumPy order (${expected.join(', ')}))`);
  }
  return readRaw(name, bytes.subarray(start), type, shape);
}

/** Raw little-endian values, exactly as many as the shape holds. */
export function readRaw(name: string, bytes: Uint8Array, type: RawType, shape: readonly number[]): Float64Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const width = type === 'float64' ? 8 : 4;
  if (bytes.length !== size * width) throw new ProblemFileError(`${name}: ${bytes.length} bytes, but shape [${shape.join(', ')}] of ${type} needs ${size * width}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: size }, (_, i) => (type === 'float64' ? view.getFloat64(i * 8, true) : view.getFloat32(i * 4, true)));
}
