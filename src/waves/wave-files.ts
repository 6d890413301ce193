// Where one wave's per-user data lives: <migration dir>/waves/<waveId>/. Members, previews and
// verification results can be 50,000 lines, so they are JSONL files of their own (append-only where
// they grow), never the conf state. Small bookkeeping (checkpoint, passes) is replaced atomically.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../state/data-files.js';
import type { VerifyOutcome } from '../../state/verification.js';

export interface WaveFiles {
  dir: string;
  members: string;
  membersCheckpoint: string;
  preview: string;
  verification: string;
  passes: string;
}

/** One line of members.jsonl. */
export interface MemberRecord {
  id: string;
  upn: string;
  enabled: boolean;
  /** synced from on-premises AD (staged rollout affects only these) */
  synced: boolean;
}

/** members.checkpoint.json: written after every page, so an interrupted enumeration resumes. */
export interface MembersCheckpoint {
  groupId: string;
  groupName?: string;
  /** the link to fetch next; undefined once done */
  nextLink?: string;
  /** records in members.jsonl that this checkpoint vouches for */
  count: number;
  totals: MemberTotals;
  done: boolean;
  startedAt: string;
  updatedAt: string;
}

export interface MemberTotals {
  users: number;
  enabled: number;
  synced: number;
  cloudOnly: number;
}

/** One line of verification.jsonl: one user in one pass. */
export interface VerificationRecord {
  id: string;
  upn: string;
  outcome: VerifyOutcome;
  missing: string[];
  phonesMasked: boolean;
  at: string;
  pass: number;
}

export interface PassInfo {
  pass: number;
  startedAt: string;
  finishedAt?: string;
  /** users this pass set out to check */
  planned?: number;
  /** why this pass checks whom it checks, one line */
  scope?: string;
}

export interface PassesFile {
  passes: PassInfo[];
}

export function waveFiles(migrationDir: string, waveId: string): WaveFiles {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(waveId)) {
    throw new Error(`The wave id "${waveId}" cannot be used as a folder name.`);
  }
  const dir = path.join(migrationDir, 'waves', waveId);
  return {
    dir,
    members: path.join(dir, 'members.jsonl'),
    membersCheckpoint: path.join(dir, 'members.checkpoint.json'),
    preview: path.join(dir, 'preview.jsonl'),
    verification: path.join(dir, 'verification.jsonl'),
    passes: path.join(dir, 'passes.json'),
  };
}

export async function ensureWaveDir(files: WaveFiles): Promise<void> {
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
}

/** A small JSON file, or undefined when it does not exist yet. */
export async function readJsonFile<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${file} is damaged (not JSON). Delete it to start this part of the wave again.`);
  }
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

export async function readPasses(files: WaveFiles): Promise<PassesFile> {
  return (await readJsonFile<PassesFile>(files.passes)) ?? { passes: [] };
}
