/**
 * The `zfpwb` command-line program. Command modules load their heavy dependencies (solvers,
 * theorems, reports) inside their actions, so `--help` and `zfpwb zfp` start without them.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { addBenchCommand } from './bench.ts';
import { addChooseCommand } from './choose-command.ts';
import { EXIT_BAD_INPUT, EXIT_FAILED_CHECK, EXIT_OK, reportFailure } from './errors.ts';
import { addExperimentCommand } from './experiment.ts';
import { addReportCommand } from './report.ts';
import { addValidateCommand } from './validate.ts';

/** The version in the package's own package.json: the first one up from this file (src/cli or dist/src/cli). */
export function packageVersion(): string {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'zfp-workbench' && manifest.version) return manifest.version;
    } catch {
      // no package.json at this level: keep climbing
    }
  }
  return 'unknown';
}

const EXIT_CODES = `
Exit codes:
  ${EXIT_OK}  done, and every check the command ran passed
  ${EXIT_FAILED_CHECK}  a check failed: a bound broken (validate, experiment) or no feasible setting (choose)
  ${EXIT_BAD_INPUT}  bad input (unknown option, missing or invalid value, unreadable file) or any other error,
     reported in one line (add --debug for the stack trace)
  zfpwb zfp and zfpwb sz keep zfp's own codes: 0 on success, 1 on any error.`;

export function buildProgram(): Command {
  // Positional options keep zfpwb's own options from swallowing the subcommand's (-h, -d, …).
  const program = new Command('zfpwb')
    .description('workbench for the numerical stability of inline ZFP compression')
    .version(packageVersion(), '-V, --version', 'print the version')
    .enablePositionalOptions()
    // Commander's own errors (unknown option, missing value) become exit code 2 in runMain, not its exit(1).
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`zfpwb: ${text.replace(/^error: /, '')}`) })
    .addHelpText('after', EXIT_CODES);
  program
    .command('zfp')
    .description("compress/decompress like zfp 1.0's command-line tool (same options, output and exit codes); zfpwb zfp --help for its usage")
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .argument('[args...]', "zfp's options, e.g. -d -2 64 64 -p 16 -i in.raw -z out.zfp")
    .action(async (args: string[]) => {
      process.exitCode = (await import('./zfp-tool.ts')).runZfpTool(args);
    });
  program
    .command('sz')
    .description('compress/decompress with the SZ-style error-bounded codec, in the style of zfp\'s tool; zfpwb sz --help for its usage')
    .helpOption(false)
    .allowUnknownOption()
    .passThroughOptions()
    .argument('[args...]', 'e.g. -d -2 64 64 -a 1e-6 -i in.raw -z out.sz; -z out.sz -o back.raw')
    .action(async (args: string[]) => {
      process.exitCode = (await import('./sz-tool.ts')).runSzTool(args);
    });
  addExperimentCommand(program);
  addValidateCommand(program);
  addChooseCommand(program);
  addReportCommand(program);
  addBenchCommand(program);
  for (const command of program.commands) {
    if (command.name() === 'zfp' || command.name() === 'sz') continue;
    command.option('--debug', 'on an error, print its stack trace too').addHelpText('after', EXIT_CODES);
  }
  return program;
}

export async function runMain(argv: readonly string[] = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    // --debug is read from the raw arguments: an error may come before commander has parsed them.
    process.exitCode = reportFailure(error, argv.includes('--debug'));
  }
}
