import { describe, expect, it } from 'vitest';
import { coverage, type LiveMethod, verifyUser } from '../../state/verification.js';

const mobile = (n: string): LiveMethod => ({ kind: 'phone', phoneType: 'mobile', phoneNumber: n });

describe('verifyUser', () => {
  it('not found when the user does not exist', () => {
    expect(verifyUser(null).outcome).toBe('not-found');
  });
  it('without a preview: any MFA method counts, password and email do not', () => {
    expect(verifyUser([mobile('+1 4255550100')]).outcome).toBe('migrated');
    expect(verifyUser([{ kind: 'password' }, { kind: 'email' }])).toMatchObject({
      outcome: 'not-migrated',
      missing: ['no MFA method in Entra'],
    });
  });
  it('with a preview: every expected phone, device and token must be there', () => {
    const expected = [
      { target: 'mobile' as const, value: '+1 425 555 0100' },
      { target: 'office' as const, value: '+1 425 555 0199 x12' },
      { target: 'microsoftAuthenticator' as const, value: 'iPhone' },
      { target: 'hardwareOath' as const, value: 'SN1' },
    ];
    const all: LiveMethod[] = [
      mobile('+1 4255550100'),
      { kind: 'phone', phoneType: 'office', phoneNumber: '+1 4255550199x12' },
      { kind: 'microsoftAuthenticator' },
      { kind: 'hardwareOath' },
    ];
    expect(verifyUser(all, expected)).toEqual({ outcome: 'migrated', missing: [], phonesMasked: false });
    const some = verifyUser(all.slice(0, 2), expected);
    expect(some).toMatchObject({
      outcome: 'partial',
      missing: ['1 Authenticator device(s)', '1 hardware OATH token(s)'],
    });
    expect(verifyUser([], expected).outcome).toBe('not-migrated');
  });
  it('a different number is reported; masked numbers are not compared but flagged', () => {
    const expected = [{ target: 'mobile' as const, value: '+1 425 555 0100' }];
    expect(verifyUser([mobile('+1 2065550111')], expected)).toMatchObject({
      outcome: 'not-migrated',
      missing: ['mobile phone number differs'],
    });
    expect(verifyUser([mobile('+1 42XXXXXX00')], expected)).toEqual({
      outcome: 'migrated',
      missing: [],
      phonesMasked: true,
    });
  });
});

describe('coverage', () => {
  it('counts outcomes and the users not checked yet', () => {
    expect(coverage(5, ['migrated', 'migrated', 'partial', 'not-found'])).toEqual({
      total: 5,
      migrated: 2,
      partial: 1,
      notMigrated: 0,
      notFound: 1,
      unchecked: 1,
      ratio: 0.4,
    });
    expect(coverage(0, []).ratio).toBe(0);
  });
});
