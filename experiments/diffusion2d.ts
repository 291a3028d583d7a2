import { DEFAULT_SWEEP, QUICK_SWEEP } from './configs.ts';
import { simulationExperiment, type SimulationDefaults } from './simulation.ts';

/** Solver sizes are the solver's own (docs/experiments.md): N = 64, r = 0.2, 400 steps; quick N = 32, 100 steps. */
export const defaults: SimulationDefaults = {
  full: { params: {}, sweep: DEFAULT_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
  quick: { params: {}, sweep: QUICK_SWEEP, referenceDigits: 21, maxRecorded: 1000 },
};

export const experiment = simulationExperiment({
  name: 'diffusion2d',
  title: '2D diffusion, FTCS (Fox et al. 2020, Figure 4)',
  description: 'Heat equation on the periodic unit square from a near point source. Theorem 3.3 with L = 1 bounds the error inline compression adds. As the source spreads, the ratio of fixed accuracy drops sharply and then levels off, while that of fixed precision rises as the solution smooths.',
  defaults,
});
