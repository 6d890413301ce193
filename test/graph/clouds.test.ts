import { describe, expect, it } from 'vitest';
import { CLOUD_ENDPOINTS, qualifyScopes } from '../../src/graph/clouds.js';
import { CLOUD_ENDPOINTS as CATALOGUE } from '../../state/catalogue/clouds.js';
import { CLOUDS } from '../../state/model.js';

describe('cloud endpoints', () => {
  it.each(CLOUDS)('%s: Graph and sign-in hosts agree with the catalogue the screens show', (cloud) => {
    const mine = CLOUD_ENDPOINTS[cloud];
    const shown = CATALOGUE[cloud];
    expect(new URL(mine.graphBaseUrl).host).toBe(shown.graph);
    expect(new URL(mine.authorityHost).host).toBe(shown.login);
    expect(mine.stagedRollout).toBe(shown.stagedRollout);
    expect(mine.scopePrefix).toBe(`https://${shown.graph}/`);
  });

  it('qualifies scopes for the cloud, never for another', () => {
    expect(qualifyScopes('dod', ['User.Read'])).toEqual(['https://dod-graph.microsoft.us/User.Read']);
    expect(qualifyScopes('gcc', ['User.Read'])).toEqual(['https://graph.microsoft.com/User.Read']);
  });
});
