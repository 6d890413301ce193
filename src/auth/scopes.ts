// What to ask for at sign-in, from the steps the admin is about to work on: the least-privileged
// permissions of those steps (writes only when a change is coming), qualified for the cloud.
import type { Cloud, StepId } from '../../state/model.js';
import { type OperationId, permissionsFor, unsupportedOperations } from '../graph/permissions.js';
import { scopesForSignIn } from './credentials.js';
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
