// What a test user tries once their wave is in staged rollout (step 6), one entry per
// END_USER_CHECK_IDS, in that order.
import { SECURITY_INFO_URL } from './communication.js';
import type { EndUserCheckDef } from './types.js';

export const END_USER_CHECKS: EndUserCheckDef[] = [
  {
    id: 'methods-visible',
    label: 'Methods visible',
    text: `The user's migrated methods are listed at ${SECURITY_INFO_URL}.`,
  },
  {
    id: 'calls-texts-received',
    label: 'Calls and texts arrive',
    text: 'Voice calls and text messages reach the user’s phone numbers.',
  },
  {
    id: 'sign-in-works',
    label: 'Sign-in works',
    text: 'The user completes a sign-in with each of those methods.',
  },
  {
    id: 'authenticator-approved',
    label: 'Authenticator approved',
    text: 'Authenticator notifications arrive, can be approved, and the sign-in completes.',
  },
  {
    id: 'hardware-oath-works',
    label: 'Hardware OATH token works',
    text: 'A sign-in with a code from the user’s hardware OATH token succeeds.',
  },
];
