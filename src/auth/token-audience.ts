// Tokens never cross clouds: a token whose audience is another cloud's Graph is refused before use
// (this matters for Azure CLI and ready-made tokens, whose cloud we do not choose).
import type { Cloud } from '../../state/model.js';
import { CLOUD_ENDPOINTS } from '../graph/clouds.js';
import { decodeJwtClaims } from './jwt.js';

export function audienceProblem(token: string, cloud: Cloud): string | undefined {
  const aud = decodeJwtClaims(token)?.aud;
  // a GUID audience (Graph's app id) is the same in every cloud: nothing to compare
  if (!aud || !/^https?:\/\//i.test(aud)) return undefined;
  const expected = CLOUD_ENDPOINTS[cloud].graphBaseUrl;
  if (aud.replace(/\/+$/, '').toLowerCase() === expected.toLowerCase()) return undefined;
  return `The token is for ${aud}, but this migration is in the ${CLOUD_ENDPOINTS[cloud].label} cloud (${expected}). Sign in to that cloud (for Azure CLI: az cloud set).`;
}
