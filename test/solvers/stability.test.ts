import { describe, expect, it } from 'vitest';
import { SolverParameterError, UnstableParametersError } from '../../solvers/errors.ts';
import { problems } from '../../solvers/index.ts';

describe('stability checks', () => {
  it.each([
    [() => problems.diffusion2d.create({ ...problems.diffusion2d.quick, r: 0.3 }), 'FTCS diffusion in 2D needs r = αΔt/h² ≤ 1/4, got 0.3'],
    [() => problems.diffusion3d.create({ ...problems.diffusion3d.quick, r: 0.17 }), 'FTCS diffusion in 3D needs r = αΔt/h² ≤ 1/6, got 0.17'],
    [() => problems.advection1d.create({ ...problems.advection1d.quick, cfl: 1.2 }), 'Lax–Wendroff advection in 1D needs CFL number ν = |a|Δt/h ≤ 1, got 1.2'],
    [() => problems.advection2d.create({ ...problems.advection2d.quick, cfl: 0.8 }), 'two-step Lax–Wendroff advection in 2D needs νx² + νy² ≤ 1 (ν = aΔt/h per direction), got 1.2800000000000002'],
    [() => problems['gauss-seidel'].create({ ...problems['gauss-seidel'].quick, r: 5 }), /block Gauss–Seidel needs block diagonal dominance .* for r = 5 block 0/],
  ])('refuses unstable parameters %#', (create, message) => {
    expect(create).toThrow(UnstableParametersError);
    expect(create).toThrow(message);
  });

  it('accepts the limits themselves and checks parameters without creating', () => {
    expect(() => problems.diffusion2d.create({ ...problems.diffusion2d.quick, r: 0.25 })).not.toThrow();
    expect(() => problems.diffusion3d.create({ ...problems.diffusion3d.quick, r: 1 / 6 })).not.toThrow();
    expect(() => problems.advection1d.create({ ...problems.advection1d.quick, cfl: 1 })).not.toThrow();
    expect(() => problems.advection2d.create({ ...problems.advection2d.quick, cfl: 0.7 })).not.toThrow();
    expect(() => problems.advection2d.checkStability({ ...problems.advection2d.quick, velocity: [1, 0], cfl: 1 })).not.toThrow();
    expect(() => problems.diffusion2d.checkStability({ ...problems.diffusion2d.quick, r: 0.26 })).toThrow(UnstableParametersError);
  });

  it('rejects malformed parameters with a parameter error', () => {
    expect(() => problems.diffusion2d.create({ ...problems.diffusion2d.quick, n: 10.5 })).toThrow(SolverParameterError);
    expect(() => problems.advection1d.create({ ...problems.advection1d.quick, velocity: 0 })).toThrow(SolverParameterError);
    expect(() => problems.advection1d.create({ ...problems.advection1d.quick, steps: -1 })).toThrow(SolverParameterError);
    expect(() => problems.diffusion2d.create({ ...problems.diffusion2d.quick, r: -0.1 })).toThrow(SolverParameterError);
  });
});
