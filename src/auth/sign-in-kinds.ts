// The ways to sign in, and what each means for the wizard: delegated sign-ins act as the admin (and
// are the only way to use staged rollout), app-only sign-ins act as an app registration.
export const SIGN_IN_KINDS = [
  'device-code',
  'browser',
  'azure-cli',
  'certificate',
  'client-secret',
  'access-token',
] as const;
export type SignInKind = (typeof SIGN_IN_KINDS)[number];

export interface SignInDescription {
  kind: SignInKind;
  label: string;
  /** undefined: depends on the token (access-token) */
  permissionKind: 'delegated' | 'application' | undefined;
  /** staged rollout has no application permission */
  stagedRollout: boolean | 'depends';
  note: string;
}

const DESCRIPTIONS: Record<SignInKind, SignInDescription> = {
  'device-code': {
    kind: 'device-code',
    label: 'Device code (default)',
    permissionKind: 'delegated',
    stagedRollout: true,
    note: 'Works over SSH: open the shown address on any device and enter the code. Conditional Access may block it; then use the browser.',
  },
  browser: {
    kind: 'browser',
    label: 'Browser on this machine',
    permissionKind: 'delegated',
    stagedRollout: true,
    note: 'Opens a browser here (e.g. over RDP) and signs you in as yourself.',
  },
  'azure-cli': {
    kind: 'azure-cli',
    label: 'Azure CLI (az login)',
    permissionKind: 'delegated',
    stagedRollout: true,
    note: "Uses the account of `az login`; only the permissions Azure CLI was consented for, and az's cloud must match (az cloud set).",
  },
  certificate: {
    kind: 'certificate',
    label: 'App-only, certificate',
    permissionKind: 'application',
    stagedRollout: false,
    note: 'Acts as an app registration (PEM file with certificate and private key). Staged rollout needs a delegated sign-in.',
  },
  'client-secret': {
    kind: 'client-secret',
    label: 'App-only, client secret',
    permissionKind: 'application',
    stagedRollout: false,
    note: 'Acts as an app registration; the secret is read from a file or typed, never from the command line, never stored.',
  },
  'access-token': {
    kind: 'access-token',
    label: 'Access token from MFA_MIGRATE_ACCESS_TOKEN',
    permissionKind: undefined,
    stagedRollout: 'depends',
    note: 'A token you obtained yourself; it is not refreshed. Delegated or app-only depending on the token.',
  },
};

export function describeSignIn(kind: SignInKind): SignInDescription {
  return DESCRIPTIONS[kind];
}
