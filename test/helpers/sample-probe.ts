// A probe document as the PowerShell probe prints it (one log file: ConvertTo-Json makes it an object).
import { PROBE_VERSION } from '../../src/probe/probe-script.js';

export const sampleProbe = {
  probe: 'mfa-migrate',
  probeVersion: PROBE_VERSION,
  collectedAt: '2026-11-25T10:00:00.0000000Z',
  server: { name: 'MFA1', domainJoined: true, domain: 'corp.contoso.com' },
  version: '8.1.0.1',
  installDir: 'C:\\Program Files\\Multi-Factor Authentication Server',
  dataFolder: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data',
  dataFile: {
    path: 'C:\\Program Files\\Multi-Factor Authentication Server\\Data\\PhoneFactor.pfdata',
    size: 1048576,
    lastWriteTimeUtc: '2026-11-25T09:00:00.0000000Z',
    sha256: 'a'.repeat(64),
    hashError: null,
  },
  registry: {
    Pfsvc_ncan_ip_tcp_port: 4443,
    StsUrl: 'https://login.microsoftonline.com',
    GraphUrl: 'https://graph.microsoft.com',
  },
  service: { name: 'MultiFactorAuth', status: 'Running' },
  logs: { name: 'MultiFactorAuthSvc.log', size: 2048 },
};
