import { describe, expect, it } from 'vitest';
import { parseRegQuery, parseScQuery, windowsHost } from '../../src/platform/server-host.js';

describe('Windows host parsing', () => {
  it('reads service states from sc query', () => {
    expect(parseScQuery('SERVICE_NAME: MultiFactorAuth\r\n        STATE              : 4  RUNNING\r\n')).toBe(
      'running',
    );
    expect(parseScQuery('        STATE              : 1  STOPPED \r\n')).toBe('stopped');
    expect(parseScQuery('        STATE              : 3  STOP_PENDING \r\n')).toBe('pending');
    expect(parseScQuery('[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n')).toBe('not-found');
    expect(parseScQuery('garbage')).toBe('unknown');
  });
  it('reads DWORD and string registry values from reg query', () => {
    const out =
      '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor\r\n    Pfsvc_ncan_ip_tcp_port    REG_DWORD    0x115b\r\n';
    expect(parseRegQuery(out, 'Pfsvc_ncan_ip_tcp_port')).toBe(4443);
    const s = '    StsUrl    REG_SZ    https://login.microsoftonline.us\r\n';
    expect(parseRegQuery(s, 'StsUrl')).toBe('https://login.microsoftonline.us');
    expect(parseRegQuery(s, 'GraphUrl')).toBeNull();
  });
  it('runs sc.exe and reg.exe through the injected exec and survives their failures', async () => {
    const calls: string[][] = [];
    const h = windowsHost(async (file, args) => {
      calls.push([file, ...args]);
      if (file === 'reg.exe') throw Object.assign(new Error('exit 1'), { stdout: '' });
      throw Object.assign(new Error('exit 1060'), { stdout: 'FAILED 1060:' });
    });
    expect(await h.serviceState('MultiFactorAuth')).toBe('not-found');
    expect(await h.registryValue('HKLM\\X', 'StsUrl')).toBeNull();
    expect(calls[0]).toEqual(['sc.exe', 'query', 'MultiFactorAuth']);
  });
});
