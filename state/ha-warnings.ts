// High-availability warnings for the inventory step, derived from the topology the admin recorded and
// from the probes run on each server (the HA seed's rules). Pure: the screens and the report call it.
import type { Inventory } from './model.js';

/** The few probe facts HA needs (the full probe document lives in the step's evidence). */
export interface ProbeFacts {
  server: string;
  domainJoined: boolean;
  replicationPort: number | null;
}

export interface HaWarning {
  id: string;
  /** one line: what and why */
  message: string;
}

export function haWarnings(inv: Inventory, probes: ProbeFacts[] = []): HaWarning[] {
  const out: HaWarning[] = [];
  const byName = new Map<string, { domainJoined: boolean; port: number | null; source: string }>();
  for (const s of inv.servers) {
    byName.set(s.name.toLowerCase(), {
      domainJoined: s.membership === 'domain-joined',
      port: s.replicationPort,
      source: 'inventory',
    });
  }
  for (const p of probes) {
    const inInventory = byName.get(p.server.toLowerCase());
    if (inInventory && inInventory.port !== p.replicationPort) {
      out.push({
        id: `port-mismatch:${p.server}`,
        message: `${p.server}: the inventory says replication port ${inInventory.port ?? 'none'} but the probe read ${p.replicationPort ?? 'none'}; correct the inventory.`,
      });
    }
    // the probe is what the server really has: it wins
    byName.set(p.server.toLowerCase(), {
      domainJoined: p.domainJoined,
      port: p.replicationPort,
      source: 'probe',
    });
  }

  const servers = [...byName.entries()];
  if (servers.length === 1) {
    out.push({
      id: 'single-server',
      message:
        'Only one MFA Server: while it is down or being updated nobody can change MFA data. Plan the update window.',
    });
  }
  const joined = servers.filter(([, s]) => s.domainJoined).length;
  if (joined > 0 && joined < servers.length) {
    out.push({
      id: 'mixed-membership',
      message:
        'Servers mix domain-joined and standalone: replication needs all servers alike. Fix before the update.',
    });
  }
  for (const [name, s] of servers) {
    if (s.port === null) {
      out.push({
        id: `no-static-port:${name}`,
        message: `${name} has no static replication port (Pfsvc_ncan_ip_tcp_port): RPC then uses dynamic ports that firewalls block. Set it on every server.`,
      });
    }
  }
  const primaries = inv.servers.filter((s) => s.role === 'primary');
  if (inv.servers.length > 0 && primaries.length !== 1) {
    out.push({
      id: 'primary-count',
      message:
        primaries.length === 0
          ? 'No server is marked primary: the update and the Migration Utility run on the primary. Mark it.'
          : `${primaries.length} servers are marked primary (${primaries.map((p) => p.name).join(', ')}): there is exactly one. Check which.`,
    });
  }
  for (const lb of inv.loadBalancers) {
    if (lb.sticky) continue;
    if (lb.fronts === 'sms-otp') {
      out.push({
        id: `lb-sms:${lb.id}`,
        message: `${lb.name} balances OTP over SMS without sticky sessions: the reply must reach the server that sent the code, or sign-in fails.`,
      });
    }
    if (lb.fronts === 'user-portal' || lb.fronts === 'mobile-app-ws') {
      const what = lb.fronts === 'user-portal' ? 'the User portal' : 'the Mobile App Web Service';
      out.push({
        id: `lb-sticky:${lb.id}`,
        message: `${lb.name} balances ${what} without sticky sessions: each session must stay on one server.`,
      });
    }
  }
  return out;
}
