import { describe, expect, it } from 'vitest';
import { exportInventoryCsv, importInventoryCsv } from '../../src/inventory/inventory-csv.js';
import type { InventoryServiceRow } from '../../state/model.js';

const ids = (line: number) => `row-${line}`;

describe('inventory CSV', () => {
  it('imports services with a BOM, quoted commas and defaults, reporting bad rows by line', () => {
    const text = [
      '\uFEFFkind,name,host,disposition,status,notes',
      'radius,"VPN, main",vpn1.corp,nps-extension,pending,"Cisco ASA"',
      'ldap,Intranet LDAP,,,,',
      'telnet,Old thing,,,,',
      'radius,,x,,,',
      'adfs,Portal,,federate-sideways,,',
    ].join('\r\n');
    const r = importInventoryCsv('services', text, ids);
    if (!r.ok) throw new Error(r.message);
    expect(r.rows).toEqual([
      {
        id: 'row-2',
        kind: 'radius',
        name: 'VPN, main',
        host: 'vpn1.corp',
        disposition: 'nps-extension',
        status: 'pending',
        notes: 'Cisco ASA',
      },
      {
        id: 'row-3',
        kind: 'ldap',
        name: 'Intranet LDAP',
        host: '',
        disposition: 'undecided',
        status: 'pending',
        notes: '',
      },
    ]);
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(r.errors[0]?.message).toMatch(/^kind:/);
    expect(r.errors[1]?.message).toBe('name is empty');
    expect(r.errors[2]?.message).toMatch(/^disposition:/);
  });

  it('imports servers and load balancers with numbers and yes/no', () => {
    const s = importInventoryCsv(
      'servers',
      'name,role,membership,replication_port\nMFA1,primary,domain-joined,4443\nMFA2,subordinate,standalone,\nMFA3,boss,standalone,x\n',
      ids,
    );
    if (!s.ok) throw new Error(s.message);
    expect(s.rows.map((r) => r.replicationPort)).toEqual([4443, null]);
    expect(s.errors).toEqual([{ line: 4, message: expect.stringMatching(/role|replication_port/) }]);
    const lb = importInventoryCsv(
      'loadBalancers',
      'name,fronts,sticky\nlb1,sms-otp,yes\nlb2,user-portal,maybe\n',
      ids,
    );
    if (!lb.ok) throw new Error(lb.message);
    expect(lb.rows[0]?.sticky).toBe(true);
    expect(lb.errors[0]).toEqual({ line: 3, message: 'sticky "maybe" must be yes or no' });
  });

  it('refuses a file without the required columns or with an unclosed quote', () => {
    const a = importInventoryCsv('servers', 'name\nMFA1\n', ids);
    expect(a).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Missing column\(s\) role, membership/),
    });
    const b = importInventoryCsv('servers', 'name,role,membership\n"MFA1,primary,standalone\n', ids);
    expect(b).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be read/) });
  });

  it('exports Excel-safe and imports its own export back unchanged', () => {
    const rows: InventoryServiceRow[] = [
      {
        id: 's1',
        kind: 'radius',
        name: '=HYPERLINK("x")',
        host: '@host',
        disposition: 'nps-extension',
        status: 'done',
        notes: 'a "quoted", note\nline 2',
      },
    ];
    const csv = exportInventoryCsv('services', rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`"'@host"`);
    const back = importInventoryCsv('services', csv, ids);
    if (!back.ok) throw new Error(back.message);
    expect(back.errors).toEqual([]);
    expect(back.rows).toEqual(rows);
  });
});
