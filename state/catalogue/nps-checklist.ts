// Checks for every RADIUS client moved from MFA Server to NPS with the Entra MFA extension
// (design §8). Step 9 shows them per RADIUS client; ids are stable because answers are stored by id.
import type { ChecklistItemDef } from './types.js';

export const NPS_CHECKLIST: ChecklistItemDef[] = [
  {
    id: 'nps.extension-installed',
    text: 'NPS server with the Entra MFA extension serves this client',
    why: 'RADIUS clients that cannot move to SAML or OIDC keep MFA only through the NPS extension.',
  },
  {
    id: 'nps.default-method-only',
    text: 'Users of this client know only their default method is used',
    why: 'The extension always challenges with the default method; there is no choice at sign-in.',
  },
  {
    id: 'nps.pap-for-totp',
    text: 'If users type codes (TOTP): the client authenticates with PAP',
    why: 'Code prompts need PAP; with MSCHAPv2 the one-time-code exchange fails.',
  },
  {
    id: 'nps.number-matching',
    text: 'Push users are told to expect number matching',
    why: 'Number matching is always on for Authenticator push through the extension.',
  },
  {
    id: 'nps.timeout-60s',
    text: 'RADIUS client timeout raised to 60 seconds',
    why: 'The user needs time to answer the call or notification before the client gives up.',
  },
  {
    id: 'nps.tested',
    text: 'A test sign-in through this client succeeded',
    why: 'Proves the client, NPS and the extension work together before MFA Server goes.',
  },
];
