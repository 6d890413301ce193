// The Preparations subcommands (probe-script, import-probe, backup, inventory export|import), registered
// on the program by one call from program.ts. Their modules load only when the command runs.
import type { Command } from 'commander';
import type { GlobalOptions, ProgramIo } from './program.js';
import { resolveStateDir } from './state-dir.js';

export function registerPreparationCommands(
  program: Command,
  version: string,
  io: ProgramIo,
  result: { code: number },
): void {
  const common = (cmd: Command) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    return { stateDir: resolveStateDir(g.stateDir, io.env), programVersion: version, now: io.now };
  };
  const migrationOpt = (m: string | undefined) => (m === undefined ? {} : { migration: m });

  program
    .command('probe-script')
    .allowExcessArguments(false)
    .description('print (or save) the read-only PowerShell probe to run on each MFA Server')
    .option('--out <file>', 'save it to this file instead of printing it')
    .action(async (opts: { out?: string }) => {
      const { runProbeScript } = await import('./probe-command.js');
      result.code = runProbeScript({
        ...(opts.out === undefined ? {} : { out: opts.out }),
        stdout: io.stdout,
        stderr: io.stderr,
      });
    });

  program
    .command('import-probe')
    .allowExcessArguments(false)
    .argument('<file>', 'what the probe printed (a file, or - for stdin)')
    .description('validate a probe output and record it as evidence on steps 1-4')
    .option('--migration <name|id>', 'which migration (default: the last one opened)')
    .option('--json', 'print JSON (for scripts)', false)
    .action(async (file: string, opts: { migration?: string; json: boolean }, cmd: Command) => {
      const { runImportProbe } = await import('./probe-command.js');
      result.code = await runImportProbe({
        ...common(cmd),
        file,
        json: opts.json,
        ...migrationOpt(opts.migration),
        stdout: io.stdout,
      });
    });

  program
    .command('backup')
    .allowExcessArguments(false)
    .description('copy the MFA Server Data folder, verify it by SHA-256 and record it on step 2')
    .requiredOption('--source <dir>', 'the MFA Server Data folder (holds PhoneFactor.pfdata)')
    .requiredOption('--to <dir>', 'where to create the time-stamped backup folder')
    .option('--installer <path>', 'where the installer of the installed version is kept (recorded)')
    .option('--migration <name|id>', 'which migration (default: the last one opened)')
    .option('--no-record', 'only copy and verify; record nothing')
    .option('--json', 'print JSON (for scripts)', false)
    .action(
      async (
        opts: {
          source: string;
          to: string;
          installer?: string;
          migration?: string;
          record: boolean;
          json: boolean;
        },
        cmd: Command,
      ) => {
        const { runBackup } = await import('./backup-command.js');
        result.code = await runBackup({
          ...common(cmd),
          source: opts.source,
          to: opts.to,
          record: opts.record,
          json: opts.json,
          ...(opts.installer === undefined ? {} : { installer: opts.installer }),
          ...migrationOpt(opts.migration),
          stdout: io.stdout,
          stderr: io.stderr,
        });
      },
    );

  const inventory = program
    .command('inventory')
    .description(
      'export or import an inventory table as CSV (methods, portal, services, servers, load-balancers)',
    );
  inventory
    .command('export')
    .allowExcessArguments(false)
    .argument('<table>', 'methods, portal, services, servers or load-balancers')
    .argument('<file>', 'the CSV to write (- for stdout)')
    .option('--migration <name|id>', 'which migration (default: the last one opened)')
    .action(async (table: string, file: string, opts: { migration?: string }, cmd: Command) => {
      const { runInventoryExport } = await import('./inventory-command.js');
      result.code = runInventoryExport({
        ...common(cmd),
        table,
        file,
        ...migrationOpt(opts.migration),
        stdout: io.stdout,
        stderr: io.stderr,
      });
    });
  inventory
    .command('import')
    .allowExcessArguments(false)
    .argument('<table>', 'methods, portal, services, servers or load-balancers')
    .argument('<file>', 'the CSV to read (- for stdin)')
    .option('--migration <name|id>', 'which migration (default: the last one opened)')
    .option('--skip-bad-rows', 'import the good rows even when some are bad', false)
    .action(
      async (
        table: string,
        file: string,
        opts: { migration?: string; skipBadRows: boolean },
        cmd: Command,
      ) => {
        const { runInventoryImport } = await import('./inventory-command.js');
        result.code = await runInventoryImport({
          ...common(cmd),
          table,
          file,
          skipBadRows: opts.skipBadRows,
          ...migrationOpt(opts.migration),
          stdout: io.stdout,
          stderr: io.stderr,
        });
      },
    );
}
