import { DEFAULT_SWEEP, QUICK_SWEEP } from './configs.ts';
import { simulationExperiment, type SimulationDefaults } from './simulation.ts';

/** N = 90, CFL 0.4 per direction, 225 steps; quick N = 30, 75 steps. */
export const defaults: SimulationDefaults = {
  full: { params: {}, sweep: DEFAULT_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
  quick: { params: {}, sweep: QUICK_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
};

export const experiment = simulationExperiment({
  name: 'advection2d',
  title: '2D advection, two-step Lax–Wendroff (Fox et al. 2020, Figures 7 and 8b)',
  description: 'sin 2πx · sin 2πy carried diagonally across the periodic unit square, bounded by Theorem 3.12 with the exact ‖Aⁿ‖∞.',
  defaults,
});
