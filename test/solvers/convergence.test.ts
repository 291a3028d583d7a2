import { describe, expect, it } from 'vitest';
import { advection1d } from '../../solvers/advection1d.ts';
import { advection2d } from '../../solvers/advection2d.ts';
import { diffusion2d } from '../../solvers/diffusion2d.ts';
import { errorAfter } from './helpers.ts';

/** Errors on grids n, 2n, 4n at one final time must fall by a factor near 4 per halving of h. */
function expectSecondOrder(errors: number[]): void {
  const ratios = errors.slice(1).map((e, i) => errors[i]! / e);
  for (const q of ratios) expect(Math.abs(q - 4), `errors ${errors}, ratios ${ratios}`).toBeLessThan(0.4);
}

describe('second-order convergence at fixed final time', () => {
  it('FTCS diffusion in 2D (periodic and Dirichlet): halving h divides the error by about 4', () => {
    for (const boundary of ['periodic', 'dirichlet'] as const) {
      // Fixed r makes Δt ∝ h², so the step count grows 4× per halving; t0 = 0.01 resolves the kernel.
      const errors = [16, 32, 64].map((n, i) =>
        errorAfter(diffusion2d.create({ ...diffusion2d.defaults, n, t0: 0.01, boundary }), 10 * 4 ** i),
      );
      expectSecondOrder(errors);
    }
  });

  it('Lax–Wendroff advection in 1D', () => {
    // ν fixed, so Δt ∝ h: final time 1 (one period).
    const errors = [20, 40, 80].map((n) => errorAfter(advection1d.create({ ...advection1d.defaults, n }), (n / 0.8) | 0));
    expectSecondOrder(errors);
  });

  it('two-step Lax–Wendroff advection in 2D', () => {
    // Final time 0.25 with ν = 0.4: n/1.6 steps.
    const errors = [16, 32, 64].map((n) => errorAfter(advection2d.create({ ...advection2d.defaults, n }), n / 1.6));
    expectSecondOrder(errors);
  });
});
