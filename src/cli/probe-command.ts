// `mfa-migrate probe-script` prints (or saves) the read-only PowerShell probe for the MFA Servers;
// `mfa-migrate import-probe FILE` validates what it printed and records it as evidence on the steps it
// serves (inventory, backup, update, utility), under the wizard's lock.
import { readFileSync } from 'node:fs';
import { haWarnings } from '../../state/ha-warnings.js';
import { probeEvidence, probeFactsFromEvidence } from '../probe/probe-evidence.js';
import { decodeProbeFile, parseProbe } from '../probe/probe-schema.js';
import { probeScript } from '../probe/probe-script.js';
import { EXIT, type ExitCode, RuntimeError } from './exit-codes.js';
import { withLockedMigration } from './with-migration.js';
import { writeFileAtomic } from './write-atomic.js';

export const PROBE_FILE_NAME = 'mfa-migrate-probe.ps1';

export function runProbeScript(opts: {
  out?: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}): ExitCode {
  const script = probeScript();
  if (opts.out === undefined || opts.out === '-') {
    opts.stdout(script);
    return EXIT.ok;
  }
  writeFileAtomic(opts.out, script);
  opts.stderr(
    `Saved the probe to ${opts.out}. Copy it to each MFA Server and run it in an elevated PowerShell:\n` +
      `  powershell -NoProfile -ExecutionPolicy Bypass -File .\\${PROBE_FILE_NAME} > probe-%COMPUTERNAME%.json\n` +
      'then: mfa-migrate import-probe probe-<server>.json\n',
  );
  return EXIT.ok;
}

export interface ImportProbeOptions {
  stateDir: string;
  programVersion: string;
  /** a file, or "-" for stdin */
  file: string;
  migration?: string;
  json: boolean;
  now: () => Date;
  stdout: (text: string) => void;
  readStdin?: () => Buffer;
}

function readInput(file: string, readStdin: (() => Buffer) | undefined): Buffer {
  if (file === '-') return (readStdin ?? (() => readFileSync(0)))();
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new RuntimeError(`Cannot read the probe output ${file} (${code}). Check the path.`);
  }
}

export async function runImportProbe(opts: ImportProbeOptions): Promise<ExitCode> {
  const parsed = parseProbe(decodeProbeFile(readInput(opts.file, opts.readStdin)));
  if (!parsed.ok) throw new RuntimeError(`${opts.file}: ${parsed.message}`);
  const probe = parsed.probe;
  return withLockedMigration(
    {
      stateDir: opts.stateDir,
      programVersion: opts.programVersion,
      now: opts.now,
      ...(opts.migration === undefined ? {} : { migration: opts.migration }),
    },
    ({ migration, dispatch }) => {
      const items = probeEvidence(probe, { cloud: migration().cloud });
      const recorded: { step: string; label: string; value: string }[] = [];
      const already: { step: string; label: string }[] = [];
      for (const item of items) {
        const r = dispatch({ type: 'add-evidence', ref: { step: item.step }, evidence: item.evidence });
        if (r.ok) recorded.push({ step: item.step, label: item.evidence.label, value: item.evidence.value });
        else if (r.refusal.message.includes('already recorded'))
          already.push({ step: item.step, label: item.evidence.label });
        else throw new RuntimeError(`Not recorded: ${r.refusal.message}`);
      }
      const m = migration();
      const warnings = haWarnings(m.inventory, probeFactsFromEvidence(m.steps.inventory?.evidence ?? []));
      if (opts.json) {
        opts.stdout(
          `${JSON.stringify({ migration: m.id, server: probe.server.name, recorded, alreadyRecorded: already, haWarnings: warnings }, null, 2)}\n`,
        );
        return EXIT.ok;
      }
      const lines = [`Probe of ${probe.server.name} (${probe.collectedAt}) for migration "${m.name}":`];
      for (const r of recorded) lines.push(`  recorded on ${r.step}: ${r.label}: ${r.value}`);
      for (const a of already) lines.push(`  already recorded on ${a.step}: ${a.label}`);
      for (const w of warnings) lines.push(`  warning: ${w.message}`);
      opts.stdout(`${lines.join('\n')}\n`);
      return EXIT.ok;
    },
  );
}
