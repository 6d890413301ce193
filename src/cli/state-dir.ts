// Where the wizard keeps its state: --state-dir, else $MFA_MIGRATE_HOME, else the platform config
// folder (e.g. ~/.config/mfa-migrate, %APPDATA%\mfa-migrate).
import path from 'node:path';
import envPaths from 'env-paths';

export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return path.resolve(flag);
  const fromEnv = env.MFA_MIGRATE_HOME;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  return envPaths('mfa-migrate', { suffix: '' }).config;
}

/** The store keeps its state here (conf with configName 'state', see state/store.ts). */
export function stateFilePath(dir: string): string {
  return path.join(dir, 'state.json');
}
