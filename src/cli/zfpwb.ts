/** The `zfpwb` program itself; bin/zfpwb.js runs its compiled form from dist/. */
import { runMain } from './main.ts';

await runMain(process.argv);
