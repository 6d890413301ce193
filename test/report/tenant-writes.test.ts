import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { ALICE, PHONE, PHONE_MASKED, sampleMigration } from './fixtures.js';

const audit: AuditEntry[] = [
  {
    at: '2026-11-20T10:00:00.000Z',
    by: ALICE,
    method: 'POST',
    path: '/v1.0/policies/featureRolloutPolicies/p1/appliesTo/$ref',
    body: { '@odata.id': 'https://graph.microsoft.com/v1.0/directoryObjects/g1' },
    status: 204,
    requestId: 'req-1',
  },
  {
    at: '2026-11-21T10:00:00.000Z',
    by: ALICE,
    method: 'PATCH',
    path: '/v1.0/domains/contoso.com/federationConfiguration/f1',
    body: { federatedIdpMfaBehavior: 'rejectMfaByFederatedIdp', note: `call ${PHONE}` },
    status: 0,
    error: 'connection dropped',
  },
];
const opts = { now: new Date('2026-11-25T00:00:00Z'), maskPhones: true, programVersion: '0.1.0', audit };

describe('tenant writes in the report', () => {
  it('lists every audit-log write with status, request id and a masked body', () => {
    const r = buildReport(sampleMigration(), opts);
    expect(r.tenantWrites).toHaveLength(2);
    const md = renderMarkdown(r);
    expect(md).toContain('## Tenant changes from the audit log (2)');
    expect(md).toContain('POST /v1.0/policies/featureRolloutPolicies/p1/appliesTo/$ref');
    expect(md).toContain('req-1');
    expect(md).toContain('no answer: connection dropped');
    expect(md).toContain(PHONE_MASKED);
    expect(md).not.toContain(PHONE);
    expect(renderHtml(r)).toContain('Tenant changes from the audit log (2)');
  });

  it('belongs to the tenant phases only, and is absent when the log was not read', () => {
    expect(buildReport(sampleMigration(), { ...opts, phase: 'preparations' }).tenantWrites).toBeNull();
    expect(buildReport(sampleMigration(), { ...opts, phase: 'finalize' }).tenantWrites).toHaveLength(2);
    const { audit: _a, ...without } = opts;
    expect(buildReport(sampleMigration(), without).tenantWrites).toBeNull();
  });
});
