// Users' authentication methods: the live per-user view that can prove a migration (the registration
// report cannot). /methods lists every type v1.0 knows; hardware OATH tokens are listed by beta only,
// and only with delegated sign-in.
import type { AuthenticationMethod } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import type { GraphError } from '../errors.js';
import { segment } from '../odata.js';
import { batch, innerError } from './batch.js';
import { all, type CollectionPage } from './paging.js';

/** Typed collections under /users/{id}/authentication and the API version that serves each. */
export const METHOD_COLLECTIONS = {
  phone: { path: 'phoneMethods', version: 'v1.0' },
  microsoftAuthenticator: { path: 'microsoftAuthenticatorMethods', version: 'v1.0' },
  softwareOath: { path: 'softwareOathMethods', version: 'v1.0' },
  hardwareOath: { path: 'hardwareOathMethods', version: 'beta' },
  email: { path: 'emailMethods', version: 'v1.0' },
  fido2: { path: 'fido2Methods', version: 'v1.0' },
  windowsHelloForBusiness: { path: 'windowsHelloForBusinessMethods', version: 'v1.0' },
  temporaryAccessPass: { path: 'temporaryAccessPassMethods', version: 'v1.0' },
  password: { path: 'passwordMethods', version: 'v1.0' },
} as const;
export type MethodCollection = keyof typeof METHOD_COLLECTIONS;

export type MethodKind = MethodCollection | 'platformCredential' | 'other';

export function methodKind(method: AuthenticationMethod): MethodKind {
  const type = (method as { '@odata.type'?: string })['@odata.type'] ?? '';
  const name = type.replace('#microsoft.graph.', '').replace(/AuthenticationMethod$/, '');
  if (name in METHOD_COLLECTIONS) return name as MethodCollection;
  if (name === 'platformCredential') return 'platformCredential';
  return 'other';
}

/** All methods of one user (v1.0). */
export async function listMethods(graph: GraphClient, userId: string): Promise<AuthenticationMethod[]> {
  return all<AuthenticationMethod>(
    graph,
    'authMethods.read',
    `/users/${segment(userId)}/authentication/methods`,
    {
      ctx: { what: `user ${userId}` },
    },
  );
}

/** One typed collection; hardware OATH goes to /beta. */
export async function listMethodsOfType(
  graph: GraphClient,
  userId: string,
  kind: MethodCollection,
): Promise<AuthenticationMethod[]> {
  const { path, version } = METHOD_COLLECTIONS[kind];
  return all<AuthenticationMethod>(
    graph,
    kind === 'hardwareOath' ? 'hardwareOath.read' : 'authMethods.read',
    `/users/${segment(userId)}/authentication/${path}`,
    { version, ctx: { what: `user ${userId}` } },
  );
}

export type UserMethodsResult = { methods: AuthenticationMethod[] } | { error: GraphError };

/**
 * Methods of many users through $batch (20 per request). Each user's result is independent: one
 * missing user does not fail the others.
 */
export async function methodsForUsers(
  graph: GraphClient,
  userIds: readonly string[],
  opts: { signal?: AbortSignal; sleep?: (ms: number) => Promise<void>; hardwareOath?: boolean } = {},
): Promise<Map<string, UserMethodsResult>> {
  const unique = [...new Set(userIds)];
  const results = new Map<string, UserMethodsResult>();
  const byBatchId = new Map(unique.map((id, i) => [String(i), id]));
  const answers = await batch(
    graph,
    unique.map((id, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: `/users/${segment(id)}/authentication/methods`,
    })),
    {
      op: 'authMethods.read',
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    },
  );
  for (const [batchId, userId] of byBatchId) {
    const answer = answers.get(batchId);
    if (!answer) continue;
    if (answer.status >= 200 && answer.status < 300) {
      const page = answer.body as CollectionPage<AuthenticationMethod> | undefined;
      let methods = page?.value ?? [];
      if (page?.['@odata.nextLink']) {
        // rare: more methods than one page; finish this user directly
        methods = await listMethods(graph, userId);
      }
      results.set(userId, { methods });
    } else {
      results.set(userId, { error: innerError(graph, answer, 'authMethods.read', `user ${userId}`) });
    }
  }
  if (opts.hardwareOath) {
    const hw = await batch(
      graph,
      unique.map((id, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: `/users/${segment(id)}/authentication/hardwareOathMethods`,
      })),
      {
        version: 'beta',
        op: 'hardwareOath.read',
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.sleep ? { sleep: opts.sleep } : {}),
      },
    );
    for (const [batchId, userId] of byBatchId) {
      const answer = hw.get(batchId);
      const current = results.get(userId);
      if (!answer || !current || !('methods' in current)) continue;
      if (answer.status >= 200 && answer.status < 300) {
        const extra = (answer.body as CollectionPage<AuthenticationMethod> | undefined)?.value ?? [];
        const known = new Set(current.methods.map((m) => m.id));
        current.methods.push(...extra.filter((m) => !known.has(m.id)));
      }
    }
  }
  return results;
}
