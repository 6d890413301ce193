// Step 5's optional sync preview: the admin's per-user CSV of MFA Server data (columns in the README)
// run through the Migration Utility's rules. Nothing is kept until the admin accepts: then the
// per-user predictions go to preview.jsonl, which verification compares against.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readJsonl, writeFileAtomic } from '../../state/data-files.js';
import { parseUserExport, type RowError } from '../sync-preview/parse-user-export.js';
import { previewUser } from '../sync-preview/rules.js';
import { type PreviewSummary, previewToCsv, summarisePreview } from '../sync-preview/summary.js';
import type { UserPreview } from '../sync-preview/types.js';
import { ensureWaveDir, type WaveFiles } from './wave-files.js';

export type PreviewImport =
  | {
      ok: true;
      previews: UserPreview[];
      summary: PreviewSummary;
      /** rows left out, by CSV line; the admin decides whether to accept without them */
      errors: RowError[];
    }
  | { ok: false; message: string };

/** Parses and predicts; writes nothing. */
export function importPreviewCsv(text: string): PreviewImport {
  const parsed = parseUserExport(text);
  if (!parsed.ok) return parsed;
  const previews = parsed.users.map(previewUser);
  return { ok: true, previews, summary: summarisePreview(previews), errors: parsed.errors };
}

export async function importPreviewFile(file: string): Promise<PreviewImport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      message: `Could not read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`,
    };
  }
  return importPreviewCsv(text);
}

/** The admin accepted: replace the wave's preview (atomically: old or new, never half). */
export async function acceptPreview(files: WaveFiles, previews: readonly UserPreview[]): Promise<void> {
  await ensureWaveDir(files);
  await writeFileAtomic(files.preview, previews.map((p) => `${JSON.stringify(p)}\n`).join(''));
}

export async function* readPreview(
  files: WaveFiles,
  opts: { onlySkips?: boolean } = {},
): AsyncGenerator<UserPreview, void, undefined> {
  for await (const raw of readJsonl(files.preview)) {
    const p = raw as UserPreview;
    if (opts.onlySkips && p.skipped.length === 0) continue;
    yield p;
  }
}

export async function hasPreview(files: WaveFiles): Promise<boolean> {
  for await (const _ of readJsonl(files.preview)) return true;
  return false;
}

/** Excel-safe CSV of the accepted preview; phone numbers masked unless `maskPhone` keeps them. */
export async function exportPreviewCsv(
  files: WaveFiles,
  file: string,
  maskPhone: (value: string) => string,
  opts: { onlySkips?: boolean } = {},
): Promise<{ rows: number }> {
  const all: UserPreview[] = [];
  for await (const p of readPreview(files, opts)) all.push(p);
  // a typed path never replaces an existing file (a typo could name the state or a wave file)
  if (existsSync(file)) throw new Error(`${file} already exists and was left as it is. Choose another name.`);
  await writeFileAtomic(file, previewToCsv(all, maskPhone));
  return { rows: all.length };
}
