// Step 5 verification: does a user's live Entra data show their MFA Server methods arrived? Pure:
// the Graph layer fetches `/users/{id}/authentication/methods`, this decides. The registration report
// cannot prove this (it counts MFA Server users as registered), so only live methods are used.

export type LiveMethod =
  | { kind: 'phone'; phoneType: 'mobile' | 'alternateMobile' | 'office'; phoneNumber: string }
  | { kind: 'microsoftAuthenticator'; displayName?: string }
  | { kind: 'softwareOath' }
  | { kind: 'hardwareOath'; serialNumber?: string }
  | { kind: 'fido2' | 'email' | 'password' | 'temporaryAccessPass' | 'windowsHello' | 'other' };

/** What the sync preview predicted would land (subset of its Landing, to keep state/ free of src/). */
export interface ExpectedLanding {
  target: 'mobile' | 'alternateMobile' | 'office' | 'microsoftAuthenticator' | 'hardwareOath';
  value: string;
}

export const VERIFY_OUTCOMES = ['migrated', 'partial', 'not-migrated', 'not-found'] as const;
export type VerifyOutcome = (typeof VERIFY_OUTCOMES)[number];

export interface UserVerification {
  outcome: VerifyOutcome;
  /** what is missing, for partial / not-migrated, one short phrase each */
  missing: string[];
  /** true when phone numbers came back masked, so numbers could not be compared */
  phonesMasked: boolean;
}

/** Methods MFA Server could have put there (passwords, email and TAP do not count). */
const MFA_KINDS = new Set(['phone', 'microsoftAuthenticator', 'softwareOath', 'hardwareOath']);

const digits = (s: string) => s.replace(/\D/g, '');
/** "+1 4255550100x123" and "+1 4255550100 x123" -> "+1 4255550100" (Graph writes a lower-case x). */
const withoutExtension = (s: string) => s.replace(/\s*x\s*\d+\s*$/, '');
/** Graph masks numbers for admins who are not Privileged Authentication Administrators: "+1 42XXXXX00". */
export const isMaskedNumber = (s: string) => /[X*•]{2,}/.test(withoutExtension(s));

export function verifyUser(live: LiveMethod[] | null, expected?: ExpectedLanding[]): UserVerification {
  if (live === null) return { outcome: 'not-found', missing: [], phonesMasked: false };
  const phones = live.filter((m): m is Extract<LiveMethod, { kind: 'phone' }> => m.kind === 'phone');
  const phonesMasked = phones.some((p) => isMaskedNumber(p.phoneNumber));
  const mfa = live.filter((m) => MFA_KINDS.has(m.kind));
  if (!expected) {
    return mfa.length > 0
      ? { outcome: 'migrated', missing: [], phonesMasked }
      : { outcome: 'not-migrated', missing: ['no MFA method in Entra'], phonesMasked };
  }
  const missing: string[] = [];
  for (const e of expected.filter(
    (x) => x.target !== 'microsoftAuthenticator' && x.target !== 'hardwareOath',
  )) {
    const p = phones.find((x) => x.phoneType === e.target);
    if (!p) missing.push(`${e.target} phone`);
    else if (!isMaskedNumber(p.phoneNumber)) {
      // compare the number without its extension; Entra stores "+1 4255550100 x123"
      const want = digits(withoutExtension(e.value));
      if (!digits(withoutExtension(p.phoneNumber)).endsWith(want.slice(-7)))
        missing.push(`${e.target} phone number differs`);
    }
  }
  const wantApps = expected.filter((x) => x.target === 'microsoftAuthenticator').length;
  const haveApps = live.filter((m) => m.kind === 'microsoftAuthenticator').length;
  if (haveApps < wantApps) missing.push(`${wantApps - haveApps} Authenticator device(s)`);
  const wantOath = expected.filter((x) => x.target === 'hardwareOath').length;
  const haveOath = live.filter((m) => m.kind === 'hardwareOath').length;
  if (haveOath < wantOath) missing.push(`${wantOath - haveOath} hardware OATH token(s)`);

  if (missing.length === 0) return { outcome: 'migrated', missing, phonesMasked };
  const anyArrived = expected.length > 0 && missing.length < expected.length && mfa.length > 0;
  return { outcome: anyArrived ? 'partial' : 'not-migrated', missing, phonesMasked };
}

export interface Coverage {
  total: number;
  migrated: number;
  partial: number;
  notMigrated: number;
  notFound: number;
  unchecked: number;
  /** migrated / total, 0..1 */
  ratio: number;
}

export function coverage(total: number, outcomes: Iterable<VerifyOutcome>): Coverage {
  const c = { total, migrated: 0, partial: 0, notMigrated: 0, notFound: 0, unchecked: 0, ratio: 0 };
  let seen = 0;
  for (const o of outcomes) {
    seen++;
    if (o === 'migrated') c.migrated++;
    else if (o === 'partial') c.partial++;
    else if (o === 'not-migrated') c.notMigrated++;
    else c.notFound++;
  }
  c.unchecked = Math.max(0, total - seen);
  c.ratio = total === 0 ? 0 : c.migrated / total;
  return c;
}
