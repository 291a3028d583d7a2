/**
 * Codec throughput, ours next to LLNL libzfp in the same run: same fields, same parameters,
 * best of N timed passes after a warm-up (process CPU time on both sides: on a shared machine wall
 * time counts the waits for a core), plus a check that both wrote the same bytes.
 * Each side's figures are the best over several rounds, a fresh process of ours (see
 * inFreshProcesses) then a libzfp run, alternating.
 *
 *   npx tsx bench/codec.ts [reps] [processes] [field]      (defaults 5, 3 and every field)
 */
import { fileURLToPath } from 'node:url';
import { compress, decompress } from '../src/zfp/index.ts';
import { buildLibzfpHarness, runLibzfp, type PeerMode } from './libzfp.ts';
import { bestCpuSeconds, inFreshProcesses, positiveInteger, smoothField } from './measure.ts';

interface BenchField {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

interface Figures {
  readonly bytes: Uint8Array;
  readonly compressMBs: number;
  readonly decompressMBs: number;
}

const MODES: readonly PeerMode[] = [
  { label: 'precision 16', harness: 'precision=16', config: { mode: 'precision', precision: 16 } },
  { label: 'precision 32', harness: 'precision=32', config: { mode: 'precision', precision: 32 } },
  { label: 'rate 8', harness: 'rate=8', config: { mode: 'rate', rate: 8, align: false } },
  { label: 'rate 16', harness: 'rate=16', config: { mode: 'rate', rate: 16, align: false } },
  { label: 'accuracy 1e-6', harness: 'accuracy=1e-6', config: { mode: 'accuracy', tolerance: 1e-6 } },
  { label: 'reversible', harness: 'reversible', config: { mode: 'reversible' } },
];

type Speeds = Omit<Figures, 'bytes'>;

/** Time our codec on one field and mode in this process. */
function timeOurs(field: BenchField, mode: PeerMode, reps: number): Speeds {
  const input = { type: 'float64', shape: field.shape, data: field.data } as const;
  let bytes: Uint8Array = new Uint8Array();
  const compressSeconds = bestCpuSeconds(reps, () => void (bytes = compress(input, mode.config).bytes));
  const spec = { type: 'float64', shape: field.shape, config: mode.config } as const;
  // Like the C harness, decode into one output buffer allocated up front.
  const into = new Float64Array(field.data.length);
  const decompressSeconds = bestCpuSeconds(reps, () => void decompress(bytes, spec, { into }));
  const mb = field.data.byteLength / 1e6;
  return { compressMBs: mb / compressSeconds, decompressMBs: mb / decompressSeconds };
}

const SELF = fileURLToPath(import.meta.url);

/** Our figures in one fresh process, timing the row with timeOurs. */
function measureOurs(field: BenchField, mode: PeerMode, reps: number): Speeds {
  return inFreshProcesses<Speeds>(SELF, ['--row', field.name, mode.label, String(reps)], 1)[0]!;
}

/**
 * Both sides' best over `processes` rounds, each round one fresh process of ours then one libzfp
 * run: alternating, a stretch of heavy load on the shared machine falls on both sides' draws
 * alike (or on neither's best), not on one side's only run.
 */
function measureRow(field: BenchField, mode: PeerMode, reps: number, processes: number, peer: boolean): { ours: Figures; lib: Figures | undefined } {
  const ours: Speeds[] = [], lib: Figures[] = [];
  for (let i = 0; i < processes; i++) {
    ours.push(measureOurs(field, mode, reps));
    if (peer) lib.push(measureLibzfp(field, mode, reps));
  }
  const bytes = compress({ type: 'float64', shape: field.shape, data: field.data }, mode.config).bytes;
  return { ours: { bytes, ...bestOf(ours) }, lib: peer ? { bytes: lib[0]!.bytes, ...bestOf(lib) } : undefined };
}

function bestOf(runs: readonly Speeds[]): Speeds {
  return { compressMBs: Math.max(...runs.map((r) => r.compressMBs)), decompressMBs: Math.max(...runs.map((r) => r.decompressMBs)) };
}

function measureLibzfp(field: BenchField, mode: PeerMode, reps: number): Figures {
  const run = runLibzfp(field.name, field.data, field.shape, mode.harness, reps);
  return { bytes: run.stream, compressMBs: run.compressMBs, decompressMBs: run.decompressMBs };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const cell = (value: number | string, width: number): string => String(value).padStart(width);
const fixed = (value: number): string => value.toFixed(1);

const FIELDS: readonly { readonly name: string; readonly shape: readonly number[] }[] = [
  { name: 'smooth3d-128', shape: [128, 128, 128] },
  { name: 'smooth2d-1024', shape: [1024, 1024] },
];

/** Child process: time one row and print its speeds as JSON. */
function timeRow(fieldName: string, modeLabel: string, reps: number): void {
  const spec = FIELDS.find((f) => f.name === fieldName);
  const mode = MODES.find((m) => m.label === modeLabel);
  if (!spec || !mode) throw new Error(`unknown row ${fieldName} / ${modeLabel}`);
  console.log(JSON.stringify(timeOurs({ ...spec, data: smoothField(spec.shape) }, mode, reps)));
}

function main(): void {
  const reps = positiveInteger(process.argv[2], 5, 'reps');
  const processes = positiveInteger(process.argv[3], 3, 'processes');
  const only = process.argv[4];
  const chosen = FIELDS.filter((f) => only === undefined || f.name === only);
  if (chosen.length === 0) throw new Error(`unknown field "${only}": expected one of ${FIELDS.map((f) => f.name).join(', ')}`);
  const missing = buildLibzfpHarness();
  if (missing !== undefined) console.log(`libzfp peer skipped: ${missing}; printing our figures only.`);
  const fields: BenchField[] = chosen.map((f) => ({ ...f, data: smoothField(f.shape) }));

  console.log(`float64, best of ${reps} after one warm-up, best over ${processes} rounds (a fresh process of ours, then a libzfp run); MB/s = uncompressed MB (1e6 bytes) per second of process CPU time`);
  const header = ['field', 'mode', 'ratio', 'ours C', 'zfp C', 'C o/z', 'ours D', 'zfp D', 'D o/z', 'same bytes'];
  const widths = [14, 14, 7, 8, 8, 6, 8, 8, 6, 10];
  const print = (cells: (number | string)[]): void => console.log(cells.map((c, i) => cell(c, widths[i]!)).join(' '));
  print(header);
  let mismatches = 0;
  for (const field of fields) {
    for (const mode of MODES) {
      const { ours, lib } = measureRow(field, mode, reps, processes, missing === undefined);
      const ratio = (field.data.byteLength / ours.bytes.length).toFixed(2);
      if (lib === undefined) {
        print([field.name, mode.label, ratio, fixed(ours.compressMBs), '-', '-', fixed(ours.decompressMBs), '-', '-', '-']);
        continue;
      }
      const same = sameBytes(ours.bytes, lib.bytes);
      if (!same) mismatches++;
      print([
        field.name, mode.label, ratio,
        fixed(ours.compressMBs), fixed(lib.compressMBs), (ours.compressMBs / lib.compressMBs).toFixed(2),
        fixed(ours.decompressMBs), fixed(lib.decompressMBs), (ours.decompressMBs / lib.decompressMBs).toFixed(2),
        same ? 'yes' : 'NO',
      ]);
    }
  }
  if (mismatches > 0) {
    console.log(`${mismatches} row(s) where our compressed bytes differ from libzfp's`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--row') timeRow(process.argv[3]!, process.argv[4]!, positiveInteger(process.argv[5], 5, 'reps'));
else main();
