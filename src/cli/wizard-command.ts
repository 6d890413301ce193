// The default command: the full-screen wizard. Checks the terminal and sets ink's environment first,
// then loads the wizard (and with it ink and React) — ink reads FORCE_COLOR and NODE_ENV at import.
import { resolveGraphBaseUrl } from '../graph/base-url.js';
import { EXIT, type ExitCode, UsageError } from './exit-codes.js';

/** The validated --graph-url / MFA_MIGRATE_GRAPH_URL, undefined when neither is set; throws a UsageError. */
export function checkGraphUrl(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const base = resolveGraphBaseUrl(flag, env);
  if (base === undefined) return undefined;
  if (!base.ok) throw new UsageError(base.message);
  return base.baseUrl;
}

export interface WizardCommandOptions {
  stateDir: string;
  programVersion: string;
  color: boolean;
  ascii: boolean;
  demo: boolean;
  /** validated Graph base URL override (checkGraphUrl) */
  graphBaseUrl?: string;
  /** stdin and stdout are both terminals */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  stderr: (text: string) => void;
}

export async function runWizardCommand(opts: WizardCommandOptions): Promise<ExitCode | number> {
  if (!opts.interactive) {
    opts.stderr(
      'The wizard needs an interactive terminal (stdin and stdout are not both a TTY).\n' +
        'For scripts use `mfa-migrate status` or `mfa-migrate report`; see `mfa-migrate --help`.\n',
    );
    return EXIT.usage;
  }
  // ink ignores NO_COLOR; FORCE_COLOR=0 is what turns its colours off.
  if (!opts.color) opts.env.FORCE_COLOR = '0';
  // React's development build is slower and noisy in a terminal.
  opts.env.NODE_ENV = 'production';
  const { runWizard } = await import('../wizard/run-wizard.js');
  return runWizard({
    stateDir: opts.stateDir,
    programVersion: opts.programVersion,
    color: opts.color,
    ascii: opts.ascii,
    demo: opts.demo,
    ...(opts.graphBaseUrl === undefined ? {} : { graphBaseUrl: opts.graphBaseUrl }),
    env: opts.env,
  });
}
