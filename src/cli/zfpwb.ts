/** The `zfpwb` program itself; bin/zfpwb.js runs its compiled form from dist/. */
import { runMain } from './main.ts';

// A reader that stops early (`zfpwb --help | head`) closes the pipe: that ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

await runMain(process.argv);
