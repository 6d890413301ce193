import { describe, expect, it } from 'vitest';
import { parseEmulatorArgs, runEmulatorCli } from '../../src/emulator/cli.js';
import { parseFaultSpec } from '../../src/emulator/faults.js';
import { decodeToken } from '../../src/emulator/tokens.js';

describe('emulator CLI', () => {
  it('parses flags, both "--x N" and "--x=N"', () => {
    expect(parseEmulatorArgs(['--port', '0', '--users=1000', '--seed', '5'])).toEqual({
      port: 0,
      users: 1000,
      seed: 5,
      faults: '',
    });
    expect(() => parseEmulatorArgs(['--users', 'lots'])).toThrow(/whole number/);
    expect(() => parseEmulatorArgs(['--bogus', '1'])).toThrow(/Unknown option/);
    expect(() => parseEmulatorArgs(['--users', '5'])).toThrow(/between 10 and 500000/);
  });

  it('parses fault specs', () => {
    expect(parseFaultSpec('throttle=5,503=2,latency=100')).toEqual({
      throttleEvery: 5,
      fail503Burst: 2,
      latencyMs: 100,
    });
    expect(() => parseFaultSpec('explode=1')).toThrow(/Unknown fault/);
  });

  it('starts the emulator and prints its URL and a working demo token', async () => {
    const lines: string[] = [];
    const emu = await runEmulatorCli(['--users', '50', '--seed', '2'], (l) => lines.push(l));
    try {
      expect(lines.join('\n')).toContain(emu.url);
      const token = lines.map((l) => l.trim()).find((l) => l.split('.').length === 3 && l.length > 100)!;
      expect(decodeToken(token)?.tid).toBe(emu.tenant.tenantId);
      const res = await fetch(`${emu.graphBase}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
