// GET /organization: the tenant the token belongs to (exactly one object). User.Read is enough
// delegated; it returns id, displayName and verifiedDomains.
import type { Organization } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client.js';
import { GraphError } from '../errors.js';

export async function getOrganization(graph: GraphClient): Promise<Organization & { id: string }> {
  const res = await graph.run(
    'organization.read',
    () =>
      graph.api('/organization?$select=id,displayName,verifiedDomains').get() as Promise<{
        value?: Organization[];
      }>,
    { what: 'the organization' },
  );
  const org = res.value?.[0];
  if (!org?.id) {
    throw new GraphError(
      'unknown',
      'Graph returned no organization for this sign-in. Sign in with a work account of the tenant.',
    );
  }
  return org as Organization & { id: string };
}
