/**
 * Cost of a step of diffusion2d at 512²: the plain double step, the inline-compressed step
 * (decompress → step → recompress) at fixed precision 24 and fixed rate 16, and libzfp's time
 * to decompress and compress the same field once, measured in the same run. Target:
 * inline step ≤ 1.5 × (libzfp decompress + compress) + double step. Also the cost of a step
 * of the decimal.js reference run.
 *
 *   npx tsx bench/solvers.ts [reps]      (default 3)
 */
import { InlineField } from '../src/array/index.ts';
import { decimalArithmetic } from '../src/reference/arithmetic.ts';
import { diffusion2d } from '../solvers/diffusion2d.ts';
import { buildLibzfpHarness, runLibzfp, type PeerMode } from './libzfp.ts';
import { bestSeconds, positiveInteger } from './measure.ts';

const N = 512;
const STEPS = 10;

const MODES: readonly PeerMode[] = [
  { label: 'precision 24', harness: 'precision=24', config: { mode: 'precision', precision: 24 } },
  { label: 'rate 16', harness: 'rate=16', config: { mode: 'rate', rate: 16 } },
];

const ms = (seconds: number): string => (seconds * 1e3).toFixed(2);

function main(): void {
  const reps = positiveInteger(process.argv[2], 3, 'reps');
  const problem = diffusion2d.create({ ...diffusion2d.defaults, n: N });
  const initial = new Float64Array(N * N);
  problem.initial(initial);

  // The field after a few steps is what a running simulation compresses.
  const a = initial.slice();
  const b = new Float64Array(a.length);
  const doubleStep = bestSeconds(
    reps,
    () => {
      for (let k = 0; k < STEPS; k++) problem.step(k % 2 ? b : a, k % 2 ? a : b);
    },
    () => a.set(initial),
  ) / STEPS;

  const missing = buildLibzfpHarness();
  if (missing !== undefined) console.log(`libzfp peer skipped: ${missing}`);
  console.log(`diffusion2d ${N}x${N}, float64; seconds per step are best of ${reps}, averaged over ${STEPS} steps`);
  console.log(`double step: ${ms(doubleStep)} ms`);
  for (const mode of MODES) {
    const field = new InlineField(problem.shape, mode.config);
    // Compressing the initial state is set-up, not a step.
    const inlineStep = bestSeconds(
      reps,
      () => {
        for (let k = 0; k < STEPS; k++) field.step(problem.step);
      },
      () => field.start(initial),
    ) / STEPS;
    let line = `inline ${mode.label}: ${ms(inlineStep)} ms per step`;
    if (missing === undefined) {
      const lib = runLibzfp(`diffusion2d-${N}`, initial, problem.shape, mode.harness, reps);
      const mb = initial.byteLength / 1e6;
      const libCycle = mb / lib.compressMBs + mb / lib.decompressMBs;
      const budget = 1.5 * libCycle + doubleStep;
      line += `; libzfp decompress + compress ${ms(libCycle)} ms; target ≤ ${ms(budget)} ms: ${inlineStep <= budget ? 'met' : 'missed'} (inline / target ${(inlineStep / budget).toFixed(2)})`;
    }
    console.log(line);
  }

  // The reference run: one decimal.js step (21 digits, half-even) over the whole field.
  const arithmetic = decimalArithmetic();
  const step = problem.referenceStep(arithmetic);
  const src = Array.from(initial, (x) => arithmetic.fromNumber(x));
  const dst = src.slice();
  const start = performance.now();
  step(src, dst);
  const referenceStep = (performance.now() - start) / 1e3;
  console.log(`reference step (decimal.js, 21 digits): ${ms(referenceStep)} ms (${((referenceStep / initial.length) * 1e6).toFixed(2)} µs per point)`);
}

main();
