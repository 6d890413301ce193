import { describe, expect, it } from 'vitest';
import { makeMigrationId, randomSuffix, slugify } from '../../src/wizard/migration-id.js';

describe('migration ids', () => {
  it('slugs the name into safe lower-case ASCII', () => {
    expect(slugify('Contoso Production')).toBe('contoso-production');
    expect(slugify('  Müller & Söhne: Test!! ')).toBe('muller-sohne-test');
    expect(slugify('東京')).toBe('migration');
    expect(slugify('x'.repeat(100)).length).toBeLessThanOrEqual(40);
  });

  it('adds a short random suffix so equal names get different ids', () => {
    expect(makeMigrationId('Prod', 'abc123')).toBe('prod-abc123');
    expect(randomSuffix()).toMatch(/^[0-9a-f]{6}$/);
    expect(makeMigrationId('Prod')).not.toBe(makeMigrationId('Prod'));
    expect(makeMigrationId('a/../b:c')).toMatch(/^[a-z0-9-]+$/);
  });
});
