// `mfa-migrate emulator`: start the demo tenant and print how to point the wizard at it.
import { parseFaultSpec } from './faults.js';
import { type RunningEmulator, startEmulator } from './server.js';
import { generateTenant } from './tenant-generator.js';
import { DEMO_SCOPES, mintToken, PRIVILEGED_AUTH_ADMIN_ROLE } from './tokens.js';

export interface EmulatorCliOptions {
  port: number;
  users: number;
  seed: number;
  faults: string;
}

export const EMULATOR_USAGE =
  'Usage: mfa-migrate emulator [--port N] [--users N] [--seed N] [--faults throttle=N,503=N,504=N,latency=MS,units=N,reports=N]';

/** Parse the emulator's flags; throws an Error with a one-line message on bad input. */
export function parseEmulatorArgs(args: readonly string[]): EmulatorCliOptions {
  const o: EmulatorCliOptions = { port: 0, users: 200, seed: 1, faults: '' };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const [name, inline] =
      flag.includes('=') && flag.startsWith('--') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`${name} needs a value. ${EMULATOR_USAGE}`);
    const num = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, got '${value}'.`);
      return n;
    };
    if (name === '--port') o.port = num();
    else if (name === '--users') o.users = num();
    else if (name === '--seed') o.seed = num();
    else if (name === '--faults') o.faults = value;
    else throw new Error(`Unknown option '${name}'. ${EMULATOR_USAGE}`);
  }
  if (o.port > 65535) throw new Error(`--port must be at most 65535, got ${o.port}.`);
  if (o.users < 10 || o.users > 500_000)
    throw new Error(`--users must be between 10 and 500000, got ${o.users}.`);
  return o;
}

/** Start the emulator from CLI flags, print its URL and a demo token; the caller decides how long it runs. */
export async function runEmulatorCli(
  args: readonly string[],
  print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<RunningEmulator> {
  const o = parseEmulatorArgs(args);
  const faults = o.faults ? parseFaultSpec(o.faults) : {};
  const tenant = generateTenant({ users: o.users, seed: o.seed });
  const emu = await startEmulator({ port: o.port, tenant, faults });
  const token = mintToken({
    tid: tenant.tenantId,
    oid: tenant.adminUserId,
    upn: tenant.userAt(0)?.userPrincipalName ?? 'admin',
    scp: DEMO_SCOPES.join(' '),
    wids: [PRIVILEGED_AUTH_ADMIN_ROLE],
    expSeconds: 12 * 3600,
  });
  print(`Demo tenant (Graph emulator) listening on ${emu.url}`);
  print(
    `  Graph base URL: ${emu.graphBase}   tenant id: ${tenant.tenantId}   users: ${tenant.userCount}   seed: ${o.seed}`,
  );
  print(`  Demo access token (valid 12 h, only for this emulator):`);
  print(`  ${token}`);
  print(
    `  Simulate the Migration Utility on a group: curl -X POST ${emu.url}/_emulator/migrate -d '{"groupId":"<id>"}'`,
  );
  print(`  (migration group "MFA Migration - Wave 1" = ${tenant.wellKnown.migrationGroupId})`);
  print('  Press Ctrl+C to stop.');
  return emu;
}
