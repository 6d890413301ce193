// The command line: global options, the default wizard command and the non-interactive subcommands.
// Subcommand modules are imported only when their command runs, and nothing here imports ink or
// React: the wizard's environment (FORCE_COLOR, NODE_ENV) must be set before ink is first loaded.
import { Command, Option } from 'commander';
import { PHASES } from '../../state/model.js';
import { EXIT, UsageError } from './exit-codes.js';
import { registerPreparationCommands } from './preparation-commands.js';
import { resolveStateDir } from './state-dir.js';

export interface GlobalOptions {
  stateDir?: string;
  color: boolean;
  ascii?: boolean;
  demo?: boolean;
  debug?: boolean;
  graphUrl?: string;
}

export interface ProgramIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdinIsTty: boolean;
  stdoutIsTty: boolean;
  now: () => Date;
}

/** Builds the program; the chosen action stores its exit code in `result.code`. */
export function buildProgram(version: string, io: ProgramIo, result: { code: number }): Command {
  const program = new Command('mfa-migrate');
  program
    .description('Guides the move from on-premises Azure MFA Server to Microsoft Entra ID MFA.')
    .version(version, '-V, --version', 'print the program version')
    .helpOption('-h, --help', 'show help')
    .option(
      '--state-dir <dir>',
      'folder with the wizard state (default: $MFA_MIGRATE_HOME or the config folder)',
    )
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .option('--ascii', 'ASCII borders and glyphs only')
    .option('--demo', 'use the built-in demo tenant (no real tenant needed)')
    .option('--graph-url <url>', "Graph endpoint (default: the cloud's; also MFA_MIGRATE_GRAPH_URL)")
    .option('--debug', 'print stack traces of unexpected errors')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run mfa-migrate --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      [
        '',
        'Without a command, opens the full-screen wizard on the last migration (needs a terminal).',
        'Exit codes: 0 ok, 1 runtime or state error, 2 usage error, 3 verification incomplete.',
      ].join('\n'),
    )
    .helpCommand(true)
    // a stray word is most likely a mistyped command: say so rather than "too many arguments"
    .allowExcessArguments(true)
    .action(async () => {
      const [stray] = program.args;
      if (stray !== undefined) {
        throw new UsageError(
          `Unknown command "${stray}". Commands: ${program.commands.map((c) => c.name()).join(', ')}, help (see mfa-migrate --help).`,
        );
      }
      const g = program.opts<GlobalOptions>();
      const { runWizardCommand, checkGraphUrl } = await import('./wizard-command.js');
      // a bad endpoint is a usage error (exit 2) before anything opens
      const graphBaseUrl = checkGraphUrl(g.graphUrl, io.env);
      result.code = await runWizardCommand({
        ...(graphBaseUrl === undefined ? {} : { graphBaseUrl }),
        stateDir: resolveStateDir(g.stateDir, io.env),
        programVersion: version,
        color: g.color && !(io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== ''),
        ascii: g.ascii === true,
        demo: g.demo === true,
        interactive: io.stdinIsTty && io.stdoutIsTty,
        env: io.env,
        stderr: io.stderr,
      });
    });

  program
    .command('status')
    .allowExcessArguments(false)
    .description('where each migration stands: current step, progress per phase, open items, blocks')
    .option('--json', 'print JSON (for scripts)', false)
    .option('--migration <name|id>', 'only this migration')
    .action(async (opts: { json: boolean; migration?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { runStatus } = await import('./status-command.js');
      result.code = runStatus({
        stateDir: resolveStateDir(g.stateDir, io.env),
        programVersion: version,
        json: opts.json,
        now: io.now(),
        ...(opts.migration === undefined ? {} : { migration: opts.migration }),
        out: io.stdout,
      });
    });

  program
    .command('report')
    .allowExcessArguments(false)
    .description('the change-board report of a migration: what was checked, by whom, when, what is open')
    .addOption(new Option('--format <format>', 'md (Markdown), json or html').default('md'))
    .option('--phase <phase>', `only one phase: ${PHASES.join(', ')}`)
    .option('--migration <name|id>', 'which migration (default: the last one opened)')
    .option('--out <file>', 'write to this file (or into this folder) instead of stdout')
    .option('--show-phone-numbers', 'do not mask phone numbers in notes and evidence', false)
    .action(
      async (
        opts: { format: string; phase?: string; migration?: string; out?: string; showPhoneNumbers: boolean },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        const { runReport } = await import('./report-command.js');
        result.code = await runReport({
          stateDir: resolveStateDir(g.stateDir, io.env),
          programVersion: version,
          format: opts.format,
          ...(opts.phase === undefined ? {} : { phase: opts.phase }),
          ...(opts.migration === undefined ? {} : { migration: opts.migration }),
          ...(opts.out === undefined ? {} : { out: opts.out }),
          showPhoneNumbers: opts.showPhoneNumbers,
          now: io.now(),
          stdout: io.stdout,
          stderr: io.stderr,
        });
      },
    );

  registerPreparationCommands(program, version, io, result);

  program
    .command('verify')
    .allowExcessArguments(false)
    .description(
      "verify a wave's users in Entra (live methods), for a scheduled task; exit 3 when not all migrated",
    )
    .requiredOption('--wave <name|id>', 'which wave')
    .option('--migration <name|id>', 'which migration (default: the last one opened)')
    .option('--json', 'print JSON (for scripts)', false)
    .option('--graph-url <url>', "Graph endpoint (default: the cloud's; also MFA_MIGRATE_GRAPH_URL)")
    .option('--refresh-members', "list the migration group's members again (membership changed)", false)
    .action(
      async (
        opts: { wave: string; migration?: string; json: boolean; graphUrl?: string; refreshMembers: boolean },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        const { runVerify } = await import('./verify-command.js');
        // Ctrl+C stops after the batches in flight; the next run continues from there
        const abort = new AbortController();
        const onSigint = (): void => abort.abort();
        process.once('SIGINT', onSigint);
        try {
          result.code = await runVerify({
            stateDir: resolveStateDir(g.stateDir, io.env),
            programVersion: version,
            wave: opts.wave,
            ...(opts.migration === undefined ? {} : { migration: opts.migration }),
            json: opts.json,
            ...((opts.graphUrl ?? g.graphUrl) === undefined ? {} : { graphUrl: opts.graphUrl ?? g.graphUrl }),
            refreshMembers: opts.refreshMembers,
            env: io.env,
            stdout: io.stdout,
            stderr: io.stderr,
            now: io.now,
            signal: abort.signal,
          });
        } finally {
          process.off('SIGINT', onSigint);
        }
      },
    );

  program
    .command('emulator')
    .allowExcessArguments(false)
    .description('run the built-in demo tenant (a Graph emulator on 127.0.0.1) until Ctrl+C')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--users <n>', 'users in the demo tenant, 10 to 500000 (default 200)')
    .option('--seed <n>', 'seed of the generated tenant (default 1)')
    .option('--faults <spec>', 'inject faults, e.g. throttle=N,503=N,latency=MS')
    .action(async (opts: { port?: string; users?: string; seed?: string; faults?: string }) => {
      const { runEmulatorCommand } = await import('./emulator-command.js');
      result.code = await runEmulatorCommand({ ...opts, stdout: io.stdout });
    });

  result.code = EXIT.ok;
  return program;
}
