/**
 * A problem file's compiled stencil against the built-in diffusion2d at 256², 200 inline steps at
 * precision 24 (load → step → store), and the bare double step alone. The two sides alternate in
 * rounds within one process; each keeps its best. Target: the file ≤ 1.10 × the built-in.
 *
 *   npx tsx bench/user-stencil.ts [rounds]      (default 5)
 */
import { readFileSync } from 'node:fs';
import { kindOf } from '../src/analysis/representation-kind.ts';
import { diffusion2d } from '../solvers/diffusion2d.ts';
import type { Problem } from '../solvers/problem.ts';
import { problemFromFile } from '../solvers/user/problem-file.ts';
import { positiveInteger } from './measure.ts';

const N = 256;
const STEPS = 200;
const rounds = positiveInteger(process.argv[2], 5, 'rounds');

const document = JSON.parse(readFileSync(new URL('../examples/problems/diffusion2d.json', import.meta.url), 'utf8'));
const mine = await problemFromFile({ ...document, shape: [N, N] });
const builtin = diffusion2d.create({ ...diffusion2d.defaults, n: N });

function inline(problem: Problem): number {
  const representation = kindOf({ mode: 'precision', precision: 24 }).create(problem.shape);
  const state = new Float64Array(N * N);
  const loaded = new Float64Array(N * N);
  problem.initial(state);
  representation.store(state);
  const start = performance.now();
  for (let k = 0; k < STEPS; k++) {
    representation.load(loaded);
    problem.step(loaded, state);
    representation.store(state);
  }
  return (performance.now() - start) / STEPS;
}

function bare(problem: Problem): number {
  let u = new Float64Array(N * N);
  let v = new Float64Array(N * N);
  problem.initial(u);
  const start = performance.now();
  for (let k = 0; k < STEPS; k++) {
    problem.step(u, v);
    [u, v] = [v, u];
  }
  return (performance.now() - start) / STEPS;
}

const best = { inlineMine: Infinity, inlineBuiltin: Infinity, bareMine: Infinity, bareBuiltin: Infinity };
for (let r = 0; r < rounds; r++) {
  best.inlineBuiltin = Math.min(best.inlineBuiltin, inline(builtin));
  best.inlineMine = Math.min(best.inlineMine, inline(mine));
  best.bareBuiltin = Math.min(best.bareBuiltin, bare(builtin));
  best.bareMine = Math.min(best.bareMine, bare(mine));
}
const ms = (x: number): string => x.toFixed(3);
console.log(`${N}², ${STEPS} steps, best of ${rounds} alternating rounds (ms per step)`);
console.log(`inline, precision 24:  file ${ms(best.inlineMine)}  built-in ${ms(best.inlineBuiltin)}  ratio ${(best.inlineMine / best.inlineBuiltin).toFixed(3)}`);
console.log(`double step alone:     file ${ms(best.bareMine)}  built-in ${ms(best.bareBuiltin)}  ratio ${(best.bareMine / best.bareBuiltin).toFixed(3)}`);
