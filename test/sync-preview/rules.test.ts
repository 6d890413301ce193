import { describe, expect, it } from 'vitest';
import { previewUser } from '../../src/sync-preview/rules.js';
import type { MfaServerUser } from '../../src/sync-preview/types.js';

const base = (over: Partial<MfaServerUser>): MfaServerUser => ({
  user: 'a@contoso.com',
  mobileAppDevices: [],
  oathTokens: [],
  existingEntraDevices: 0,
  ...over,
});

describe('sync rules: phone', () => {
  it('phone without extension lands as the MFA (mobile) phone', () => {
    const p = previewUser(base({ phone: '+1 425 555 0100' }));
    expect(p.lands).toEqual([{ from: 'phone', target: 'mobile', value: '+1 425 555 0100' }]);
  });
  it('phone with extension lands as the office phone', () => {
    const p = previewUser(base({ phone: '+1 425 555 0100', phoneExtension: '123' }));
    expect(p.lands).toEqual([{ from: 'phone', target: 'office', value: '+1 425 555 0100 x123' }]);
  });
  it('default text message drops the extension and uses the MFA phone', () => {
    const p = previewUser(
      base({ phone: '+1 425 555 0100', phoneExtension: '123', defaultMethod: 'text-message' }),
    );
    expect(p.lands[0]).toMatchObject({ target: 'mobile', value: '+1 425 555 0100' });
    expect(p.lands[0]?.note).toMatch(/extension dropped/);
    expect(p.notes).toHaveLength(1);
  });
});

describe('sync rules: backup phone', () => {
  it('without extension lands as the alternate phone', () => {
    const p = previewUser(base({ backupPhone: '+1 425 555 0101' }));
    expect(p.lands).toEqual([{ from: 'backup-phone', target: 'alternateMobile', value: '+1 425 555 0101' }]);
  });
  it('with extension lands as the office phone when the phone has none', () => {
    const p = previewUser(
      base({ phone: '+1 425 555 0100', backupPhone: '+1 425 555 0101', backupPhoneExtension: '9' }),
    );
    expect(p.lands.map((l) => l.target)).toEqual(['mobile', 'office']);
  });
  it('is skipped when both phone and backup phone have extensions', () => {
    const p = previewUser(
      base({
        phone: '+1 425 555 0100',
        phoneExtension: '1',
        backupPhone: '+1 425 555 0101',
        backupPhoneExtension: '2',
      }),
    );
    expect(p.lands.map((l) => l.from)).toEqual(['phone']);
    expect(p.skipped).toEqual([expect.objectContaining({ from: 'backup-phone', reason: 'both-extensions' })]);
  });
});

describe('sync rules: mobile app and OATH devices', () => {
  const devices = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      name: `Phone ${i}`,
      date: `2024-01-${String(10 + i).padStart(2, '0')}`,
    }));

  it('keeps at most five devices, newest first, and skips the rest', () => {
    const p = previewUser(base({ mobileAppDevices: devices(7) }));
    const kept = p.lands.filter((l) => l.from === 'mobile-app').map((l) => l.value);
    expect(kept).toEqual(['Phone 6', 'Phone 5', 'Phone 4', 'Phone 3', 'Phone 2']);
    expect(p.skipped.map((s) => s.reason)).toEqual(['device-limit', 'device-limit']);
  });
  it('keeps only four app devices when the user also has a hardware OATH token', () => {
    const p = previewUser(base({ mobileAppDevices: devices(5), oathTokens: ['SN1'] }));
    expect(p.lands.filter((l) => l.from === 'mobile-app')).toHaveLength(4);
    expect(p.lands.filter((l) => l.target === 'hardwareOath').map((l) => l.value)).toEqual(['SN1']);
    expect(p.skipped).toHaveLength(1);
  });
  it('of devices with the same name only the most recent is kept', () => {
    const p = previewUser(
      base({
        mobileAppDevices: [
          { name: 'iPhone', date: '2023-01-01' },
          { name: 'iphone', date: '2024-06-01' },
        ],
      }),
    );
    expect(p.lands).toEqual([{ from: 'mobile-app', target: 'microsoftAuthenticator', value: 'iphone' }]);
    expect(p.skipped[0]).toMatchObject({ reason: 'duplicate-device-name', value: 'iPhone (2023-01-01)' });
  });
  it('OATH tokens past the five-device limit are skipped', () => {
    const p = previewUser(base({ mobileAppDevices: devices(3), oathTokens: ['A', 'B', 'C'] }));
    expect(p.lands.filter((l) => l.target === 'hardwareOath').map((l) => l.value)).toEqual(['A', 'B']);
    expect(p.skipped).toEqual([
      expect.objectContaining({ from: 'oath-token', value: 'C', reason: 'device-limit' }),
    ]);
  });
  it('devices already in Entra count toward the limit', () => {
    const p = previewUser(base({ mobileAppDevices: devices(3), existingEntraDevices: 4 }));
    expect(p.lands).toHaveLength(1);
    expect(p.skipped).toHaveLength(2);
    expect(p.skipped[0]?.message).toMatch(/4 already in Entra/);
  });
  it('a user with nothing yields nothing', () => {
    expect(previewUser(base({}))).toEqual({ user: 'a@contoso.com', lands: [], skipped: [], notes: [] });
  });
});
