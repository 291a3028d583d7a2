import { DEFAULT_SWEEP, QUICK_SWEEP } from './configs.ts';
import { simulationExperiment, type SimulationDefaults } from './simulation.ts';

/** N = 90 (partial ZFP blocks), CFL 0.8, 225 steps (two periods); quick N = 30, 75 steps. */
export const defaults: SimulationDefaults = {
  full: { params: {}, sweep: DEFAULT_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
  quick: { params: {}, sweep: QUICK_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
};

export const experiment = simulationExperiment({
  name: 'advection1d',
  title: '1D advection, Lax–Wendroff (Fox et al. 2020, Figures 6 and 8a)',
  description: 'A sine wave carried twice around a periodic interval. The Lipschitz constant exceeds 1, so Theorem 3.3 grows geometrically; Theorem 3.12 with the exact ‖Aⁿ‖∞ stays useful.',
  defaults,
});
