import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeProbeFile, parseProbe } from '../../src/probe/probe-schema.js';
import { probeScript } from '../../src/probe/probe-script.js';
import { sampleProbe } from '../helpers/sample-probe.js';

const GOLDEN = new URL('../fixtures/probe-v1.ps1', import.meta.url);

describe('probe script', () => {
  it('matches the reviewed golden file (PowerShell is not on this machine to parse it)', () => {
    // To change the script on purpose: UPDATE_GOLDEN=1 npx vitest run test/probe, then review the diff.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, probeScript());
    expect(probeScript()).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('only reads: no cmdlet that writes, deletes, starts or stops anything', () => {
    const code = probeScript()
      .split('\n')
      .filter((l) => !l.trim().startsWith('#'))
      .join('\n');
    expect(code).not.toMatch(
      /\b(Set-|New-Item|Remove-|Rename-|Move-|Copy-|Out-File|Add-Content|Start-Service|Stop-Service|Restart-)/,
    );
    expect(code).not.toMatch(/[^-]>\s*\S/); // no redirection inside the script
    // brackets balance (a cheap syntax check)
    const pairs: [string, string][] = [
      ['{', '}'],
      ['(', ')'],
      ['[', ']'],
    ];
    for (const [open, close] of pairs) {
      expect(code.split(open).length).toBe(code.split(close).length);
    }
  });
});

describe('parseProbe', () => {
  it('accepts a valid probe and normalises a single log object to a list', () => {
    const r = parseProbe(JSON.stringify(sampleProbe));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.probe.logs).toEqual([{ name: 'MultiFactorAuthSvc.log', size: 2048 }]);
  });
  it('refuses text that is not JSON, JSON from elsewhere, an older probe, and missing fields', () => {
    expect(parseProbe('hello')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(parseProbe('{"a":1}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not from the mfa-migrate probe/),
    });
    expect(parseProbe(JSON.stringify({ ...sampleProbe, probeVersion: 0 }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/version 0.*run it again/),
    });
    const broken = { ...sampleProbe, registry: { ...sampleProbe.registry, Pfsvc_ncan_ip_tcp_port: 70000 } };
    expect(parseProbe(JSON.stringify(broken))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/registry.Pfsvc_ncan_ip_tcp_port/),
    });
  });
  it('decodes the UTF-16LE file that PowerShell 5 redirection writes', () => {
    const text = JSON.stringify(sampleProbe);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseProbe(decodeProbeFile(bytes)).ok).toBe(true);
  });
});
