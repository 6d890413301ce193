import { afterEach, describe, expect, it } from 'vitest';
import { StepView } from '../../screens/step-view.js';
import type { MigrationEvent } from '../../state/events.js';
import type { StepRef } from '../../state/model.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { frameFits, Harness, newProbe, see, seededRoot, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

function open(stepRef: StepRef, seed: MigrationEvent[] = []) {
  const probe = newProbe(seededRoot(seed));
  ui = renderUi(
    <Harness probe={probe}>
      <StepView stepRef={stepRef} onBack={() => {}} />
    </Harness>,
    { columns: 80, rows: 24 },
  );
  return { ui, probe };
}

describe('sections some steps have of their own', () => {
  it('step 8 records an exception (UPN and reason required) and removes it after y', async () => {
    const { ui, probe } = open({ step: 'complete' });
    await see(ui, '[What & why]');
    await toSection(ui, 'Exceptions');
    await see(ui, 'No exceptions.');
    ui.press('a');
    await see(ui, 'User (UPN):');
    await ui.type('svc-backup');
    ui.press(KEYS.enter);
    await see(ui, 'is not a user principal name');
    await ui.type('@contoso.com');
    ui.press(KEYS.enter);
    await see(ui, 'Why is svc-backup@contoso.com not migrated?');
    ui.press(KEYS.enter);
    await see(ui, 'Write a reason');
    await ui.type('Service account, no MFA');
    ui.press(KEYS.enter);
    await see(ui, /svc-backup@contoso\.com\s+Service account, no MFA/);
    expect(probe.migration().exceptions).toMatchObject([
      { upn: 'svc-backup@contoso.com', reason: 'Service account, no MFA', by: 'admin@mfa01' },
    ]);
    ui.press('x');
    await see(ui, 'Remove the exception for svc-backup@contoso.com?');
    ui.press('y');
    await see(ui, 'No exceptions.');
    expect(probe.migration().exceptions).toHaveLength(0);
  });

  it('step 9 tracks each authentication service to done in the same table as step 1', async () => {
    const { ui, probe } = open({ step: 'dependencies' }, [
      {
        type: 'upsert-inventory-row',
        table: 'services',
        row: {
          id: 's1',
          kind: 'ldap',
          name: 'Intranet LDAP',
          host: 'ldap01',
          disposition: 'entra-domain-services',
          status: 'pending',
          notes: '',
        },
      },
    ]);
    await see(ui, '[What & why]');
    await toSection(ui, 'Services');
    await see(ui, 'Intranet LDAP');
    for (let i = 0; i < 4; i++) ui.press(KEYS.right);
    await see(ui, '[Status]');
    ui.press(KEYS.enter);
    await see(ui, () => probe.migration().inventory.services[0]?.status === 'in-progress');
    ui.press(KEYS.enter);
    await see(ui, () => probe.migration().inventory.services[0]?.status === 'done');
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
  });

  it('step 7 drafts the user message with the facts typed and copies it into the notes', async () => {
    const { ui, probe } = open({ step: 'educate' });
    await see(ui, '[What & why]');
    await toSection(ui, 'Message');
    await see(ui, 'Subject:');
    ui.press('w');
    await see(ui, 'When (as users should read it):');
    await ui.type('Monday 3 March');
    ui.press(KEYS.enter);
    await see(ui, 'on Monday 3 March');
    ui.press('c');
    await see(ui, 'The message is in Notes.');
    expect(probe.migration().steps.educate?.notes).toContain('Monday 3 March');
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
  });
});

describe('step 10 and its rollback: federation changes', () => {
  it('records a change made by hand only after the domain is typed exactly', async () => {
    const { ui, probe } = open({ step: 'federation' });
    await see(ui, '[What & why]');
    await toSection(ui, 'Domains');
    await see(ui, 'No federation change recorded yet.');
    ui.press('a');
    await see(ui, 'Domain changed:');
    await ui.type('contoso');
    ui.press(KEYS.enter);
    await see(ui, 'is not a domain name');
    await ui.type('.com');
    ui.press(KEYS.enter);
    await see(ui, 'Before:');
    ui.press(KEYS.right);
    ui.press(KEYS.right);
    await see(ui, '[enforceMfaByFederatedIdp]');
    ui.press(KEYS.enter);
    await see(ui, '[rejectMfaByFederatedIdp]');
    ui.press(KEYS.enter);
    await see(ui, 'Type contoso.com to confirm');
    await ui.type('contoso.co');
    ui.press(KEYS.enter);
    await see(ui, 'That is not "contoso.com"');
    expect(probe.migration().federationChanges).toHaveLength(0);
    await ui.type('m');
    ui.press(KEYS.enter);
    await see(ui, /contoso\.com\s+enforceMfaByFederatedIdp -> rejectMfaByFederatedIdp/);
    expect(probe.migration().federationChanges).toMatchObject([
      { domain: 'contoso.com', from: 'enforceMfaByFederatedIdp', to: 'rejectMfaByFederatedIdp' },
    ]);
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
  });

  it('the rollback step lists exactly the recorded domains and cannot add any', async () => {
    const { ui, probe } = open({ step: 'rb-federation' }, [
      { type: 'record-federation-change', domain: 'contoso.com', from: null, to: 'rejectMfaByFederatedIdp' },
    ]);
    await see(ui, '[What & why]');
    await toSection(ui, 'Domains');
    await see(ui, /contoso\.com\s+not set -> rejectMfaByFederatedIdp/);
    ui.press('a');
    await see(ui, '↑↓ move');
    expect(ui.lastFrame()).not.toContain('Domain changed:');
    expect(probe.events).toHaveLength(0);
  });
});

describe('rollback steps', () => {
  it('say plainly that MFA Server no longer performs MFA', async () => {
    const { ui } = open({ step: 'rb-assess' });
    const frame = await see(ui, '[What & why]');
    expect(frame).toContain('stopped serving MFA on 2024-09-30');
    expect(frameFits(frame, 80, 24)).toBeNull();
  });
});
