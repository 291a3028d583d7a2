#!/usr/bin/env node
// Runs the compiled CLI. dist/ is built by `npm run build` (npm start, npm test and npm pack build first).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/zfpwb.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('zfpwb: dist/ is missing; run `npm run build` in the package first\n');
  process.exit(2);
}
await import(entry.href);
