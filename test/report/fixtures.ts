// A migration with something in every section the report shows, built as plain data (validated with
// the real schema) so the report tests do not depend on the reducer.
import { stepDef } from '../../state/catalogue/index.js';
import { type Migration, migrationSchema, type RootState, rootStateSchema } from '../../state/model.js';
import { newMigration } from '../../state/new-migration.js';

export const ALICE = 'alice@mfa01';
export const BOB = 'bob@jump02';
export const PHONE = '+1 425 555 0100';
export const PHONE_MASKED = '+1 ••• ••• ••00';

/** The backup step's first checklist item from the catalogue, or a stand-in while it has none. */
export function backupItem(): { id: string; text: string } {
  const first = stepDef('backup').checklist[0];
  return first ? { id: first.id, text: first.text } : { id: 'copy-data-file', text: 'copy-data-file' };
}

export function sampleMigration(overrides: Partial<Migration> = {}): Migration {
  const m = newMigration({
    id: 'contoso-prod-a1b2',
    name: 'Contoso | production',
    tenant: 'contoso.onmicrosoft.com',
    cloud: 'global',
    at: '2026-11-01T09:00:00.000Z',
    by: ALICE,
  });
  const item = backupItem();
  m.tenantId = '11111111-2222-3333-4444-555555555555';
  m.current = { step: 'update' };
  m.steps.inventory = {
    ...m.steps.inventory,
    status: 'done',
    doneAt: '2026-11-02T10:00:00.000Z',
    notes: `Helpdesk line ${PHONE} forwards to the NOC.\nSecond line | with pipe`,
    history: [
      { at: '2026-11-02T09:00:00.000Z', by: ALICE, what: 'status: pending -> in-progress' },
      { at: '2026-11-02T10:00:00.000Z', by: ALICE, what: 'status: in-progress -> done' },
    ],
  };
  m.steps.backup = {
    ...m.steps.backup,
    status: 'done',
    doneAt: '2026-11-03T08:00:00.000Z',
    checklist: {
      [item.id]: { checked: true, note: 'copied to \\\\nas01\\mfa', at: '2026-11-03T07:55:00.000Z', by: BOB },
    },
    evidence: [
      {
        id: 'ev1',
        kind: 'file-hash',
        label: 'PhoneFactor.pfdata',
        value: 'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        at: '2026-11-03T07:58:00.000Z',
        by: BOB,
      },
    ],
    history: [{ at: '2026-11-03T08:00:00.000Z', by: BOB, what: 'status: pending -> done' }],
  };
  m.steps.update = {
    ...m.steps.update,
    status: 'in-progress',
    history: [
      {
        at: '2026-11-05T08:00:00.000Z',
        by: ALICE,
        what: 'override backup-stale',
        reason: 'Backup re-verified by hash this morning',
      },
    ],
  };
  m.steps.dependencies = {
    ...m.steps.dependencies,
    status: 'blocked',
    reason: 'Waiting for the NPS server build',
  };
  m.overrides = [
    {
      guard: 'backup-stale',
      step: 'update',
      reason: 'Backup re-verified by hash this morning',
      refusal: 'The backup is older than 24 hours: the data file may have changed since.',
      at: '2026-11-05T08:00:00.000Z',
      by: ALICE,
    },
  ];
  m.inventory.services = [
    {
      id: 's1',
      kind: 'radius',
      name: 'VPN concentrator',
      host: 'vpn01',
      disposition: 'nps-extension',
      status: 'pending',
      notes: 'PAP only',
    },
  ];
  m.inventory.servers = [
    {
      id: 'srv1',
      name: 'MFA01',
      role: 'primary',
      membership: 'domain-joined',
      replicationPort: 4443,
      hosts: 'User portal',
      notes: '',
    },
  ];
  m.inventory.loadBalancers = [
    { id: 'lb1', name: 'F5 portal', fronts: 'user-portal', sticky: true, notes: '' },
  ];
  m.waves = [
    {
      id: 'w1',
      name: 'Pilot',
      createdAt: '2026-11-06T09:00:00.000Z',
      migrationGroups: [{ name: 'MFA-Migrate-Pilot', id: 'g-1' }],
      rolloutGroups: [{ name: 'MFA-Rollout-Pilot' }],
      counts: { members: 40, migrated: 40, verified: 38 },
      testUsers: [
        {
          upn: 'test1@contoso.com',
          checks: {
            'sign-in-works': { result: 'pass', at: '2026-11-07T09:00:00.000Z', by: BOB },
            'calls-texts-received': {
              result: 'fail',
              note: `no call on ${PHONE}`,
              at: '2026-11-07T09:05:00.000Z',
              by: BOB,
            },
          },
        },
      ],
      steps: {
        'migrate-users': {
          status: 'done',
          checklist: {},
          notes: '',
          evidence: [],
          history: [],
          doneAt: '2026-11-06T12:00:00.000Z',
        },
        validate: { status: 'in-progress', checklist: {}, notes: '', evidence: [], history: [] },
      },
    },
  ];
  m.exceptions = [
    { upn: 'ceo@contoso.com', reason: 'travelling', at: '2026-11-08T09:00:00.000Z', by: ALICE },
  ];
  m.federationChanges = [
    {
      domain: 'contoso.com',
      from: null,
      to: 'rejectMfaByFederatedIdp',
      at: '2026-11-09T09:00:00.000Z',
      by: ALICE,
    },
  ];
  return migrationSchema.parse({ ...m, ...overrides });
}

export function rootWith(migrations: Migration[], lastMigrationId?: string): RootState {
  return rootStateSchema.parse({
    schemaVersion: 1,
    writtenBy: '0.1.0',
    migrations: Object.fromEntries(migrations.map((m) => [m.id, m])),
    ...(lastMigrationId === undefined ? {} : { lastMigrationId }),
  });
}
