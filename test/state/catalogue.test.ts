import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECK_RESULT_LABELS,
  CLOUD_ENDPOINTS,
  CLOUD_LABELS,
  communicationDraft,
  DEPENDENCY_STATUS_LABELS,
  DISPOSITION_LABELS,
  END_USER_CHECKS,
  GUARD_LABELS,
  METHOD_MAPPINGS,
  NPS_CHECKLIST,
  PHASE_DEFS,
  PORTAL_MAPPINGS,
  phaseDef,
  SERVICE_KIND_LABELS,
  STATUS_LABELS,
  STEP_DEFS,
  stepDef,
  stepsOfPhase,
} from '../../state/catalogue/index.js';
import type { MappingDef, StepDef } from '../../state/catalogue/types.js';
import {
  CHECK_RESULTS,
  CLOUDS,
  DEPENDENCY_STATUSES,
  DISPOSITIONS,
  END_USER_CHECK_IDS,
  GUARD_IDS,
  PHASES,
  SERVICE_KINDS,
  STEP_IDS,
  STEP_STATUSES,
} from '../../state/model.js';

// The guide's seed files live outside the repo (their prose must not be copied into it).
// The seeds live in shared/ beside the repository (CI lays a copy there), not in the repo itself.
const SEED_DIR =
  process.env.MFA_MIGRATE_SEED_DIR ??
  [resolve(import.meta.dirname, '../../../shared/seeds'), '/work/shared/seeds'].find((d) =>
    existsSync(`${d}/mfa-server-migration-guide.txt`),
  ) ??
  resolve(import.meta.dirname, '../../../shared/seeds');
if (!existsSync(`${SEED_DIR}/mfa-server-migration-guide.txt`)) {
  throw new Error(`Seed files not found in ${SEED_DIR}; set MFA_MIGRATE_SEED_DIR to the seeds folder.`);
}
const GUIDE = readFileSync(`${SEED_DIR}/mfa-server-migration-guide.txt`, 'utf8');
const HA = readFileSync(`${SEED_DIR}/mfa-server-high-availability.txt`, 'utf8');

const MIN_COPIED_WORDS = 12;

/** Lower case, one kind of apostrophe, punctuation dropped: copying survives re-punctuation. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

function runsOf(text: string, n: number): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
  return runs;
}

/** Seed sentences of at least n words (lines are paragraphs in the seed files). */
function seedSentences(n: number): string[] {
  return [GUIDE, HA]
    .flatMap((t) => t.split(/\n|(?<=[.!?])\s+/))
    .map((s) => words(s).join(' '))
    .filter((s) => s.split(' ').length >= n);
}

const SEED_RUNS = new Set([...runsOf(GUIDE, MIN_COPIED_WORDS), ...runsOf(HA, MIN_COPIED_WORDS)]);
const SEED_SENTENCES = seedSentences(MIN_COPIED_WORDS);

/** What a text copies from the seeds: whole sentences of 12+ words, or any run of 12 words. */
function copiedFromSeeds(text: string): string[] {
  const normalised = ` ${words(text).join(' ')} `;
  const sentences = SEED_SENTENCES.filter((s) => normalised.includes(` ${s} `));
  const runs = [...runsOf(text, MIN_COPIED_WORDS)].filter((r) => SEED_RUNS.has(r));
  return [...sentences, ...runs];
}

function allTextsOf(step: StepDef): string[] {
  return [
    step.title,
    ...step.summary,
    ...step.checklist.flatMap((i) => [i.text, i.why ?? '']),
    ...step.evidencePrompts,
  ];
}

describe('steps', () => {
  it('has exactly one def per StepId, in STEP_IDS order', () => {
    expect(STEP_DEFS.map((s) => s.id)).toEqual([...STEP_IDS]);
    for (const id of STEP_IDS) {
      expect(STEP_DEFS.filter((s) => s.id === id)).toHaveLength(1);
      expect(stepDef(id).id).toBe(id);
    }
  });

  it('labels the guide steps 1..12 and the rollback steps R1..', () => {
    const guide = STEP_DEFS.filter((s) => s.phase !== 'rollback');
    const rollback = STEP_DEFS.filter((s) => s.phase === 'rollback');
    expect(guide.map((s) => s.label)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(rollback.map((s) => s.label)).toEqual(rollback.map((_, i) => `R${i + 1}`));
    expect(rollback.length).toBeGreaterThanOrEqual(6);
  });

  it('puts each step in the guide phase the design names', () => {
    const phaseOf = (label: string) => STEP_DEFS.find((s) => s.label === label)?.phase;
    expect(['1', '2', '3', '4'].map(phaseOf)).toEqual(Array(4).fill('preparations'));
    expect(['5', '6', '7', '8'].map(phaseOf)).toEqual(Array(4).fill('migrations'));
    expect(['9', '10', '11', '12'].map(phaseOf)).toEqual(Array(4).fill('finalize'));
    expect(stepsOfPhase('rollback').map((s) => s.id)).toEqual(STEP_IDS.filter((id) => id.startsWith('rb-')));
  });

  it('marks steps 5 and 6 per wave and only step 11 optional', () => {
    expect(STEP_DEFS.filter((s) => s.perWave).map((s) => s.id)).toEqual(['migrate-users', 'validate']);
    expect(STEP_DEFS.filter((s) => s.optional).map((s) => s.id)).toEqual(['disable-portal']);
  });

  it('gives every step a short title, 2-5 short paragraphs, a checklist and evidence prompts', () => {
    for (const step of STEP_DEFS) {
      expect(step.title.length, step.id).toBeGreaterThan(0);
      expect(step.title.length, step.id).toBeLessThanOrEqual(40);
      expect(step.summary.length, step.id).toBeGreaterThanOrEqual(2);
      expect(step.summary.length, step.id).toBeLessThanOrEqual(5);
      for (const p of step.summary) {
        expect(p.length, `${step.id}: ${p}`).toBeGreaterThan(40);
        expect(p.length, `${step.id}: ${p}`).toBeLessThanOrEqual(450);
        expect(p, step.id).not.toMatch(/\n/);
      }
      expect(step.checklist.length, step.id).toBeGreaterThan(0);
      expect(step.evidencePrompts.length, step.id).toBeGreaterThan(0);
      for (const e of step.evidencePrompts) expect(e.length, e).toBeLessThanOrEqual(70);
    }
  });

  it('keeps checklist text to one line of 70 and the why to two lines', () => {
    for (const item of [...STEP_DEFS.flatMap((s) => s.checklist), ...NPS_CHECKLIST]) {
      expect(item.text.length, item.id).toBeGreaterThan(0);
      expect(item.text.length, item.text).toBeLessThanOrEqual(70);
      expect(item.text, item.id).not.toMatch(/\n/);
      expect(item.why, item.id).toBeTruthy();
      expect(item.why!.length, item.why).toBeLessThanOrEqual(150);
    }
  });

  it('uses unique, stable-looking checklist ids across the whole catalogue', () => {
    const ids = [
      ...STEP_DEFS.flatMap((s) => s.checklist.map((i) => i.id)),
      ...NPS_CHECKLIST.map((i) => i.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it('carries the facts the design gives for each step', () => {
    const text = (id: (typeof STEP_IDS)[number]) => allTextsOf(stepDef(id)).join(' ');
    expect(text('inventory')).toMatch(/voice OTP/);
    expect(text('inventory')).toMatch(/number matching/);
    expect(text('inventory')).toMatch(/Pfsvc_ncan_ip_tcp_port/);
    expect(text('inventory')).toMatch(/4443/);
    expect(text('inventory')).toMatch(/sticky sessions/);
    expect(text('backup')).toMatch(/PhoneFactor\.pfdata/);
    expect(text('backup')).toMatch(/SHA-256/);
    expect(text('backup')).toMatch(/8\.1 update/);
    expect(text('backup')).toMatch(/cannot bring 8\.0 back/);
    expect(text('backup')).toMatch(/24 hours/);
    expect(text('backup')).toMatch(/installer/);
    expect(text('update')).toMatch(/primary server first/);
    expect(text('update')).toMatch(/subordinates first/);
    expect(text('update')).toMatch(/Unhandled SB/);
    expect(text('update')).toMatch(/10,000 users/);
    expect(text('update')).toMatch(/Visual C\+\+ 2015/);
    expect(text('update')).toMatch(/User portal, Web/);
    expect(text('update')).toMatch(/load balancing/);
    expect(text('utility')).toMatch(/Configure-MultiFactorAuthMigrationUtility\.ps1/);
    expect(text('utility')).toMatch(/\.us/);
    expect(text('utility')).toMatch(/StsUrl and GraphUrl/);
    expect(text('utility')).toMatch(/admin consent/);
    expect(text('migrate-users')).toMatch(/nested groups/);
    expect(text('migrate-users')).toMatch(/cannot prove/);
    expect(text('migrate-users')).toMatch(/Privileged Authentication Administrator/);
    expect(text('validate')).toMatch(/10 groups/);
    expect(text('validate')).toMatch(/50,000 users/);
    expect(text('validate')).toMatch(/no dynamic groups, no nested groups/);
    expect(text('validate')).toMatch(/cloud-only users are not/);
    expect(text('validate')).toMatch(/24 hours/);
    expect(text('validate')).toMatch(/China/);
    expect(text('validate')).toMatch(/delegated sign-in/);
    expect(text('educate')).toMatch(/https:\/\/aka\.ms\/mysecurityinfo/);
    expect(text('dependencies')).toMatch(/PAP/);
    expect(text('dependencies')).toMatch(/MSCHAPv2/);
    expect(text('dependencies')).toMatch(/60 seconds/);
    expect(text('federation')).toMatch(/rejectMfaByFederatedIdp/);
    expect(text('federation')).toMatch(/can never be cleared/);
    expect(text('federation')).toMatch(/Conditional Access/);
    expect(text('federation')).toMatch(/24 hours/);
    expect(text('disable-portal')).toMatch(/Allow users to log/);
    expect(text('decommission')).toMatch(/24 hours after the federation change/);
    expect(text('rb-assess')).toMatch(/30 September 2024/);
    expect(text('rb-assess')).toMatch(/partial rollbacks remain safe/);
    expect(text('rb-assess')).toMatch(/changed in Entra/);
    expect(text('rb-staged-rollout')).toMatch(/turn the policy off/i);
    expect(text('rb-federation')).toMatch(/enforceMfaByFederatedIdp on exactly the domains/);
    expect(text('rb-uninstall')).toMatch(/8\.1/);
    expect(text('rb-restore')).toMatch(/MultiFactorAuth service is stopped/);
    expect(text('rb-restore')).toMatch(/hash/);
    expect(text('rb-restore')).toMatch(/aside/);
    expect(text('rb-reinstall')).toMatch(/installer of the version recorded/);
  });
});

describe('phases', () => {
  it('has the four phases in order with one-line summaries', () => {
    expect(PHASE_DEFS.map((p) => p.id)).toEqual([...PHASES]);
    expect(PHASE_DEFS.map((p) => p.title)).toEqual(['Preparations', 'Migrations', 'Finalize', 'Rollback']);
    for (const p of PHASE_DEFS) {
      expect(p.summary.length, p.id).toBeGreaterThan(10);
      expect(p.summary.length, p.id).toBeLessThanOrEqual(80);
      expect(phaseDef(p.id)).toBe(p);
    }
    expect(phaseDef('migrations').summary).toMatch(/waves/);
  });
});

// Feature names as they stand in the seed's two tables, read off the seed by hand.
const SEED_METHOD_FEATURES = [
  'Phone call (Standard)',
  'Text message (OTP)',
  'Mobile app (Standard)',
  'Phone Call (PIN)',
  'Text message (OTP + PIN)',
  'Mobile app (PIN)',
  'Phone call/text message/mobile app/OATH token language',
  'Default PIN rules section',
  'Username Resolution tab',
  'Text Message tab',
  'OATH Token tab',
  'Reports',
];
const SEED_PORTAL_FEATURES = [
  'User portal URL',
  'Allow user enrollment',
  'Prompt for backup phone',
  'Prompt for third-party OATH token',
  'Allow users to initiate a One-Time Bypass',
  'Allow users to select method',
  'Phone call',
  'Text message',
  'Mobile app',
  'OATH token',
  'Allow users to select language',
  'Allow users to activate mobile app',
  'Device limit',
  'Use security questions for fallback',
  'Questions to answer',
  'Allow users to associate third-party OATH token',
  'Use OATH token for fallback',
  'Session Timeout',
  'Security Questions tab',
  'Passed Sessions tab',
  'Trusted IPs',
];

/** The seed's table rows between its "MFA Server Azure AD MFA" header and the next blank line. */
function seedTableRows(afterHeading: string): string[] {
  const start = GUIDE.indexOf('MFA Server Azure AD MFA', GUIDE.indexOf(afterHeading));
  const lines = GUIDE.slice(start).split('\n').slice(1);
  const end = lines.findIndex((l) => l.trim() === '');
  const sectionHeadings = new Set(['General Tab', 'User Defaults section', 'Settings Tab']);
  return lines
    .slice(0, end)
    .map((l) => l.replace(/^-\s*/, '').trim())
    .filter((l) => !sectionHeadings.has(l));
}

/** Which feature a seed row belongs to: the longest feature name it starts with (footnote stars dropped). */
function featureOfRow(seedRow: string, rows: MappingDef[]): string | undefined {
  const row = seedRow.replace(/\*/g, '');
  return rows
    .map((m) => m.feature)
    .filter((f) => row === f || row.startsWith(`${f} `))
    .sort((a, b) => b.length - a.length)[0];
}

describe('mapping tables', () => {
  it.each([
    ['MFA methods', METHOD_MAPPINGS, SEED_METHOD_FEATURES, 'Open MFA Server, click Company Settings'],
    ['User portal', PORTAL_MAPPINGS, SEED_PORTAL_FEATURES, 'Open MFA Server, click User Portal'],
  ] as const)('%s: has every row of the seed, once, in the seed order', (_name, rows, features, heading) => {
    expect(rows.map((r) => r.feature)).toEqual([...features]);
    for (const f of features) expect(GUIDE, f).toContain(f);
    const seedRows = seedTableRows(heading);
    expect(seedRows.length).toBe(features.length);
    expect(seedRows.map((r) => featureOfRow(r, rows))).toEqual([...features]);
  });

  it('fills every row and keeps ids unique', () => {
    const all = [...METHOD_MAPPINGS, ...PORTAL_MAPPINGS];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      expect(r.area.length, r.id).toBeGreaterThan(0);
      expect(r.entraAction.length, r.id).toBeGreaterThan(10);
      expect(r.entraAction.length, r.id).toBeLessThanOrEqual(160);
    }
  });

  it('maps the PIN methods, bypass and security questions as the guide does', () => {
    const action = (feature: string) =>
      [...METHOD_MAPPINGS, ...PORTAL_MAPPINGS].find((r) => r.feature === feature)!;
    expect(action('Phone Call (PIN)').entraAction).toMatch(/voice OTP/);
    expect(action('Phone Call (PIN)').actionNeeded).toBe(true);
    expect(action('Mobile app (PIN)').entraAction).toMatch(/Number matching/);
    expect(action('Mobile app (PIN)').actionNeeded).toBe(true);
    expect(action('Text Message tab').actionNeeded).toBe(false);
    expect(action('OATH Token tab').actionNeeded).toBe(false);
    expect(action('Allow user enrollment').entraAction).toMatch(/combined/);
    expect(action('Allow users to initiate a One-Time Bypass').entraAction).toMatch(/Temporary Access Pass/);
    expect(action('Questions to answer').entraAction).toMatch(/SSPR only/);
    expect(action('Device limit').entraAction).toMatch(/five devices/);
    expect(action('Trusted IPs').entraAction).toMatch(/trusted IPs/);
  });
});

describe('end-user and NPS checks', () => {
  it('has the five end-user checks in model order', () => {
    expect(END_USER_CHECKS.map((c) => c.id)).toEqual([...END_USER_CHECK_IDS]);
    for (const c of END_USER_CHECKS) {
      expect(c.label.length).toBeLessThanOrEqual(30);
      expect(c.text.length).toBeLessThanOrEqual(100);
    }
    expect(END_USER_CHECKS[0]!.text).toContain('https://aka.ms/mysecurityinfo');
  });

  it('covers the four NPS extension facts', () => {
    const text = NPS_CHECKLIST.map((i) => `${i.text} ${i.why}`).join(' ');
    expect(text).toMatch(/default method/);
    expect(text).toMatch(/PAP/);
    expect(text).toMatch(/MSCHAPv2/);
    expect(text).toMatch(/[Nn]umber matching/);
    expect(text).toMatch(/60 seconds/);
  });
});

describe('labels and clouds', () => {
  it('labels every value of every enum', () => {
    const cases: [readonly string[], Record<string, string>][] = [
      [DISPOSITIONS, DISPOSITION_LABELS],
      [SERVICE_KINDS, SERVICE_KIND_LABELS],
      [DEPENDENCY_STATUSES, DEPENDENCY_STATUS_LABELS],
      [STEP_STATUSES, STATUS_LABELS],
      [CHECK_RESULTS, CHECK_RESULT_LABELS],
      [GUARD_IDS, GUARD_LABELS],
      [CLOUDS, CLOUD_LABELS],
    ];
    for (const [values, labels] of cases) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) expect(labels[v]!.length, v).toBeGreaterThan(0);
    }
    expect(STATUS_LABELS['in-progress']).toBe('in progress');
  });

  it('gives each cloud its hosts and says China has no staged rollout', () => {
    expect(CLOUD_ENDPOINTS.global).toMatchObject({
      login: 'login.microsoftonline.com',
      graph: 'graph.microsoft.com',
      stagedRollout: true,
    });
    expect(CLOUD_ENDPOINTS.gcc).toMatchObject({
      login: 'login.microsoftonline.com',
      graph: 'graph.microsoft.com',
    });
    expect(CLOUD_ENDPOINTS.gcchigh).toMatchObject({
      login: 'login.microsoftonline.us',
      graph: 'graph.microsoft.us',
    });
    expect(CLOUD_ENDPOINTS.dod).toMatchObject({
      login: 'login.microsoftonline.us',
      graph: 'dod-graph.microsoft.us',
    });
    expect(CLOUD_ENDPOINTS.china).toMatchObject({
      login: 'login.chinacloudapi.cn',
      graph: 'microsoftgraph.chinacloudapi.cn',
      stagedRollout: false,
    });
    for (const c of CLOUDS) expect(CLOUD_ENDPOINTS[c].utilityNote.length).toBeGreaterThan(20);
  });
});

describe('communication draft', () => {
  it('uses the facts it is given', () => {
    const text = communicationDraft({
      organisation: 'Contoso IT',
      date: 'Monday 3 March',
      helpdesk: 'ext. 4357',
    });
    expect(text).toContain('Monday 3 March');
    expect(text).toContain('ext. 4357');
    expect(text).toContain('Contoso IT');
    expect(text).toContain('https://aka.ms/mysecurityinfo');
    expect(text).toMatch(/no\s+longer carried over/);
    expect(text).toMatch(/rename it/);
    expect(text).not.toContain('[date]');
  });

  it('leaves visible placeholders and keeps lines short without facts', () => {
    const text = communicationDraft({ date: '  ' });
    expect(text).toContain('[date]');
    expect(text).toContain('the IT helpdesk');
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(72);
  });
});

describe('own words', () => {
  it('detects a copied seed sentence (the check itself can fail)', () => {
    const copied =
      'Note: Migrating user data does not remove or alter any data in the Multi-Factor Authentication ' +
      'Server database.';
    expect(copiedFromSeeds(copied).length).toBeGreaterThan(0);
    expect(copiedFromSeeds('The copy goes one way only: nothing on MFA Server is changed.')).toEqual([]);
  });

  it('copies no sentence or run of 12+ words from the seeds, anywhere in the catalogue', () => {
    const texts = [
      ...STEP_DEFS.flatMap(allTextsOf),
      ...NPS_CHECKLIST.flatMap((i) => [i.text, i.why ?? '']),
      ...[...METHOD_MAPPINGS, ...PORTAL_MAPPINGS].map((r) => r.entraAction),
      ...END_USER_CHECKS.map((c) => c.text),
      ...PHASE_DEFS.map((p) => p.summary),
      ...CLOUDS.map((c) => CLOUD_ENDPOINTS[c].utilityNote),
      communicationDraft({}),
    ];
    const copies = texts.flatMap((t) => copiedFromSeeds(t).map((c) => `${c}  <-  ${t.slice(0, 60)}`));
    expect(copies).toEqual([]);
  });
});
