import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { permissionsMarkdownTable } from '../../src/graph/permissions.js';

describe('README permissions table', () => {
  it('matches the table the code requests scopes from', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('## Sign-in and permissions');
    expect(readme).toContain(permissionsMarkdownTable());
  });
});
