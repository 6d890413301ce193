import { afterEach, describe, expect, it } from 'vitest';
import { topologyLines } from '../../screens/inventory-tables.js';
import { StepView } from '../../screens/step-view.js';
import { probeEvidence } from '../../src/probe/probe-evidence.js';
import { parseProbe } from '../../src/probe/probe-schema.js';
import { METHOD_MAPPINGS, NPS_CHECKLIST } from '../../state/catalogue/index.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { sampleProbe } from '../helpers/sample-probe.js';
import { frameFits, Harness, newProbe, see, seededRoot, toSection } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

async function openTables() {
  const probe = newProbe(seededRoot());
  ui = renderUi(
    <Harness probe={probe}>
      <StepView stepRef={{ step: 'inventory' }} onBack={() => {}} />
    </Harness>,
    { columns: 80, rows: 24 },
  );
  await see(ui, '[What & why]');
  await toSection(ui, 'Tables');
  await see(ui, '[MFA methods]');
  return { ui, probe };
}

describe('Inventory tables (step 1)', () => {
  it('lists the guide mapping rows and records "in use" with an upsert', async () => {
    const { ui, probe } = await openTables();
    const first = METHOD_MAPPINGS[0]!;
    await see(ui, first.feature.slice(0, 15));
    ui.press(KEYS.right);
    await see(ui, '[In use]');
    ui.press(KEYS.enter);
    await see(ui, 'In use: yes');
    expect(probe.migration().inventory.methods[0]).toMatchObject({ id: first.id, inUse: 'yes' });
    expect(probe.events.at(-1)).toMatchObject({ type: 'upsert-inventory-row', table: 'methods' });
    // notes are free text
    for (let i = 0; i < 3; i++) ui.press(KEYS.right);
    await see(ui, '[Notes]');
    ui.press(KEYS.enter);
    await see(ui, 'Notes:');
    await ui.type('used by 300 users');
    ui.press(KEYS.enter);
    await see(ui, 'Notes: used by 300 users');
    expect(probe.migration().inventory.methods[0]?.notes).toBe('used by 300 users');
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
  });

  it('adds a RADIUS client, cycles its disposition to the NPS extension and shows the NPS checklist', async () => {
    const { ui, probe } = await openTables();
    ui.press('t');
    await see(ui, '[User portal]');
    ui.press('t');
    await see(ui, '[Auth services]');
    await see(ui, 'No RADIUS / LDAP / AD FS clients yet');
    ui.press('a');
    await see(ui, 'New row, Name:');
    await ui.type('VPN concentrator');
    ui.press(KEYS.enter);
    await see(ui, /VPN concentrator/);
    const services = probe.migration().inventory.services;
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({ kind: 'radius', name: 'VPN concentrator', disposition: 'undecided' });
    // Kind -> Name -> Host -> Disposition
    for (let i = 0; i < 3; i++) ui.press(KEYS.right);
    await see(ui, '[Disposition]');
    ui.press(KEYS.enter);
    ui.press(KEYS.enter);
    await see(ui, () => probe.migration().inventory.services[0]?.disposition === 'nps-extension');
    const frame = await see(ui, 'NPS extension checklist for VPN concentrator');
    expect(frame).toContain(NPS_CHECKLIST[0]!.text.slice(0, 30));
    expect(frameFits(frame, 80, 24)).toBeNull();
  });

  it('records topology: a server with a validated replication port, and deletes it after y', async () => {
    const { ui, probe } = await openTables();
    for (let i = 0; i < 3; i++) ui.press('t');
    await see(ui, '[Servers]');
    ui.press('a');
    await see(ui, 'New row, Server:');
    await ui.type('MFA01');
    ui.press(KEYS.enter);
    await see(ui, /MFA01/);
    // one server, no static port: the HA rules speak up under the table
    await see(ui, /Topology: \d+ warning/);
    expect(frameFits(ui.lastFrame(), 80, 24)).toBeNull();
    ui.press(KEYS.right);
    await see(ui, '[Role]');
    ui.press(KEYS.enter);
    await see(ui, 'Role: Primary');
    ui.press(KEYS.right);
    ui.press(KEYS.right);
    await see(ui, '[Repl port]');
    ui.press(KEYS.enter);
    await see(ui, 'Repl port:');
    await ui.type('99999');
    ui.press(KEYS.enter);
    await see(ui, 'Repl port must be at most 65535.');
    for (let i = 0; i < 5; i++) ui.press(KEYS.backspace);
    await ui.type('4443');
    ui.press(KEYS.enter);
    await see(ui, 'Repl port: 4443');
    expect(probe.migration().inventory.servers[0]).toMatchObject({
      name: 'MFA01',
      role: 'primary',
      replicationPort: 4443,
    });
    ui.press('x');
    await see(ui, 'Delete "MFA01"?');
    ui.press('y');
    await see(ui, 'No MFA Servers yet');
    expect(ui.lastFrame()).not.toContain('Topology:');
    expect(probe.migration().inventory.servers).toHaveLength(0);
    expect(probe.events.at(-1)).toMatchObject({ type: 'delete-inventory-row', table: 'servers' });
  });

  it('load balancers: sticky is a yes/no that toggles', async () => {
    const { ui, probe } = await openTables();
    ui.press('T');
    await see(ui, '[Load balancers]');
    ui.press('a');
    await see(ui, 'New row, Load balancer:');
    await ui.type('F5 portal');
    ui.press(KEYS.enter);
    await see(ui, /F5 portal/);
    ui.press(KEYS.right);
    ui.press(KEYS.right);
    await see(ui, '[Sticky]');
    ui.press(KEYS.enter);
    await see(ui, 'Sticky: no');
    expect(probe.migration().inventory.loadBalancers[0]?.sticky).toBe(false);
  });
});

describe('topology warnings use the imported probes', () => {
  it('a probe reading no static port on a server the inventory says has one is named', () => {
    const parsed = parseProbe(
      JSON.stringify({ ...sampleProbe, registry: { ...sampleProbe.registry, Pfsvc_ncan_ip_tcp_port: null } }),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const evidence = probeEvidence(parsed.probe)
      .filter((e) => e.step === 'inventory')
      .map((e) => ({ ...e.evidence, at: '2026-11-25T10:00:00.000Z', by: 'a@b' }));
    const inv = {
      methods: [],
      portal: [],
      services: [],
      loadBalancers: [],
      servers: [
        {
          id: '1',
          name: 'MFA1',
          role: 'primary' as const,
          membership: 'domain-joined' as const,
          replicationPort: 4443,
          hosts: '',
          notes: '',
        },
        {
          id: '2',
          name: 'MFA2',
          role: 'subordinate' as const,
          membership: 'domain-joined' as const,
          replicationPort: 4443,
          hosts: '',
          notes: '',
        },
      ],
    };
    expect(topologyLines(inv)).toEqual([]);
    expect(topologyLines(inv, evidence).join('\n')).toMatch(
      /MFA1: the inventory says replication port 4443 but the probe read none/,
    );
  });
});
