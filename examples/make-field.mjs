#!/usr/bin/env node
// Writes the example field the README's commands read: a smooth 64×64×64 float64 field, x fastest,
// as raw little-endian doubles (2 MiB), the layout zfp's -d -3 64 64 64 expects.
//   node examples/make-field.mjs [path]      (default examples/field.raw)
import { writeFileSync } from 'node:fs';

const n = 64;
const path = process.argv[2] ?? new URL('field.raw', import.meta.url).pathname;
const field = new Float64Array(n * n * n);
for (let z = 0, i = 0; z < n; z++)
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++, i++) field[i] = Math.sin(0.1 * x) * Math.cos(0.07 * y) + 0.5 * Math.exp(-((z - 32) ** 2) / 200);
writeFileSync(path, field);
console.log(`${path}: ${n}×${n}×${n} float64, ${field.byteLength} bytes`);
