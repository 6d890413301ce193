#!/usr/bin/env node
// The `mfa-migrate` bin. Parses the command line first and loads only what the chosen command needs.
// Every failure ends as one or two lines and an exit code (README "Exit codes"); --debug adds the stack.
import { exitForError } from './error-exit.js';
import { EXIT } from './exit-codes.js';
import { buildProgram } from './program.js';
import { programVersion } from './program-version.js';

async function main(argv: string[]): Promise<number> {
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
    return exitForError(error, argv.includes('--debug'), stderr);
  }
}

// A closed pipe (`mfa-migrate report | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
