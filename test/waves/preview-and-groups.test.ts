// The sync preview's import (errors kept by line, nothing written until accepted, summary, CSV with
// masked numbers), group resolution (ambiguous names, a clear not-found), and verification by an
// admin who sees full phone numbers (office extensions compared as Graph writes them).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateTenant } from '../../src/emulator/tenant-generator.js';
import { mintToken, PRIVILEGED_AUTH_ADMIN_ROLE } from '../../src/emulator/tokens.js';
import { createGraphClient } from '../../src/graph/client.js';
import { maskPhoneNumbers } from '../../src/report/mask-phones.js';
import { enumerateMembers } from '../../src/waves/enumerate-members.js';
import { toLiveMethod } from '../../src/waves/live-methods.js';
import {
  acceptPreview,
  exportPreviewCsv,
  hasPreview,
  importPreviewCsv,
  readPreview,
} from '../../src/waves/preview-wave.js';
import { resolveGroupRef } from '../../src/waves/resolve-group.js';
import { latestResults, verifyWave } from '../../src/waves/verify-wave.js';
import { verifyUser } from '../../state/verification.js';
import { ALL_DELEGATED, FakeCredential, type Harness, startHarness } from '../graph/graph-harness.js';
import { memberIds, previewCsvFor, setupWave } from './wave-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const HEADER =
  'user,phone,phone_extension,backup_phone,backup_phone_extension,default_method,mobile_app_devices,oath_tokens,existing_entra_devices';

describe('sync preview of a wave', () => {
  it('keeps errors by line, writes nothing until accepted, summarises and exports', async () => {
    const w = setupWave(generateTenant({ users: 20, seed: 1 }));
    const csv = [
      HEADER,
      'ann@contoso.com,+1 4255550100,123,+1 4255550101,45,phone-call,,,0',
      'not-a-upn,+1 4255550102,,,,phone-call,,,0',
      'bob@contoso.com,+1 4255550103,77,,,text-message,iPhone|2026-01-01;iPhone|2025-01-01,,0',
    ].join('\n');
    const r = importPreviewCsv(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3]);
    expect(r.previews.map((p) => p.user)).toEqual(['ann@contoso.com', 'bob@contoso.com']);
    expect(r.summary.skipped['both-extensions']).toBe(1);
    expect(r.summary.skipped['duplicate-device-name']).toBe(1);
    expect(r.summary.extensionsDropped).toBe(1);
    expect(await hasPreview(w.files)).toBe(false);

    await acceptPreview(w.files, r.previews);
    expect(await hasPreview(w.files)).toBe(true);
    const skips: string[] = [];
    for await (const p of readPreview(w.files, { onlySkips: true })) skips.push(p.user);
    expect(skips).toEqual(['ann@contoso.com', 'bob@contoso.com']);

    const out = path.join(w.files.dir, 'preview-export.csv');
    await exportPreviewCsv(w.files, out, maskPhoneNumbers);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('both-extensions');
    expect(text).not.toContain('4255550101');
  });

  it('refuses a CSV without the user column', () => {
    const r = importPreviewCsv('name,phone\nann,+1 4255550100');
    expect(r.ok).toBe(false);
  });
});

describe('resolving the migration group', () => {
  it('lists groups sharing a name to choose from, and names a missing one', async () => {
    const tenant = generateTenant({ users: 50, seed: 1 });
    const copy = tenant.groups.get(tenant.wellKnown.pilotGroupId);
    if (!copy) throw new Error('no pilot group');
    tenant.groups.set('00000000-0000-4000-8000-0000000000e1', {
      ...copy,
      id: '00000000-0000-4000-8000-0000000000e1',
    });
    h = await startHarness({ tenant });
    const two = await resolveGroupRef(h.graph, { name: 'MFA Pilot' });
    expect(two.kind).toBe('ambiguous');
    if (two.kind === 'ambiguous')
      expect(two.choices.map((c) => c.id).sort()).toEqual(
        [tenant.wellKnown.pilotGroupId, '00000000-0000-4000-8000-0000000000e1'].sort(),
      );
    const none = await resolveGroupRef(h.graph, { name: 'MFA Wave 99' });
    expect(none).toEqual({
      kind: 'not-found',
      message:
        'No group named "MFA Wave 99" was found in the tenant. Check the spelling or use the group\'s object id.',
    });
    const byId = await resolveGroupRef(h.graph, { id: '00000000-0000-4000-8000-0000000000f9' });
    expect(byId.kind).toBe('not-found');
  });
});

describe('verification by a Privileged Authentication Administrator', () => {
  it('compares full numbers, office extensions included', async () => {
    const tenant = generateTenant({ users: 400, seed: 7, nestedGroups: true });
    h = await startHarness({ tenant });
    const graph = createGraphClient({
      credential: new FakeCredential(
        mintToken({ tid: tenant.tenantId, scp: ALL_DELEGATED, wids: [PRIVILEGED_AUTH_ADMIN_ROLE] }),
      ),
      cloud: 'global',
      baseUrl: h.emu.url,
      scopes: ['https://graph.microsoft.com/.default'],
      signInKind: 'delegated',
    });
    const w = setupWave(tenant);
    const group = { id: tenant.wellKnown.migrationGroupId, displayName: 'g', dynamic: false };
    await enumerateMembers(graph, w.files, group);
    const ids = memberIds(tenant, group.id);
    const imported = importPreviewCsv(previewCsvFor(tenant, ids));
    if (!imported.ok) throw new Error(imported.message);
    await acceptPreview(w.files, imported.previews);
    const withOffice = ids.filter((id) => tenant.findUser(id)?.mfaServer?.phoneExtension);
    expect(withOffice.length).toBeGreaterThan(0);
    tenant.migrateUsers(ids);
    const r = await verifyWave(graph, w.files);
    expect(r.phonesMasked).toBe(false);
    expect(r.maskedReason).toBeUndefined();
    const withProfile = ids.filter((id) => tenant.findUser(id)?.mfaServer).length;
    expect(r.coverage.partial).toBe(0);
    expect(r.coverage.migrated).toBeGreaterThanOrEqual(withProfile);
    // every user the utility migrated matches the preview, number for number
    const outcome = new Map<string, string>();
    for await (const x of latestResults(w.files)) outcome.set(x.id, `${x.outcome} ${x.missing.join(',')}`);
    for (const id of ids) if (tenant.findUser(id)?.mfaServer) expect(outcome.get(id)).toBe('migrated ');
  });

  it('keeps Graph\'s "x123" extension as written and verifyUser accepts it', () => {
    const live = toLiveMethod({
      '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
      id: '1',
      phoneNumber: '+1 4255550100x123',
      phoneType: 'office',
    } as never);
    expect(live).toEqual({ kind: 'phone', phoneType: 'office', phoneNumber: '+1 4255550100x123' });
    expect(verifyUser([live], [{ target: 'office', value: '+1 425 555 0100 x123' }]).outcome).toBe(
      'migrated',
    );
    const masked = toLiveMethod({
      '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
      id: '2',
      phoneNumber: '+1 XXXXXXXX00',
      phoneType: 'mobile',
    } as never);
    expect(masked).toEqual({ kind: 'phone', phoneType: 'mobile', phoneNumber: '+1 XXXXXXXX00' });
  });
});
