/** The `zfpwb` command-line program. */
import { Command } from 'commander';
import { addBenchCommand } from './bench.ts';
import { addChooseCommand } from './choose.ts';
import { addExperimentCommand } from './experiment.ts';
import { addReportCommand } from './report.ts';
import { addValidateCommand } from './validate.ts';
import { runZfpTool } from './zfp-tool.ts';

export function buildProgram(): Command {
  // Positional options keep zfpwb's own options from swallowing the subcommand's (-h, -d, …).
  const program = new Command('zfpwb')
    .description('workbench for the numerical stability of inline ZFP compression')
    .enablePositionalOptions();
  program
    .command('zfp')
    .description("compress/decompress like zfp 1.0's command-line tool (same options and output)")
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .argument('[args...]', "zfp's options, e.g. -d -2 64 64 -p 16 -i in.raw -z out.zfp")
    .action((args: string[]) => {
      process.exitCode = runZfpTool(args);
    });
  addExperimentCommand(program);
  addValidateCommand(program);
  addChooseCommand(program);
  addReportCommand(program);
  addBenchCommand(program);
  return program;
}

export async function runMain(argv: readonly string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync([...argv]);
}
