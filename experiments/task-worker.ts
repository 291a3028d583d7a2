/** Piscina worker entry: one sweep task per call. Runs compiled, from dist/. */
export { runTask as default } from './sweep-task.ts';
