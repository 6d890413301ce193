// What to ask for at sign-in, from the steps the admin is about to work on: the least-privileged
// permissions of those steps (writes only when a change is coming), qualified for the cloud.
import type { Cloud, StepId } from '../../state/model.js';
import { defaultScope, qualifyScopes } from '../graph/clouds.js';
import { type OperationId, permissionsFor, unsupportedOperations } from '../graph/permissions.js';
import { describeSignIn, type SignInKind } from './sign-in-kinds.js';

export interface SignInScopes {
  scopes: string[];
  /** unqualified permission names, for showing the admin what will be asked */
  permissions: string[];
  /** operations these steps need that this sign-in kind cannot perform (e.g. staged rollout app-only) */
  unsupported: OperationId[];
}

export function signInScopes(
  kind: SignInKind,
  cloud: Cloud,
  steps: readonly StepId[],
  write: boolean,
): SignInScopes {
  const permissionKind = describeSignIn(kind).permissionKind ?? 'delegated';
  const req = { steps, write, kind: permissionKind } as const;
  const permissions = permissionsFor(req);
  return {
    scopes: scopesForSignIn(kind, cloud, permissions),
    permissions,
    unsupported: unsupportedOperations(req),
  };
}

/**
 * Scopes to ask for. Delegated interactive sign-ins ask for exactly the permissions of the steps at
 * hand; app-only, Azure CLI and ready-made tokens can only use ".default" (what was consented).
 */
export function scopesForSignIn(kind: SignInKind, cloud: Cloud, permissions: readonly string[]): string[] {
  if (kind === 'device-code' || kind === 'browser') return qualifyScopes(cloud, permissions);
  return [defaultScope(cloud)];
}
