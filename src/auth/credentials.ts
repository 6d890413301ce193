// Credentials from @azure/identity for each sign-in kind, always with the authority host of the
// migration's cloud. Nothing here writes a token or secret anywhere: @azure/identity keeps tokens in
// memory, and no persistent cache is configured.
import { readFile } from 'node:fs/promises';
import {
  AzureCliCredential,
  ClientCertificateCredential,
  ClientSecretCredential,
  DeviceCodeCredential,
  type DeviceCodeInfo,
  InteractiveBrowserCredential,
  type TokenCredential,
} from '@azure/identity';
import type { Cloud } from '../../state/model.js';
import { cloudEndpoints } from '../graph/clouds.js';

export { scopesForSignIn } from './scopes.js';

import { ACCESS_TOKEN_ENV, StaticTokenCredential, tokenFromEnv } from './static-token.js';

/**
 * Public client for delegated sign-in: "Microsoft Graph Command Line Tools", which accepts any Graph
 * scope with incremental consent. Tenants that block it can pass their own app's client id.
 */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

export type SecretSource = { file: string } | { value: string };

export interface DeviceCodePrompt {
  message: string;
  userCode: string;
  verificationUri: string;
}

export type SignInOptions =
  | {
      kind: 'device-code';
      cloud: Cloud;
      tenantId?: string;
      clientId?: string;
      onDeviceCode: (prompt: DeviceCodePrompt) => void;
    }
  | { kind: 'browser'; cloud: Cloud; tenantId?: string; clientId?: string; loginHint?: string }
  | { kind: 'azure-cli'; cloud: Cloud; tenantId?: string }
  | { kind: 'certificate'; cloud: Cloud; tenantId: string; clientId: string; certificatePath: string }
  | { kind: 'client-secret'; cloud: Cloud; tenantId: string; clientId: string; secret: SecretSource }
  | { kind: 'access-token'; cloud: Cloud; env?: NodeJS.ProcessEnv };

async function readSecret(source: SecretSource): Promise<string> {
  if ('value' in source) return source.value;
  let text: string;
  try {
    text = await readFile(source.file, 'utf8');
  } catch (err) {
    throw new SignInError(
      `Could not read the client secret file ${source.file} (${(err as NodeJS.ErrnoException).code ?? 'error'}). Check the path and its permissions.`,
    );
  }
  const secret = text.trim();
  if (!secret) throw new SignInError(`The client secret file ${source.file} is empty.`);
  return secret;
}

/** Builds the credential. Reading a secret file is the only I/O; no token is requested yet. */
export async function createCredential(opts: SignInOptions): Promise<TokenCredential> {
  const authorityHost = cloudEndpoints(opts.cloud).authorityHost;
  switch (opts.kind) {
    case 'device-code':
      return new DeviceCodeCredential({
        tenantId: opts.tenantId ?? 'organizations',
        clientId: opts.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
        authorityHost,
        userPromptCallback: (info: DeviceCodeInfo) =>
          opts.onDeviceCode({
            message: info.message,
            userCode: info.userCode,
            verificationUri: info.verificationUri,
          }),
      });
    case 'browser':
      return new InteractiveBrowserCredential({
        tenantId: opts.tenantId ?? 'organizations',
        clientId: opts.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
        authorityHost,
        ...(opts.loginHint ? { loginHint: opts.loginHint } : {}),
      });
    case 'azure-cli':
      // az picks its cloud from `az cloud set`; the token audience is checked against ours later
      return new AzureCliCredential(opts.tenantId ? { tenantId: opts.tenantId } : {});
    case 'certificate':
      return new ClientCertificateCredential(
        opts.tenantId,
        opts.clientId,
        { certificatePath: opts.certificatePath },
        { authorityHost },
      );
    case 'client-secret':
      return new ClientSecretCredential(opts.tenantId, opts.clientId, await readSecret(opts.secret), {
        authorityHost,
      });
    case 'access-token': {
      const token = tokenFromEnv(opts.env);
      if (!token)
        throw new SignInError(
          `${ACCESS_TOKEN_ENV} is not set. Export an access token for Microsoft Graph first.`,
        );
      return new StaticTokenCredential(token);
    }
  }
}

/** Requests a token now (so the device code shows on the sign-in screen); Esc aborts via `signal`. */
export async function signIn(
  credential: TokenCredential,
  scopes: string[],
  signal?: AbortSignal,
): Promise<string> {
  try {
    const token = await credential.getToken(scopes, signal ? { abortSignal: signal } : {});
    if (!token) throw new SignInError('Sign-in returned no token. Try again.');
    return token.token;
  } catch (err) {
    if (signal?.aborted) throw new SignInError('Sign-in cancelled.');
    if (err instanceof SignInError) throw err;
    const first = (err instanceof Error ? err.message : String(err)).split(/\r?\n/)[0]?.slice(0, 200);
    throw new SignInError(`Sign-in failed: ${first}`);
  }
}
