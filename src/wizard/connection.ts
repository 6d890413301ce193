// The wizard's one connection to Microsoft Graph, held outside React (run-wizard creates it) so that no
// screen touches process.*, files or the network: screens read a snapshot and call connect/disconnect.
// A connection belongs to one migration; the tenant check runs before anything else is sent.
import type { TokenCredential } from '@azure/identity';
import type { Migration, StepId } from '../../state/model.js';
// @azure/identity and the Graph client load only when a sign-in starts: they are most of the
// wizard's start-up time and the first frame needs neither.
import type { DeviceCodePrompt, SignInOptions } from '../auth/credentials.js';
import { decodeJwtClaims, tokenKind } from '../auth/jwt.js';
import { signInScopes } from '../auth/scopes.js';
import { describeSignIn, SIGN_IN_KINDS, type SignInKind } from '../auth/sign-in-kinds.js';
import { tokenFromEnv } from '../auth/static-token.js';
import type { ActualTenant, PinTenantEvent } from '../auth/tenant-pin.js';
import type { GraphClient } from '../graph/client.js';
import { OPERATIONS, STEP_OPERATIONS } from '../graph/permissions.js';

export type ConnectionStatus = 'offline' | 'signing-in' | 'connected' | 'refused';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  /** which migration the session was opened for (a different open migration is offline) */
  migrationId?: string;
  tenant?: ActualTenant;
  signInKind?: SignInKind;
  /** delegated (as the admin) or application (app-only); from the kind, or the token's claims */
  permissionKind?: 'delegated' | 'application';
  graph?: GraphClient;
  /** one line for the admin: why it was refused, or what went wrong */
  message?: string;
  /** while a device-code sign-in waits */
  deviceCode?: DeviceCodePrompt;
  /** talking to the built-in demo tenant */
  demo: boolean;
}

/** What the migration and the step at hand decide about a sign-in. */
export interface ConnectTarget {
  migration: Pick<Migration, 'id' | 'name' | 'tenantId' | 'tenant' | 'cloud' | 'demo'>;
  steps: readonly StepId[];
  /** ask for the steps' write permissions too */
  write: boolean;
}

/** Extra answers some kinds need (app-only: tenant and app; certificate / secret: a file path). */
export interface SignInDetails {
  tenantId?: string;
  clientId?: string;
  certificatePath?: string;
  /** the client secret is read from this file, never from argv, never stored */
  secretFile?: string;
  /** or typed (masked) in the wizard: kept in memory for this sign-in only */
  secret?: string;
}

export type ConnectResult =
  | { ok: true; tenant: ActualTenant; pinEvent?: PinTenantEvent }
  | { ok: false; message: string; cancelled: boolean };

export interface Connection {
  get(): ConnectionSnapshot;
  subscribe(listener: () => void): () => void;
  /** sign-in kinds to offer (the access token only when the environment has one) */
  availableKinds(): SignInKind[];
  connect(
    kind: SignInKind,
    target: ConnectTarget,
    details: SignInDetails,
    signal: AbortSignal,
  ): Promise<ConnectResult>;
  /** drops the session and cancels a sign-in in flight */
  disconnect(): void;
  /** resolves when no connect() is in flight any more (before the demo tenant is stopped) */
  settle(): Promise<void>;
  /** whether a demo migration can be connected (the demo tenant can be started in-process) */
  canDemo(): boolean;
}

/** Whether a step changes the tenant (then its write permissions are asked for; never otherwise). */
export function stepWrites(step: StepId): boolean {
  return (STEP_OPERATIONS[step] ?? []).some((op) => OPERATIONS[op].write);
}

export interface ConnectionDeps {
  /** validated --graph-url / MFA_MIGRATE_GRAPH_URL (base-url.ts); undefined = the cloud's host */
  baseUrl?: string;
  /** where MFA_MIGRATE_ACCESS_TOKEN is read (a copy for the demo, never process.env from a screen) */
  env: NodeJS.ProcessEnv;
  /** <migration dir>/audit.jsonl */
  auditFile: (migrationId: string) => string;
  /** tests pass a fake TokenCredential here; default: @azure/identity via createCredential */
  makeCredential?: (options: SignInOptions) => Promise<TokenCredential>;
  /**
   * Starts the demo tenant (once, on the first connect of a demo migration); returns its base URL and
   * a demo token. Demo migrations only ever talk to it, real ones never do.
   */
  launchDemo?: () => Promise<DemoEndpoint>;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split(/\r?\n/)[0] ?? '').slice(0, 300);
}

export interface DemoEndpoint {
  baseUrl: string;
  token: string;
}

export function createConnection(deps: ConnectionDeps): Connection {
  let snapshot: ConnectionSnapshot = { status: 'offline', demo: false };
  let demoEndpoint: Promise<DemoEndpoint> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: ConnectionSnapshot) => {
    snapshot = next;
    for (const l of listeners) l();
  };
  // a newer connect() makes the older one's late answer irrelevant
  let attempt = 0;
  const inflight = new Set<Promise<unknown>>();
  const aborts = new Set<AbortController>();

  const optionsFor = (
    env: NodeJS.ProcessEnv,
    kind: SignInKind,
    target: ConnectTarget,
    details: SignInDetails,
    onDeviceCode: (p: DeviceCodePrompt) => void,
  ): SignInOptions | string => {
    const cloud = target.migration.cloud;
    const tenantId = details.tenantId?.trim() || target.migration.tenantId;
    const clientId = details.clientId?.trim() || undefined;
    const withTenant = tenantId ? { tenantId } : {};
    const withClient = clientId ? { clientId } : {};
    switch (kind) {
      case 'device-code':
        return { kind, cloud, ...withTenant, ...withClient, onDeviceCode };
      case 'browser':
        return { kind, cloud, ...withTenant, ...withClient };
      case 'azure-cli':
        return { kind, cloud, ...withTenant };
      case 'certificate':
      case 'client-secret': {
        if (!tenantId) return 'App-only sign-in needs the tenant id (or a verified domain).';
        if (!clientId) return 'App-only sign-in needs the application (client) id.';
        if (kind === 'certificate') {
          const path = details.certificatePath?.trim();
          if (!path) return 'Give the path of the PEM file with the certificate and its private key.';
          return { kind, cloud, tenantId, clientId, certificatePath: path };
        }
        const file = details.secretFile?.trim();
        if (file) return { kind, cloud, tenantId, clientId, secret: { file } };
        if (details.secret) return { kind, cloud, tenantId, clientId, secret: { value: details.secret } };
        return 'Give the file that holds the client secret, or type the secret.';
      }
      case 'access-token':
        return { kind, cloud, env };
    }
  };

  const connection: Connection = {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    availableKinds() {
      return SIGN_IN_KINDS.filter((k) => k !== 'access-token' || tokenFromEnv(deps.env) !== undefined);
    },
    connect(kind, target, details, callerSignal) {
      // disconnect() cancels too, so quitting never leaves a sign-in (or its retries) running
      const own = new AbortController();
      aborts.add(own);
      const signal = AbortSignal.any([callerSignal, own.signal]);
      const run = connectOnce(kind, target, details, signal);
      inflight.add(run);
      void run.finally(() => {
        inflight.delete(run);
        aborts.delete(own);
      });
      return run;
    },
    async settle() {
      await Promise.allSettled([...inflight]);
    },
    canDemo: () => deps.launchDemo !== undefined,
    disconnect() {
      attempt++;
      for (const a of aborts) a.abort();
      set({ status: 'offline', demo: false });
    },
  };

  async function connectOnce(
    requestedKind: SignInKind,
    requestedTarget: ConnectTarget,
    details: SignInDetails,
    signal: AbortSignal,
  ): Promise<ConnectResult> {
    const mine = ++attempt;
    const demo = requestedTarget.migration.demo;
    // the demo tenant signs in with its own minted token; the admin's choice does not apply
    const kind: SignInKind = demo ? 'access-token' : requestedKind;
    let target = requestedTarget;
    const fail = (message: string, cancelled = false): ConnectResult => {
      if (mine === attempt) {
        set({
          status: cancelled ? 'offline' : 'refused',
          migrationId: target.migration.id,
          signInKind: kind,
          message,
          demo,
        });
      }
      return { ok: false, message, cancelled };
    };
    set({ status: 'signing-in', migrationId: target.migration.id, signInKind: kind, demo });
    let env = deps.env;
    let baseUrl = deps.baseUrl;
    if (demo) {
      if (!deps.launchDemo) return fail('The demo tenant is not available in this session.');
      demoEndpoint ??= deps.launchDemo();
      let endpoint: DemoEndpoint;
      try {
        endpoint = await demoEndpoint;
      } catch (error) {
        demoEndpoint = undefined;
        return fail(`Could not start the demo tenant: ${firstLine(error)}`);
      }
      env = { MFA_MIGRATE_ACCESS_TOKEN: endpoint.token };
      baseUrl = endpoint.baseUrl;
      // a demo migration made by an older version named another demo domain: the pin decides
      if (!target.migration.tenantId) target = { ...target, migration: { ...target.migration, tenant: '' } };
    }
    const options = optionsFor(env, kind, target, details, (deviceCode) => {
      if (mine === attempt && !signal.aborted) set({ ...snapshot, deviceCode });
    });
    if (typeof options === 'string') return fail(options);
    try {
      const makeCredential = deps.makeCredential ?? (await import('../auth/credentials.js')).createCredential;
      const credential = await makeCredential(options);
      const { scopes } = signInScopes(kind, target.migration.cloud, target.steps, target.write);
      const token = kind === 'access-token' ? tokenFromEnv(env) : undefined;
      const permissionKind =
        describeSignIn(kind).permissionKind ?? tokenKind(token ? decodeJwtClaims(token) : undefined);
      const { openGraphSession } = await import('../auth/session.js');
      const session = await openGraphSession({
        credential,
        cloud: target.migration.cloud,
        ...(baseUrl !== undefined ? { baseUrl } : {}),
        scopes,
        ...(permissionKind ? { signInKind: permissionKind } : {}),
        signal,
        migration: target.migration,
        auditFile: deps.auditFile(target.migration.id),
      });
      if (signal.aborted) return fail('Sign-in cancelled.', true);
      if (!session.ok) return fail(session.refusal.message);
      if (mine === attempt) {
        set({
          status: 'connected',
          migrationId: target.migration.id,
          tenant: session.tenant,
          signInKind: kind,
          ...(permissionKind ? { permissionKind } : {}),
          graph: session.graph,
          demo,
        });
      }
      return session.pinEvent
        ? { ok: true, tenant: session.tenant, pinEvent: session.pinEvent }
        : { ok: true, tenant: session.tenant };
    } catch (error) {
      if (signal.aborted) return fail('Sign-in cancelled.', true);
      return fail(firstLine(error));
    }
  }
  return connection;
}
