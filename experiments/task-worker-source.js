// The worker entry when the pool runs from the TypeScript sources (tests, tsx): a worker thread
// starts without the loader of the thread that made it, so this registers tsx's before loading.
import { register } from 'tsx/esm/api';

register();
const { default: runTask } = await import('./task-worker.ts');
export default runTask;
