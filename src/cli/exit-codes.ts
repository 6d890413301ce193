// Exit codes scripts can branch on (documented in README "Exit codes").
export const EXIT = {
  ok: 0,
  /** something failed at run time: the state file, the disk, an unexpected error */
  runtime: 1,
  /** the command line was wrong: bad flag, unknown phase or migration, no terminal for the wizard */
  usage: 2,
  /** reserved: a verification ran but did not cover every user */
  verificationIncomplete: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake on the command line: printed as is, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An expected failure at run time with a message meant for the user: printed as is, exit code 1. */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError';
}
