import { DEFAULT_SWEEP, QUICK_SWEEP } from './configs.ts';
import { simulationExperiment, type SimulationDefaults } from './simulation.ts';

/** N = 32, r = 1/8, 200 steps; quick N = 16, 50 steps. */
export const defaults: SimulationDefaults = {
  full: { params: {}, sweep: DEFAULT_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
  quick: { params: {}, sweep: QUICK_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
};

export const experiment = simulationExperiment({
  name: 'diffusion3d',
  title: '3D diffusion, FTCS (Fox et al. 2020, Figure 5)',
  description: 'The same in three dimensions: ZFP compresses 3D blocks better than 2D ones.',
  defaults,
});
