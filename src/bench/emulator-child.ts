// The benchmark's emulator, in a process of its own so the figures for peak RSS are the client's
// alone (the tenant, the request log and the server live here). Prints one JSON line with where it
// listens, then serves until killed. Usage: node emulator-child.js USERS
import { startEmulator } from '../emulator/server.js';
import { generateTenant } from '../emulator/tenant-generator.js';
import type { MemberSet, TenantGroup } from '../emulator/tenant-types.js';

export interface BenchEmulatorInfo {
  url: string;
  tenantId: string;
  adminUserId: string;
  /** a group with `users` transitive user members, two levels of nesting */
  nestedGroupId: string;
}

const users = Number(process.argv[2] ?? 50_000);
// index 0 is the signed-in admin; members are 1..users
const tenant = generateTenant({ users: users + 1, seed: 7 });

let serial = 0;
function addGroup(displayName: string, members: Partial<MemberSet>): string {
  const id = `b0000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  const group: TenantGroup = {
    id,
    displayName,
    description: 'benchmark group',
    groupTypes: [],
    membershipRule: null,
    membershipRuleProcessingState: null,
    securityEnabled: true,
    mailEnabled: false,
    mailNickname: displayName.replace(/[^A-Za-z0-9]/g, ''),
    onPremisesSyncEnabled: true,
    createdDateTime: '2026-01-01T00:00:00Z',
    members: { userRanges: [], groups: [], contacts: [], ...members },
  };
  tenant.groups.set(id, group);
  return id;
}

// Split the members over nested groups (with an overlap, so deduplication is part of the work).
const a = Math.floor(users * 0.4);
const b = Math.floor(users * 0.7);
const leafC = addGroup('Bench - Wave C', { userRanges: [[b + 1, users + 1]] });
const leafB = addGroup('Bench - Wave B', { userRanges: [[a + 1, b + 1]], groups: [leafC] });
const leafA = addGroup('Bench - Wave A', { userRanges: [[1, a + 1]] });
const nestedGroupId = addGroup('Bench - All waves', { userRanges: [[1, 101]], groups: [leafA, leafB] });

const emu = await startEmulator({ tenant });
const info: BenchEmulatorInfo = {
  url: emu.url,
  tenantId: tenant.tenantId,
  adminUserId: tenant.adminUserId,
  nestedGroupId,
};
process.stdout.write(`${JSON.stringify(info)}\n`);
process.on('SIGTERM', () => {
  void emu.close().finally(() => process.exit(0));
});
