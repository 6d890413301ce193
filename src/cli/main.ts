#!/usr/bin/env node
// The `mfa-migrate` bin. Parses the command line first and loads only what the chosen command needs.
// Every failure ends as one or two lines and an exit code (README "Exit codes"); --debug adds the stack.
import { CommanderError } from 'commander';
import { isStoreError } from '../../state/store-errors.js';
import { EXIT, RuntimeError, UsageError } from './exit-codes.js';
import { buildProgram } from './program.js';
import { programVersion } from './program-version.js';

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const stdout = (text: string): void => void process.stdout.write(text);
  const stderr = (text: string): void => void process.stderr.write(text);
  const result = { code: EXIT.ok as number };
  try {
    const program = buildProgram(
      programVersion(),
      {
        stdout,
        stderr,
        env: process.env,
        stdinIsTty: process.stdin.isTTY === true,
        stdoutIsTty: process.stdout.isTTY === true,
        now: () => new Date(),
      },
      result,
    );
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (error) {
    // commander has already printed its message (or the help / version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof RuntimeError || isStoreError(error)) {
      stderr(`${(error as Error).message}\n`);
      return EXIT.runtime;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr(`mfa-migrate failed unexpectedly: ${message.split('\n')[0]}\n`);
    if (debug && error instanceof Error && error.stack) stderr(`${error.stack}\n`);
    else stderr('Run with --debug for details.\n');
    return EXIT.runtime;
  }
}

// A closed pipe (`mfa-migrate report | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
