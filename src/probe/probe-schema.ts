// Validates the JSON a probe printed (probe-script.ts) before it becomes evidence. A probe from an
// older script version is refused with a message to run the current script, since its fields differ.
import { z } from 'zod';
import { PROBE_VERSION } from './probe-script.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/i, 'a SHA-256 is 64 hex digits');

export const probeResultSchema = z.object({
  probe: z.literal('mfa-migrate'),
  probeVersion: z.number().int(),
  collectedAt: z.string().min(1),
  server: z.object({
    name: z.string().min(1),
    domainJoined: z.boolean(),
    domain: z.string().nullable().optional(),
  }),
  version: z.string().nullable(),
  installDir: z.string(),
  dataFolder: z.string(),
  dataFile: z
    .object({
      path: z.string(),
      size: z.number().nonnegative(),
      lastWriteTimeUtc: z.string(),
      sha256: sha256.nullable(),
      hashError: z.string().nullable().optional(),
    })
    .nullable(),
  registry: z.object({
    Pfsvc_ncan_ip_tcp_port: z.number().int().min(1).max(65535).nullable(),
    StsUrl: z.string().nullable(),
    GraphUrl: z.string().nullable(),
  }),
  service: z.object({ name: z.string(), status: z.string() }).nullable(),
  // ConvertTo-Json writes a one-element array as an object: accept both
  logs: z
    .union([
      z.array(z.object({ name: z.string(), size: z.number() })),
      z.object({ name: z.string(), size: z.number() }),
    ])
    .transform((v) => (Array.isArray(v) ? v : [v])),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

export type ProbeParse = { ok: true; probe: ProbeResult } | { ok: false; message: string };

export function parseProbe(text: string): ProbeParse {
  let raw: unknown;
  try {
    // PowerShell redirection writes UTF-16 or UTF-8 with BOM; the caller decodes, we drop a BOM.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      ok: false,
      message: 'This is not the probe output: it is not JSON. Paste everything the script printed.',
    };
  }
  const head = z.object({ probe: z.literal('mfa-migrate'), probeVersion: z.number() }).safeParse(raw);
  if (!head.success) {
    return { ok: false, message: 'This JSON is not from the mfa-migrate probe (no "probe": "mfa-migrate").' };
  }
  if (head.data.probeVersion !== PROBE_VERSION) {
    const older = head.data.probeVersion < PROBE_VERSION;
    return {
      ok: false,
      message: `This probe output is version ${head.data.probeVersion}; this wizard reads version ${PROBE_VERSION}. ${
        older ? 'Save the current script (mfa-migrate probe-script) and run it again.' : 'Update mfa-migrate.'
      }`,
    };
  }
  const parsed = probeResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { ok: false, message: `The probe output is incomplete or changed: ${issues}.` };
  }
  return { ok: true, probe: parsed.data };
}

/** Decode a probe file: PowerShell 5's `>` writes UTF-16LE with a BOM. */
export function decodeProbeFile(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}
