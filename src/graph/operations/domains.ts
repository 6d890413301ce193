// Domains and their federation settings. GET .../federationConfiguration returns the single
// internalDomainFederation whose id the PATCH needs; a domain without one answers 404 (-> null).
import type {
  Domain,
  FederatedIdpMfaBehavior,
  InternalDomainFederation,
} from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import { GraphError } from '../errors.js';
import { queryString, segment } from '../odata.js';
import { all } from './paging.js';

export async function listDomains(graph: GraphClient): Promise<Domain[]> {
  return all<Domain>(
    graph,
    'domains.read',
    `/domains${queryString({ select: ['id', 'authenticationType', 'isDefault', 'isVerified', 'isRoot'] })}`,
  );
}

export async function listFederatedDomains(graph: GraphClient): Promise<Domain[]> {
  return (await listDomains(graph)).filter((d) => d.authenticationType === 'Federated');
}

export async function getFederationConfiguration(
  graph: GraphClient,
  domain: string,
): Promise<InternalDomainFederation | null> {
  try {
    const res = await graph.run(
      'federation.read',
      () =>
        graph.api(`/domains/${segment(domain)}/federationConfiguration`).get() as Promise<{
          value?: InternalDomainFederation[];
        }>,
      { what: `federation configuration of ${domain}` },
    );
    return res.value?.[0] ?? null;
  } catch (err) {
    if (err instanceof GraphError && err.kind === 'not-found') return null;
    throw err;
  }
}

/** PATCH is idempotent: the same value twice is the same state, so a lost reply is simply re-sent. */
export async function setFederatedIdpMfaBehavior(
  graph: GraphClient,
  domain: string,
  federationId: string,
  behavior: Exclude<FederatedIdpMfaBehavior, 'unknownFutureValue'>,
): Promise<void> {
  await graph.run(
    'federation.write',
    () =>
      graph
        .api(`/domains/${segment(domain)}/federationConfiguration/${segment(federationId)}`)
        .patch({ federatedIdpMfaBehavior: behavior }),
    { what: `federation configuration of ${domain}` },
  );
}
