/** The program around the commands: version, help, exit codes, one-line errors, --debug. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { experimentNames } from '../../experiments/index.ts';
import { problems } from '../../solvers/index.ts';
import { CliUsageError, CommandFailure, EXIT_BAD_INPUT, EXIT_OK, reportFailure } from '../../src/cli/errors.ts';
import { buildProgram, packageVersion } from '../../src/cli/main.ts';
import { MIN_GRID } from '../../src/analysis/problem-setup.ts';
import { solverChoice, solverParamsHelp } from '../../src/cli/solver-options.ts';
import { ZfpParameterError } from '../../src/zfp/errors.ts';
import { zfpwb } from './zfpwb.ts';

const dir = mkdtempSync(join(tmpdir(), 'zfpwb-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captured(): { stream: { write(text: string): boolean }; text: () => string } {
  let text = '';
  return { stream: { write: (t: string) => ((text += t), true) }, text: () => text };
}

describe('zfpwb --version and --help', () => {
  it('--version prints the package version', () => {
    const r = zfpwb(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version);
    expect(packageVersion()).toBe(r.out.trim());
  });

  it('every option that takes a value and is not required states its default', () => {
    const silent: string[] = [];
    for (const command of buildProgram().commands) {
      const help = command.createHelp();
      for (const option of command.options) {
        if (option.mandatory || !(option.required || option.optional)) continue;
        if (!/default/.test(help.optionDescription(option))) silent.push(`${command.name()} ${option.flags}`);
      }
    }
    expect(silent).toEqual([]);
  });

  it('validate --help lists every solver parameter --set takes, with its default, and the exit codes', () => {
    const r = zfpwb(['validate', '--help']);
    expect(r.code).toBe(0);
    for (const [name, definition] of Object.entries(problems)) {
      const numeric = Object.entries(definition.defaults).filter(([, v]) => typeof v === 'number');
      expect(r.out).toMatch(new RegExp(`^  ${name} +${numeric.map(([k, v]) => `${k}=${v}`).join(' ')}$`, 'm'));
    }
    expect(r.out).toMatch(/^ {2}1 {2}a check failed/m);
    expect(r.out).toMatch(/^ {2}2 {2}bad input/m);
    expect(solverParamsHelp()).toContain('cfl=0.8');
  });

  it('experiment lists exactly the experiments there are', () => {
    const experiment = buildProgram().commands.find((c) => c.name() === 'experiment')!;
    const listed = /\(([^)]*), or all\)/.exec(experiment.description())![1]!.split(', ');
    expect(listed).toEqual(experimentNames);
  });
});

describe('exit codes and one-line errors', () => {
  it.each([
    ['a missing required option', ['validate', '--solver', 'diffusion2d'], /required option '--mode <mode>'/],
    ['an unknown option', ['validate', '--solver', 'diffusion2d', '--mode', 'precision', '--param', '20', '--bogus'], /unknown option '--bogus'/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown reference arithmetic', ['validate', '--solver', 'diffusion2d', '--mode', 'precision', '--param', '20', '--reference', 'quad'], /--reference must be one of auto, decimal, double-double, none, got "quad"/],
    ['a grid too small for a ZFP block', ['validate', '--solver', 'advection1d', '--mode', 'rate', '--param', '8', '--grid', '3'], /at least 4 points per side/],
    ['solver options on an experiment without a solver', ['experiment', 'precision-contours', '--mode', 'precision', '--param', '20'], /apply to the solver experiments, not to precision-contours/],
  ])('%s exits 2 with one line', (_what, args, message) => {
    const r = zfpwb(args);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('--debug adds the stack trace', () => {
    const r = zfpwb(['validate', '--solver', 'heat4d', '--mode', 'precision', '--param', '20', '--debug']);
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err.split('\n')[0]).toMatch(/^zfpwb validate: unknown solver "heat4d"/);
    expect(r.err).toMatch(/\n\s+at /);
  });

  it('reportFailure: commander help exits 0, its errors 2; an unexpected error hints at --debug', () => {
    expect(reportFailure(new CommanderError(0, 'commander.helpDisplayed', ''), false)).toBe(EXIT_OK);
    expect(reportFailure(new CommanderError(1, 'commander.unknownOption', ''), false)).toBe(EXIT_BAD_INPUT);
    const user = captured();
    expect(reportFailure(new CommandFailure('zfp', new ZfpParameterError('precision must be 1..64')), false, user.stream)).toBe(EXIT_BAD_INPUT);
    expect(user.text()).toBe('zfpwb zfp: precision must be 1..64\n');
    const internal = captured();
    reportFailure(new CommandFailure('report', new TypeError('x is undefined\nsecond line')), false, internal.stream);
    expect(internal.text()).toBe('zfpwb report: x is undefined (an internal error: run again with --debug for its stack trace)\n');
  });
});

describe('grids too small for the stencil', () => {
  it(`refuses n < ${MIN_GRID} whether it comes from --grid or --set`, () => {
    expect(() => solverChoice('diffusion2d', { grid: '3' })).toThrow(CliUsageError);
    expect(() => solverChoice('gauss-seidel', { set: ['n=1'] })).toThrow(/at least 4 points per side/);
    expect(solverChoice('diffusion2d', { grid: String(MIN_GRID) }).params['n']).toBe(MIN_GRID);
  });
});

describe('experiment NAME with --mode/--param/--grid/--steps', () => {
  it('reports exactly the configuration validate checks, and prints a line per finished run off a terminal', () => {
    const options = ['--mode', 'precision', '--param', '20', '--grid', '16', '--steps', '20', '--reference', 'double-double'];
    const e = zfpwb(['experiment', 'diffusion2d', ...options, '--inline', '--out', dir]);
    expect(e.code).toBe(0);
    expect(e.err).toMatch(/^diffusion2d: 1\/2 runs done\ndiffusion2d: 2\/2 runs done\n$/);
    const report = JSON.parse(readFileSync(join(dir, 'diffusion2d.json'), 'utf8'));
    expect(report.params.solverParams).toMatchObject({ n: 16, steps: 20 });
    expect(report.runs).toHaveLength(1);
    const v = zfpwb(['validate', '--solver', 'diffusion2d', ...options, '--json']);
    expect(v.code).toBe(0);
    const validated = JSON.parse(v.out).runs[0];
    expect(report.runs[0].config).toEqual(validated.config);
    expect(report.runs[0].summary.maxZfpError).toBe(validated.summary.maxZfpError);
    expect(report.runs[0].summary.maxBound).toBe(validated.summary.maxBound);
    // Both name the reference they measured round-off against, and measured the same.
    expect(report.params.reference).toBe('double-double');
    expect(JSON.parse(v.out).reference).toBe('double-double');
    const roundoff = (run: { steps: { roundoffError: number | null }[] }) => run.steps.map((s) => s.roundoffError);
    expect(roundoff(validated).some((r) => r! > 0)).toBe(true);
    expect(roundoff(report.runs[0])).toEqual(roundoff(validated));
  });
});
