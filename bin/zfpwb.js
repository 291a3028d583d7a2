#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx compiles them on import.
import { register } from 'tsx/esm/api';

register();
const { runMain } = await import('../src/cli/main.ts');
await runMain(process.argv);
