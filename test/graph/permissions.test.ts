import { describe, expect, it } from 'vitest';
import {
  OPERATIONS,
  permissionsFor,
  permissionsMarkdownTable,
  unsupportedOperations,
} from '../../src/graph/permissions.js';

describe('permissions table', () => {
  it('read-only requests never include a write scope', () => {
    const perms = permissionsFor({
      steps: ['validate', 'federation', 'rb-staged-rollout'],
      write: false,
      kind: 'delegated',
    });
    expect(perms.some((p) => p.includes('ReadWrite'))).toBe(false);
    expect(perms).toContain('Policy.Read.HybridAuthentication');
    expect(perms).toContain('User.Read');
  });

  it('write requests add only the write scopes of the steps asked for', () => {
    const perms = permissionsFor({ steps: ['validate'], write: true, kind: 'delegated' });
    expect(perms).toContain('Policy.ReadWrite.HybridAuthentication');
    expect(perms).not.toContain('Domain-InternalFederation.ReadWrite.All');
  });

  it('app-only sign-in cannot do staged rollout', () => {
    expect(unsupportedOperations({ steps: ['validate'], write: true, kind: 'application' })).toContain(
      'rollout.write',
    );
    expect(OPERATIONS['rollout.write'].application).toBeNull();
  });

  it('renders a markdown table with every operation', () => {
    const table = permissionsMarkdownTable();
    for (const op of Object.values(OPERATIONS)) expect(table).toContain(op.describe);
  });
});
