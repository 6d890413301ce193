import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from '../../src/graph/errors.js';
import {
  checkAppConsent,
  findApplicationsByName,
  MIGRATION_UTILITY_APP_NAME,
} from '../../src/graph/operations/applications.js';
import { listMethodsOfType, methodsForUsers } from '../../src/graph/operations/auth-methods.js';
import { getFederationConfiguration, listFederatedDomains } from '../../src/graph/operations/domains.js';
import { findGroupsByName } from '../../src/graph/operations/groups.js';
import { summariseDirectMembers, transitiveUserMembers } from '../../src/graph/operations/members.js';
import { getOrganization } from '../../src/graph/operations/organization.js';
import {
  getAuthenticationMethodsPolicy,
  listConditionalAccessPolicies,
} from '../../src/graph/operations/policies.js';
import { migrationUtilityAudits, registrationDetails } from '../../src/graph/operations/reports.js';
import { addRolloutGroup, listRolloutPolicies } from '../../src/graph/operations/rollout.js';
import { permissionsFor } from '../../src/graph/permissions.js';
import { STEP_IDS } from '../../state/model.js';
import { type Harness, startHarness } from './graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the permissions table is enough, and no more', () => {
  it('every read works with exactly the read-only scopes of all steps', async () => {
    const scp = permissionsFor({ steps: STEP_IDS, write: false, kind: 'delegated' });
    expect(scp.some((p) => p.includes('ReadWrite'))).toBe(false);
    h = await startHarness({ scp: scp.join(' ') });
    const g = h.graph;
    const wk = h.emu.tenant.wellKnown;
    await getOrganization(g);
    expect((await findGroupsByName(g, 'MFA Pilot')).length).toBe(1);
    for await (const page of transitiveUserMembers(g, wk.pilotGroupId))
      expect(page.length).toBeGreaterThan(0);
    await summariseDirectMembers(g, wk.contactGroupId);
    const ids = [h.emu.tenant.userAt(1)?.id ?? '', h.emu.tenant.userAt(2)?.id ?? ''];
    const methods = await methodsForUsers(g, ids, { hardwareOath: true });
    for (const r of methods.values()) expect('methods' in r).toBe(true);
    await listMethodsOfType(g, ids[0] ?? '', 'hardwareOath');
    await listRolloutPolicies(g);
    const [domain] = await listFederatedDomains(g);
    await getFederationConfiguration(g, domain?.id ?? '');
    await getAuthenticationMethodsPolicy(g);
    await listConditionalAccessPolicies(g);
    const [app] = await findApplicationsByName(g, MIGRATION_UTILITY_APP_NAME);
    await checkAppConsent(g, app ?? {});
    for await (const _ of migrationUtilityAudits(g)) break;
    for await (const _ of registrationDetails(g, { pageSize: 10 })) break;
    expect(h.emu.requestLog.filter((r) => r.status === 403)).toEqual([]);
  });

  it('a write with read-only scopes is refused, naming the permission to add', async () => {
    h = await startHarness({
      scp: permissionsFor({ steps: ['validate'], write: false, kind: 'delegated' }).join(' '),
    });
    const [policy] = await listRolloutPolicies(h.graph);
    const err = await addRolloutGroup(
      h.graph,
      policy?.id ?? 'none',
      h.emu.tenant.wellKnown.rolloutGroupId,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).kind).toBe('denied');
    expect((err as GraphError).message).toContain('Policy.ReadWrite.HybridAuthentication');
  });
});
