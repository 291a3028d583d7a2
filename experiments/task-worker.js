// Piscina worker entry. Plain JavaScript because a worker thread starts without the tsx loader
// that bin/zfpwb.js registered on the main thread; it registers its own, then loads the tasks.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./sweep-task.ts');
export default runTask;
