// Append-only JSONL record of every write request sent to the tenant: who, when, what, result. Each
// entry is fsync'd before the caller learns the result, so a crash right after a change still leaves
// its trace. Secrets never reach the file: keys that look secret are replaced before writing.
import { chmod, mkdir, open, readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

export const AUDIT_FILE_NAME = 'audit.jsonl';

export interface AuditEntry {
  /** ISO-8601 */
  at: string;
  /** "osuser@host" */
  by: string;
  method: string;
  /** path and query on the Graph host, e.g. /v1.0/policies/featureRolloutPolicies */
  path: string;
  /** request body with secrets removed; null when there was none */
  body: unknown;
  /** HTTP status; 0 when no response arrived */
  status: number;
  /** Graph's request-id (or the client-request-id we sent) */
  requestId?: string;
  /** set when no response arrived or the client refused to send */
  error?: string;
}

const SECRET_KEY = /secret|password|key|token|certificate/i;
export const REMOVED = '[removed]';

/** Deep copy with every value under a secret-looking key replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEY.test(k) ? REMOVED : redact(v);
    }
    return out;
  }
  return value;
}

/** A request body as the client sent it (JSON text usually) -> redacted value for the log. */
export function redactBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return null;
  if (typeof body === 'string') {
    try {
      return redact(JSON.parse(body));
    } catch {
      return `[non-JSON body, ${body.length} characters]`;
    }
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
    return `[binary body, ${body.byteLength} bytes]`;
  if (typeof body === 'object') return redact(body);
  return `[${typeof body} body]`;
}

export function osActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return `${user}@${hostname()}`;
}

export function auditFileFor(migrationDir: string): string {
  return join(migrationDir, AUDIT_FILE_NAME);
}

export interface AuditLog {
  readonly file: string;
  append(entry: Omit<AuditEntry, 'at' | 'by'> & Partial<Pick<AuditEntry, 'at' | 'by'>>): Promise<AuditEntry>;
}

/** Opens (creating when missing) an audit log. Writes are serialised so lines never interleave. */
export function openAuditLog(file: string, opts: { actor?: string; now?: () => Date } = {}): AuditLog {
  const actor = opts.actor ?? osActor();
  const now = opts.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  let prepared = false;

  async function write(line: string): Promise<void> {
    if (!prepared) {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    }
    const handle = await open(file, 'a+', 0o600);
    try {
      if (!prepared) {
        // an existing file keeps its old mode on open; tighten it once
        await chmod(file, 0o600);
        prepared = true;
      }
      // A crash mid-append can leave a torn last line: start on a fresh line so this entry stays
      // readable (the torn one is reported as a bad line by readAuditLog).
      const { size } = await handle.stat();
      let text = line;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) text = `\n${line}`;
      }
      await handle.appendFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return {
    file,
    append(partial) {
      const entry: AuditEntry = {
        at: partial.at ?? now().toISOString(),
        by: partial.by ?? actor,
        method: partial.method,
        path: partial.path,
        body: redact(partial.body) ?? null,
        status: partial.status,
        ...(partial.requestId ? { requestId: partial.requestId } : {}),
        ...(partial.error ? { error: partial.error } : {}),
      };
      const line = `${JSON.stringify(entry)}\n`;
      const done = queue.then(() => write(line));
      queue = done.catch(() => undefined);
      return done.then(() => entry);
    },
  };
}

export interface AuditReadResult {
  entries: AuditEntry[];
  /** 1-based line numbers that could not be parsed (e.g. a torn last line after a crash) */
  badLines: number[];
}

/** Reads the whole log; a missing file is an empty log. */
export async function readAuditLog(file: string): Promise<AuditReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], badLines: [] };
    throw err;
  }
  const entries: AuditEntry[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const parsed = JSON.parse(line) as AuditEntry;
      if (typeof parsed.method === 'string' && typeof parsed.path === 'string') entries.push(parsed);
      else badLines.push(i + 1);
    } catch {
      badLines.push(i + 1);
    }
  });
  return { entries, badLines };
}
