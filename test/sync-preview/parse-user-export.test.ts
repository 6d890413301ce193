import { describe, expect, it } from 'vitest';
import { parseUserExport } from '../../src/sync-preview/parse-user-export.js';
import { previewUser } from '../../src/sync-preview/rules.js';
import { previewToCsv, summarisePreview } from '../../src/sync-preview/summary.js';

const HEADER =
  'user,phone,phone_extension,backup_phone,backup_phone_extension,default_method,mobile_app_devices,oath_tokens';

describe('parseUserExport', () => {
  it('reads a valid file with BOM, quotes and aliases', () => {
    const csv = `\uFEFF${HEADER}\r\nann@contoso.com,+1 425 555 0100,12,,,Text message,"iPhone|2024-05-01;Pixel, old|2023-01-01",SN1\r\n`;
    const r = parseUserExport(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.errors).toEqual([]);
    expect(r.users[0]).toMatchObject({
      user: 'ann@contoso.com',
      phoneExtension: '12',
      defaultMethod: 'text-message',
      oathTokens: ['SN1'],
    });
    expect(r.users[0]?.mobileAppDevices).toEqual([
      { name: 'iPhone', date: '2024-05-01' },
      { name: 'Pixel, old', date: '2023-01-01' },
    ]);
  });

  it('reports each bad row with its line number and keeps the good ones', () => {
    const csv = [
      HEADER,
      'ok@contoso.com,+1 425 555 0100,,,,phone-call,,',
      'not-a-upn,,,,,,,',
      'b@contoso.com,call me,,,,,,',
      'c@contoso.com,,x1,,,,,',
      'd@contoso.com,,,,,carrier pigeon,,',
      'e@contoso.com,,,,,,iPhone,',
      'OK@contoso.com,,,,,,,',
    ].join('\n');
    const r = parseUserExport(csv);
    if (!r.ok) throw new Error(r.message);
    expect(r.users.map((u) => u.user)).toEqual(['ok@contoso.com']);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(r.errors[0]?.message).toMatch(/not a user principal name/);
    expect(r.errors[5]?.message).toMatch(/appears again \(first on line 2\)/);
  });

  it('refuses a malformed CSV with the line, and unknown columns', () => {
    const bad = parseUserExport(`${HEADER}\na@contoso.com,"unclosed\n`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/cannot be read/);
    const cols = parseUserExport('user,fax\na@contoso.com,1\n');
    expect(cols.ok).toBe(false);
    if (!cols.ok) expect(cols.message).toMatch(/Unknown column\(s\): fax/);
    const none = parseUserExport('');
    expect(none.ok).toBe(false);
  });

  it('summarises and exports an Excel-safe CSV with masked phones', () => {
    const csv = `${HEADER}\n=cmd@contoso.com,+1 425 555 0100,1,+1 425 555 0101,2,,,\n`;
    const r = parseUserExport(csv);
    if (!r.ok) throw new Error(r.message);
    const previews = r.users.map(previewUser);
    expect(summarisePreview(previews)).toMatchObject({ users: 1, usersWithSkips: 1, landed: 1 });
    const out = previewToCsv(previews, (v) => v.replace(/\d(?=\d{2})/g, '•'));
    expect(out.startsWith('\uFEFF"user"')).toBe(true);
    expect(out).toContain(`"'=cmd@contoso.com"`);
    expect(out).not.toContain('555 0100');
  });
});
