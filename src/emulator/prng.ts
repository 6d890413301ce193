// Stateless, seeded hashing: any value of the demo tenant is a pure function of (seed, index, salt),
// so 500,000 users need no memory until someone asks for one.

/** A 32-bit integer hash (lowbias32 by Chris Wellons); good enough spread for demo data. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic uint32 for (seed, index, salt). */
export function hash32(seed: number, index: number, salt: number): number {
  return mix32(mix32(mix32(seed ^ 0x9e3779b9) ^ index) ^ Math.imul(salt, 0x85ebca6b));
}

/** Deterministic float in [0, 1) for (seed, index, salt). */
export function unit(seed: number, index: number, salt: number): number {
  return hash32(seed, index, salt) / 0x1_0000_0000;
}

/** Deterministic pick from a non-empty list. */
export function pick<T>(list: readonly T[], seed: number, index: number, salt: number): T {
  return list[hash32(seed, index, salt) % list.length] as T;
}

/** A GUID-shaped id whose last group carries `n` so the id can be turned back into the index. */
export function indexedGuid(seed: number, kind: number, n: number): string {
  const a = hash32(seed, n, kind).toString(16).padStart(8, '0');
  const b = (hash32(seed, n, kind + 1) & 0xffff).toString(16).padStart(4, '0');
  const k = (kind & 0xfff).toString(16).padStart(3, '0');
  return `${a}-${b}-4${k}-8${b.slice(1)}-${n.toString(16).padStart(12, '0')}`;
}

/** The index hidden in an indexedGuid, or undefined when the id is not one of ours. */
export function indexFromGuid(id: string): number | undefined {
  const m = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-([0-9a-f]{12})$/i.exec(id);
  if (!m?.[1]) return undefined;
  return Number.parseInt(m[1], 16);
}
