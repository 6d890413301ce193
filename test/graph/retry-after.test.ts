import { afterEach, describe, expect, it } from 'vitest';
import type { GraphError } from '../../src/graph/errors.js';
import { parseRetryAfter } from '../../src/graph/middleware/retry-handler.js';
import { getOrganization } from '../../src/graph/operations/organization.js';
import { type Harness, startHarness } from './graph-harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(
      parseRetryAfter('Wed, 25 Nov 2026 10:00:10 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('gives up instead of shortening a Retry-After longer than the cap', async () => {
    const sleeps: number[] = [];
    h = await startHarness({
      faults: { throttleEvery: 1, retryAfterSeconds: 300 },
      client: { retry: { maxDelayMs: 60_000, sleep: async (ms) => void sleeps.push(ms) } },
    });
    const err = await getOrganization(h.graph).catch((e: unknown) => e);
    expect((err as GraphError).kind).toBe('throttled');
    expect(sleeps).toEqual([]);
    expect(h.emu.requestLog).toHaveLength(1);
  });
});
