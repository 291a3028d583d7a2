/**
 * Cost of a step of diffusion2d at 512²: the plain double step, the inline-compressed step
 * (decompress → step → recompress) at fixed precision 24 and fixed rate 16, and libzfp's time
 * to decompress and compress the same field once, measured in the same run. Target:
 * inline step ≤ 1.5 × (libzfp decompress + compress) + double step; and a peer step in C++, zfp 1.0's
 * const_array2d used as zfp's examples/diffusion uses it (bench/libzfp-diffusion.cpp), printed as
 * ours / peer. Also the cost of a step
 * of the reference run: decimal.js (one step), and double-double against the double step in
 * alternating rounds (target: ≤ 30 × the double step). All in process CPU time, ours and the peers'.
 * Steps are timed in fresh processes, one inline mode per process as in a simulation (see
 * inFreshProcesses), in rounds that alternate with libzfp runs; each side keeps its best, and
 * the spread over our processes is printed beside it. `--reference` times the reference run only.
 *
 *   npx tsx bench/solvers.ts [reps] [processes]      (defaults 3 and 3)
 *   npx tsx bench/solvers.ts --reference [reps] [rounds]
 */
import { fileURLToPath } from 'node:url';
import { InlineField } from '../src/array/index.ts';
import { decimalArithmetic, type Arithmetic } from '../src/reference/arithmetic.ts';
import { doubleDoubleArithmetic } from '../src/reference/double-double.ts';
import { diffusion2d } from '../solvers/diffusion2d.ts';
import { referenceStepIn, type Problem } from '../solvers/problem.ts';
import { buildLibzfpHarness, runLibzfp, type PeerMode } from './libzfp.ts';
import { buildDiffusionPeer, runDiffusionPeer, type DiffusionRun } from './libzfp-diffusion.ts';
import { bestCpuSeconds, inFreshProcesses, positiveInteger } from './measure.ts';

const N = 512;
const STEPS = 10;
/** libzfp's decompress + compress takes 15 ms: enough passes per process that its best is not a noisy draw. */
const LIBZFP_REPS = 20;
/** The peer's cache holds four rows of blocks, all the five-point stencil reads at a time (zfp's default thrashes at 512²). */
const PEER_CACHE_BLOCKS = N;

const MODES: readonly PeerMode[] = [
  { label: 'precision 24', harness: 'precision=24', config: { mode: 'precision', precision: 24 } },
  { label: 'rate 16', harness: 'rate=16', config: { mode: 'rate', rate: 16 } },
];

const SELF = fileURLToPath(import.meta.url);

const ms = (seconds: number): string => (seconds * 1e3).toFixed(2);

function setUp(): { problem: Problem; initial: Float64Array } {
  const problem = diffusion2d.create({ ...diffusion2d.defaults, n: N });
  const initial = new Float64Array(N * N);
  problem.initial(initial);
  return { problem, initial };
}

/*
 * Every figure is process CPU time: on a machine shared with other work it leaves out the waits
 * for a core, which swing wall-clock ratios by 2× from one round to the next.
 */

/** CPU seconds per step of the plain double run. */
function timeDouble(problem: Problem, initial: Float64Array, reps: number): number {
  const a = initial.slice();
  const b = new Float64Array(a.length);
  return bestCpuSeconds(
    reps,
    () => {
      for (let k = 0; k < STEPS; k++) problem.step(k % 2 ? b : a, k % 2 ? a : b);
    },
    () => a.set(initial),
  ) / STEPS;
}

/** CPU seconds per reference step in `arithmetic`, best of `reps` after one warm-up step. */
function timeReference<T>(problem: Problem, initial: Float64Array, arithmetic: Arithmetic<T>, reps: number): number {
  let src = arithmetic.field(initial.length);
  let dst = arithmetic.field(initial.length);
  initial.forEach((x, i) => src.set(i, arithmetic.fromNumber(x)));
  const step = referenceStepIn(problem, arithmetic);
  return bestCpuSeconds(reps, () => {
    step(src, dst);
    [src, dst] = [dst, src];
  });
}

interface StepSeconds {
  readonly double: number;
  readonly inline: number;
}

/** Child process: seconds per double step and per inline step in one mode, as JSON. Compressing the initial state is set-up, not a step. */
function timeSteps(label: string, reps: number): void {
  const mode = MODES.find((m) => m.label === label);
  if (!mode) throw new Error(`unknown mode ${label}`);
  const { problem, initial } = setUp();
  const double = timeDouble(problem, initial, reps);
  const field = new InlineField(problem.shape, mode.config);
  const inline = bestCpuSeconds(
    reps,
    () => {
      for (let k = 0; k < STEPS; k++) field.step(problem.step);
    },
    () => field.start(initial),
  ) / STEPS;
  console.log(JSON.stringify({ double, inline } satisfies StepSeconds));
}

function main(): void {
  const reps = positiveInteger(process.argv[2], 3, 'reps');
  const processes = positiveInteger(process.argv[3], 3, 'processes');
  const { problem, initial } = setUp();
  const missing = buildLibzfpHarness();
  if (missing !== undefined) console.log(`libzfp peer skipped: ${missing}`);
  const peer = buildDiffusionPeer(initial);
  if ('missing' in peer) console.log(`C++ diffusion peer skipped: ${peer.missing}`);
  const peerRun: DiffusionRun = { n: N, r: diffusion2d.defaults.r, cacheBlocks: PEER_CACHE_BLOCKS, steps: STEPS, reps };

  // Rounds alternate one of our processes and one libzfp run, each side keeping its best: a burst
  // of noise on the machine spoils a round, not one side's figure.
  const rounds = MODES.map((mode) =>
    Array.from({ length: processes }, () => ({
      ours: inFreshProcesses<StepSeconds>(SELF, ['--steps', mode.label, String(reps)], 1)[0]!,
      lib: missing === undefined ? runLibzfp(`diffusion2d-${N}`, initial, problem.shape, mode.harness, LIBZFP_REPS) : undefined,
      peer: 'missing' in peer ? undefined : runDiffusionPeer(peer, mode.harness, peerRun),
    })),
  );
  // Every child times the double step too: its best is the fairest (and strictest) term of the target.
  const doubleStep = Math.min(...rounds.flat().map((r) => r.ours.double));

  console.log(`diffusion2d ${N}x${N}, float64; CPU seconds per step are best of ${reps}, averaged over ${STEPS} steps; best of ${processes} rounds of a fresh process of ours and a libzfp run (${LIBZFP_REPS} passes)`);
  console.log(`double step: ${ms(doubleStep)} ms`);
  MODES.forEach((mode, m) => {
    const inline = rounds[m]!.map((r) => r.ours.inline);
    const inlineStep = Math.min(...inline);
    let line = `inline ${mode.label}: ${ms(inlineStep)} ms per step (processes ${ms(inlineStep)}–${ms(Math.max(...inline))})`;
    const libs = rounds[m]!.flatMap((r) => (r.lib ? [r.lib] : []));
    if (libs.length > 0) {
      const mb = initial.byteLength / 1e6;
      const libCycle = mb / Math.max(...libs.map((l) => l.compressMBs)) + mb / Math.max(...libs.map((l) => l.decompressMBs));
      const budget = 1.5 * libCycle + doubleStep;
      line += `; libzfp decompress + compress ${ms(libCycle)} ms; target ≤ ${ms(budget)} ms: ${inlineStep <= budget ? 'met' : 'missed'} (inline / target ${(inlineStep / budget).toFixed(2)})`;
    }
    const peers = rounds[m]!.flatMap((r) => (r.peer === undefined ? [] : [r.peer]));
    if (peers.length > 0) {
      const peerStep = Math.min(...peers);
      line += `; C++ peer (zfp examples/diffusion -c usage) ${ms(peerStep)} ms per step: ours / peer ${(inlineStep / peerStep).toFixed(2)}`;
    }
    console.log(line);
  });

  reportReference(problem, initial, reps, processes);
}

/** The reference run: one decimal.js step (21 digits, half-even), and double-double against the double step in alternating rounds, in CPU time. */
function reportReference(problem: Problem, initial: Float64Array, reps: number, rounds: number): void {
  const decimal = timeReference(problem, initial, decimalArithmetic(), 1);
  const doubleStep = timeDouble(problem, initial, reps);
  console.log(`reference step, decimal.js (21 digits): ${ms(decimal)} ms (${((decimal / initial.length) * 1e6).toFixed(2)} µs per point, ${(decimal / doubleStep).toFixed(0)} × the double step)`);
  let doubleDouble = Infinity;
  let double = Infinity;
  for (let round = 0; round < rounds; round++) {
    doubleDouble = Math.min(doubleDouble, timeReference(problem, initial, doubleDoubleArithmetic(), reps));
    double = Math.min(double, timeDouble(problem, initial, reps));
  }
  const ratio = doubleDouble / double;
  console.log(
    `reference step, double-double: ${ms(doubleDouble)} ms (${((doubleDouble / initial.length) * 1e9).toFixed(0)} ns per point) against ${ms(double)} ms for the double step in the same rounds: ${ratio.toFixed(1)} × (target ≤ 30 ×: ${ratio <= 30 ? 'met' : 'missed'})`,
  );
}

if (process.argv[2] === '--steps') timeSteps(process.argv[3]!, positiveInteger(process.argv[4], 3, 'reps'));
else if (process.argv[2] === '--reference') {
  const { problem, initial } = setUp();
  console.log(`diffusion2d ${N}x${N}; CPU seconds per step, best of ${positiveInteger(process.argv[3], 3, 'reps')} reps (${STEPS} double steps a rep) and of the rounds`);
  reportReference(problem, initial, positiveInteger(process.argv[3], 3, 'reps'), positiveInteger(process.argv[4], 3, 'rounds'));
} else main();
