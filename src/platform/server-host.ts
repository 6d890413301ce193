// What the wizard can ask of the machine it runs on about MFA Server: service state and registry
// values. On Windows the real implementation shells out to `sc query` and `reg query`; elsewhere (a
// jump host) nothing can be read and the admin confirms by hand or imports a probe.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export type ServiceState = 'running' | 'stopped' | 'pending' | 'not-found' | 'unknown';

export interface ServerHost {
  /** false on a jump host: answers are 'unknown' / null and the admin must confirm */
  readonly canInspect: boolean;
  serviceState(name: string): Promise<ServiceState>;
  registryValue(key: string, name: string): Promise<string | number | null>;
}

export const PHONEFACTOR_KEY = 'HKLM\\SOFTWARE\\WOW6432Node\\Positive Networks\\PhoneFactor';

type Exec = (file: string, args: string[]) => Promise<{ stdout: string }>;
const run: Exec = promisify(execFile) as unknown as Exec;

/** Parse `sc query NAME` output ("STATE : 4  RUNNING"); 1060 = service does not exist. */
export function parseScQuery(stdout: string): ServiceState {
  if (/\b1060\b/.test(stdout)) return 'not-found';
  const m = /STATE\s*:\s*\d+\s+(\w+)/.exec(stdout);
  if (!m) return 'unknown';
  const s = m[1]!.toUpperCase();
  if (s === 'RUNNING') return 'running';
  if (s === 'STOPPED') return 'stopped';
  return 'pending';
}

/** Parse `reg query KEY /v NAME` output ("    NAME    REG_DWORD    0x115b"). */
export function parseRegQuery(stdout: string, name: string): string | number | null {
  for (const line of stdout.split(/\r?\n/)) {
    const parts = line.trim().split(/\s{2,}|\t/);
    if (parts[0]?.toLowerCase() === name.toLowerCase() && parts.length >= 3) {
      const [, type, value = ''] = parts;
      return type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(value, 16) : value;
    }
  }
  return null;
}

export function windowsHost(exec: Exec = run): ServerHost {
  return {
    canInspect: true,
    async serviceState(name) {
      try {
        return parseScQuery((await exec('sc.exe', ['query', name])).stdout);
      } catch (e) {
        // sc exits 1060 when the service does not exist; its text is on stdout
        const out = (e as { stdout?: string }).stdout ?? '';
        return out ? parseScQuery(out) : 'unknown';
      }
    },
    async registryValue(key, name) {
      try {
        return parseRegQuery((await exec('reg.exe', ['query', key, '/v', name])).stdout, name);
      } catch {
        return null; // reg exits 1 when the value is absent
      }
    },
  };
}

export const remoteHost: ServerHost = {
  canInspect: false,
  serviceState: async () => 'unknown',
  registryValue: async () => null,
};

export function localServerHost(platform: NodeJS.Platform = process.platform): ServerHost {
  return platform === 'win32' ? windowsHost() : remoteHost;
}
