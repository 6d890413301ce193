import { describe, expect, it } from 'vitest';
import { haWarnings } from '../../state/ha-warnings.js';
import type { Inventory, InventoryServerRow } from '../../state/model.js';

const server = (name: string, over: Partial<InventoryServerRow> = {}): InventoryServerRow => ({
  id: name,
  name,
  role: 'subordinate',
  membership: 'domain-joined',
  replicationPort: 4443,
  hosts: '',
  notes: '',
  ...over,
});
const inv = (over: Partial<Inventory>): Inventory => ({
  methods: [],
  portal: [],
  services: [],
  servers: [server('MFA1', { role: 'primary' }), server('MFA2')],
  loadBalancers: [],
  ...over,
});
const ids = (i: Inventory, p = [] as Parameters<typeof haWarnings>[1]) => haWarnings(i, p).map((w) => w.id);

describe('haWarnings', () => {
  it('a healthy two-server topology has no warnings', () => {
    expect(ids(inv({}))).toEqual([]);
  });
  it('warns about a single server', () => {
    expect(ids(inv({ servers: [server('MFA1', { role: 'primary' })] }))).toEqual(['single-server']);
  });
  it('warns when domain-joined and standalone servers are mixed', () => {
    expect(
      ids(
        inv({ servers: [server('MFA1', { role: 'primary' }), server('MFA2', { membership: 'standalone' })] }),
      ),
    ).toEqual(['mixed-membership']);
  });
  it('warns about a server without the static replication port', () => {
    expect(
      ids(inv({ servers: [server('MFA1', { role: 'primary' }), server('MFA2', { replicationPort: null })] })),
    ).toEqual(['no-static-port:mfa2']);
  });
  it('warns when no server or several servers are primary', () => {
    expect(ids(inv({ servers: [server('A'), server('B')] }))).toEqual(['primary-count']);
    const two = haWarnings(
      inv({ servers: [server('A', { role: 'primary' }), server('B', { role: 'primary' })] }),
    );
    expect(two[0]?.message).toMatch(/2 servers are marked primary \(A, B\)/);
  });
  it('warns about SMS OTP, User portal and Mobile App Web Service behind non-sticky load balancers only', () => {
    const lbs = [
      { id: '1', name: 'lb-sms', fronts: 'sms-otp' as const, sticky: false, notes: '' },
      { id: '2', name: 'lb-up', fronts: 'user-portal' as const, sticky: false, notes: '' },
      { id: '3', name: 'lb-mas', fronts: 'mobile-app-ws' as const, sticky: false, notes: '' },
      { id: '4', name: 'lb-ok', fronts: 'user-portal' as const, sticky: true, notes: '' },
      { id: '5', name: 'lb-radius', fronts: 'radius' as const, sticky: false, notes: '' },
    ];
    expect(ids(inv({ loadBalancers: lbs }))).toEqual(['lb-sms:1', 'lb-sticky:2', 'lb-sticky:3']);
  });
  it('uses probes: a probe that disagrees with the inventory, and probe-only servers', () => {
    const w = ids(inv({}), [
      { server: 'MFA2', domainJoined: true, replicationPort: null },
      { server: 'MFA3', domainJoined: false, replicationPort: 4443 },
    ]);
    expect(w).toEqual(['port-mismatch:MFA2', 'mixed-membership', 'no-static-port:mfa2']);
  });
});
