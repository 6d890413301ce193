// `mfa-migrate report`: the change-board report of one migration, all phases or one, as Markdown or JSON.
import fs from 'node:fs';
import path from 'node:path';
import { PHASES, type PhaseId } from '../../state/model.js';
import { migrationDirPath } from '../../state/store.js';
import { fileStamp } from '../../state/store-errors.js';
import { auditFileFor, readAuditLog } from '../audit/audit-log.js';
import { buildReport } from '../report/build-report.js';
import { renderHtml } from '../report/render-html.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import type { Report } from '../report/report-model.js';
import { currentActor } from './actor.js';
import { EXIT, type ExitCode, RuntimeError, UsageError } from './exit-codes.js';
import { loadStateForReading } from './load-state.js';
import { selectOneMigration } from './select-migration.js';
import { writeFileAtomic } from './write-atomic.js';

export const REPORT_FORMATS = ['md', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (r: Report) => string> = {
  md: renderMarkdown,
  json: renderJson,
  html: renderHtml,
};

export function parsePhase(value: string | undefined): PhaseId | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  const phase = PHASES.find((p) => p === wanted);
  if (!phase) throw new UsageError(`Unknown phase "${value}". Valid phases: ${PHASES.join(', ')}.`);
  return phase;
}

export function parseFormat(value: string | undefined): ReportFormat {
  const wanted = (value ?? 'md').trim().toLowerCase();
  const format = wanted === 'markdown' ? 'md' : REPORT_FORMATS.find((f) => f === wanted);
  if (!format)
    throw new UsageError(`Unknown format "${value}". Valid formats: ${REPORT_FORMATS.join(', ')}.`);
  return format;
}

/** A file name for --out DIR: no colons (Windows), no spaces, says what and when. */
export function defaultReportFileName(
  migrationName: string,
  phase: PhaseId | undefined,
  now: Date,
  format: ReportFormat,
): string {
  const slug =
    migrationName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'migration';
  return `mfa-migrate-report-${slug}-${phase ?? 'all'}-${fileStamp(now)}.${format}`;
}

export interface ReportOptions {
  stateDir: string;
  programVersion: string;
  format?: string;
  phase?: string;
  migration?: string;
  out?: string;
  showPhoneNumbers: boolean;
  now: Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runReport(opts: ReportOptions): Promise<ExitCode> {
  // Check the whole command line before touching the state file.
  const format = parseFormat(opts.format);
  const phase = parsePhase(opts.phase);
  const root = loadStateForReading(opts.stateDir, opts.programVersion);
  const m = root ? selectOneMigration(root, opts.migration) : undefined;
  if (!m) {
    throw new RuntimeError(
      `No migration yet in ${opts.stateDir}, so there is nothing to report. Start one with \`mfa-migrate\`.`,
    );
  }
  const audit = await readAuditLog(auditFileFor(migrationDirPath(opts.stateDir, m.id)));
  if (audit.badLines.length > 0) {
    opts.stderr(
      `Warning: the audit log has unreadable lines (${audit.badLines.join(', ')}); they are left out.\n`,
    );
  }
  const report = buildReport(m, {
    audit: audit.entries,
    ...(phase === undefined ? {} : { phase }),
    now: opts.now,
    maskPhones: !opts.showPhoneNumbers,
    programVersion: opts.programVersion,
    generatedBy: currentActor(),
  });
  const text = RENDERERS[format](report);
  if (opts.out === undefined || opts.out === '-') {
    opts.stdout(text);
    return EXIT.ok;
  }
  let target = path.resolve(opts.out);
  if (isDirectory(target)) target = path.join(target, defaultReportFileName(m.name, phase, opts.now, format));
  writeFileAtomic(target, text);
  opts.stderr(`Report written to ${target}\n`);
  return EXIT.ok;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
