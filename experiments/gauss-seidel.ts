import { DEFAULT_SWEEP, QUICK_SWEEP } from './configs.ts';
import { simulationExperiment, type SimulationDefaults } from './simulation.ts';

/** n = 256, r = 0.4, 40 sweeps; quick n = 30 (padded to 32), 30 sweeps. */
export const defaults: SimulationDefaults = {
  full: { params: {}, sweep: DEFAULT_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
  quick: { params: {}, sweep: QUICK_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
};

export const experiment = simulationExperiment({
  name: 'gauss-seidel',
  title: 'Block Gauss–Seidel with ZFP-aligned blocks (Fox et al. 2020, Theorem 3.16)',
  description: 'One backward-Euler step of 1D diffusion solved by block Gauss–Seidel, each 4-block recompressed right after its update; Theorem 3.16 bounds the error.',
  defaults,
});
