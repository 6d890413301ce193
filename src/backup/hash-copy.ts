// Streaming copy and hashing: a 2 GB data file must never be read into memory.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  // flags 'r': the source is only ever opened for reading
  await pipeline(createReadStream(path, { flags: 'r' }), hash, { signal });
  return hash.digest('hex');
}

/**
 * Copy `from` to `to` (which must not exist: 'wx' never overwrites), hashing the bytes read on the way.
 * Returns the SHA-256 of what was read from the source.
 */
export async function copyHashing(
  from: string,
  to: string,
  opts: { onBytes?: (n: number) => void; signal?: AbortSignal } = {},
): Promise<string> {
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      opts.onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
  await pipeline(
    createReadStream(from, { flags: 'r' }),
    tap,
    createWriteStream(to, { flags: 'wx', mode: 0o600 }),
    {
      signal: opts.signal,
    },
  );
  return hash.digest('hex');
}
