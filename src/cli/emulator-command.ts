// `mfa-migrate emulator`: the demo tenant standalone, for trying the CLI or pointing another wizard at
// it (--graph-url plus MFA_MIGRATE_ACCESS_TOKEN). Runs until Ctrl+C or SIGTERM, then closes cleanly.
import { RuntimeError, UsageError } from './exit-codes.js';

export interface EmulatorCommandOptions {
  port?: string;
  users?: string;
  seed?: string;
  faults?: string;
  stdout: (text: string) => void;
  /** resolves when the emulator should stop; default: the first SIGINT or SIGTERM */
  until?: Promise<unknown>;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export async function runEmulatorCommand(opts: EmulatorCommandOptions): Promise<number> {
  const { runEmulatorCli } = await import('../emulator/cli.js');
  const args: string[] = [];
  if (opts.port !== undefined) args.push('--port', opts.port);
  if (opts.users !== undefined) args.push('--users', opts.users);
  if (opts.seed !== undefined) args.push('--seed', opts.seed);
  if (opts.faults !== undefined) args.push('--faults', opts.faults);
  // listen for signals before the URL is printed, so a quick Ctrl+C still closes cleanly
  const until = opts.until ?? untilSignal();
  let emu: Awaited<ReturnType<typeof runEmulatorCli>>;
  try {
    emu = await runEmulatorCli(args, (line) => opts.stdout(`${line}\n`));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // bad flags are usage errors; a port in use is a runtime one
    if (/EADDRINUSE|EACCES/.test(message))
      throw new RuntimeError(`Could not listen: ${message.split('\n')[0]}`);
    throw new UsageError(message.split('\n')[0] ?? message);
  }
  await until;
  await emu.close();
  opts.stdout('Demo tenant stopped.\n');
  return 0;
}
