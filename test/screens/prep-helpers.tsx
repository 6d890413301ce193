// Shared by the Preparations section tests: the step view in the test shell, with real services on a
// temp directory (and the real emulator for Graph when a client is given).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StepView } from '../../screens/step-view.js';
import { PrepServicesContext } from '../../screens/use-prep-services.js';
import type { GraphClient } from '../../src/graph/client.js';
import { remoteHost, type ServerHost } from '../../src/platform/server-host.js';
import { createPrepServices, type PrepServices } from '../../src/services/prep-services.js';
import type { MigrationEvent } from '../../state/events.js';
import type { StepRef } from '../../state/model.js';
import { type RenderedUi, renderUi } from '../helpers/render.js';
import { Harness, newProbe, seededRoot } from './step-harness.js';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'prep-ui-'));
}

/** A clock that moves one second per call, so two backups never share a folder name. */
export function steppingClock(start = '2026-11-25T12:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

export function realServices(
  cwd: string,
  extra: { graph?: GraphClient; now?: () => Date } = {},
): PrepServices {
  return createPrepServices({
    graph: () => extra.graph,
    host: remoteHost,
    now: extra.now ?? steppingClock(),
    cwd,
    platform: 'linux',
    machine: 'jump01',
  });
}

export function openPrep(
  stepRef: StepRef,
  opts: {
    cwd: string;
    seed?: MigrationEvent[];
    graph?: GraphClient;
    host?: ServerHost;
    now?: () => Date;
    services?: PrepServices | null;
    onBack?: () => void;
  },
): { ui: RenderedUi; probe: ReturnType<typeof newProbe>; services: PrepServices | undefined } {
  const probe = newProbe(seededRoot(opts.seed ?? []));
  const services =
    opts.services === null
      ? undefined
      : (opts.services ??
        createPrepServices({
          graph: () => opts.graph,
          host: opts.host ?? remoteHost,
          now: opts.now ?? steppingClock(),
          cwd: opts.cwd,
          platform: 'linux',
          machine: 'jump01',
        }));
  const ui = renderUi(
    <Harness probe={probe} now={() => (opts.now ?? (() => new Date('2026-11-25T12:00:00Z')))().toISOString()}>
      <PrepServicesContext.Provider value={services}>
        <StepView stepRef={stepRef} onBack={opts.onBack ?? (() => {})} />
      </PrepServicesContext.Provider>
    </Harness>,
    { columns: 80, rows: 24 },
  );
  return { ui, probe, services };
}
