// The guide's two mapping tables (MFA methods in Company Settings; User portal settings), one row per
// row of the guide, with the Entra counterpart in our own words. Step 1 seeds its inventory from these.
import type { MappingDef } from './types.js';

const USER_DEFAULTS = 'Company Settings > General > User Defaults';
const PORTAL_SETTINGS = 'User Portal > Settings';

export const METHOD_MAPPINGS: MappingDef[] = [
  {
    id: 'method.phone-call-standard',
    feature: 'Phone call (Standard)',
    area: USER_DEFAULTS,
    entraAction: 'Nothing to map; keep voice call enabled in the authentication methods policy.',
    actionNeeded: false,
  },
  {
    id: 'method.text-otp',
    feature: 'Text message (OTP)',
    area: USER_DEFAULTS,
    entraAction: 'Nothing to map; keep SMS enabled in the authentication methods policy.',
    actionNeeded: false,
  },
  {
    id: 'method.mobile-app-standard',
    feature: 'Mobile app (Standard)',
    area: USER_DEFAULTS,
    entraAction: 'Nothing to map; keep Microsoft Authenticator enabled in the methods policy.',
    actionNeeded: false,
  },
  {
    id: 'method.phone-call-pin',
    feature: 'Phone Call (PIN)',
    area: USER_DEFAULTS,
    entraAction:
      'Turn on voice OTP: the caller reads out a code the user types. A PIN not bound to a device ' +
      'does not stop SIM swap, so steer these users to stronger methods.',
    actionNeeded: true,
  },
  {
    id: 'method.text-otp-pin',
    feature: 'Text message (OTP + PIN)',
    area: USER_DEFAULTS,
    entraAction:
      'Nothing to map: Entra texts a code that must be typed at sign-in, which already proves ' +
      'the user holds the phone.',
    actionNeeded: false,
  },
  {
    id: 'method.mobile-app-pin',
    feature: 'Mobile app (PIN)',
    area: USER_DEFAULTS,
    entraAction: 'Number matching replaces the PIN: the user types the number shown at sign-in.',
    actionNeeded: true,
  },
  {
    id: 'method.language',
    feature: 'Phone call/text message/mobile app/OATH token language',
    area: USER_DEFAULTS,
    entraAction: 'Nothing to set: Entra picks the language from the browser’s locale.',
    actionNeeded: false,
  },
  {
    id: 'method.default-pin-rules',
    feature: 'Default PIN rules section',
    area: 'Company Settings > General > Default PIN rules',
    entraAction: 'No counterpart: Entra has no PIN methods (see the PIN rows above).',
    actionNeeded: false,
  },
  {
    id: 'method.username-resolution',
    feature: 'Username Resolution tab',
    area: 'Company Settings > Username Resolution',
    entraAction: 'No counterpart: Entra MFA works on the signed-in user and needs no resolution.',
    actionNeeded: false,
  },
  {
    id: 'method.text-message-tab',
    feature: 'Text Message tab',
    area: 'Company Settings > Text Message',
    entraAction: 'No counterpart: the wording of Entra’s text messages is fixed.',
    actionNeeded: false,
  },
  {
    id: 'method.oath-token-tab',
    feature: 'OATH Token tab',
    area: 'Company Settings > OATH Token',
    entraAction: 'No counterpart: Entra uses its own fixed OATH token prompt.',
    actionNeeded: false,
  },
  {
    id: 'method.reports',
    feature: 'Reports',
    area: 'Reports',
    entraAction: 'Use the authentication methods activity report in Entra instead.',
    actionNeeded: false,
  },
];

export const PORTAL_MAPPINGS: MappingDef[] = [
  {
    id: 'portal.url',
    feature: 'User portal URL',
    area: PORTAL_SETTINGS,
    entraAction:
      'Replaced by the security-info page (https://aka.ms/mysecurityinfo); redirect it in step 11.',
    actionNeeded: false,
  },
  {
    id: 'portal.user-enrollment',
    feature: 'Allow user enrollment',
    area: PORTAL_SETTINGS,
    entraAction: 'Users register through combined security-info registration; check it is on.',
    actionNeeded: true,
  },
  {
    id: 'portal.prompt-backup-phone',
    feature: 'Prompt for backup phone',
    area: `${PORTAL_SETTINGS} > Allow user enrollment`,
    entraAction: 'Set in the MFA service settings and the authentication methods policy.',
    actionNeeded: true,
  },
  {
    id: 'portal.prompt-third-party-oath',
    feature: 'Prompt for third-party OATH token',
    area: `${PORTAL_SETTINGS} > Allow user enrollment`,
    entraAction: 'Set in the MFA service settings (verification code from app or token).',
    actionNeeded: true,
  },
  {
    id: 'portal.one-time-bypass',
    feature: 'Allow users to initiate a One-Time Bypass',
    area: PORTAL_SETTINGS,
    entraAction: 'Use a Temporary Access Pass, issued by an admin or the helpdesk.',
    actionNeeded: true,
  },
  {
    id: 'portal.select-method',
    feature: 'Allow users to select method',
    area: PORTAL_SETTINGS,
    entraAction: 'Which methods users may pick is set in the MFA service settings.',
    actionNeeded: true,
  },
  {
    id: 'portal.select-method.phone-call',
    feature: 'Phone call',
    area: `${PORTAL_SETTINGS} > Allow users to select method`,
    entraAction: 'Enable voice call in the authentication methods policy.',
    actionNeeded: true,
  },
  {
    id: 'portal.select-method.text-message',
    feature: 'Text message',
    area: `${PORTAL_SETTINGS} > Allow users to select method`,
    entraAction: 'Enable text message in the MFA service settings / methods policy.',
    actionNeeded: true,
  },
  {
    id: 'portal.select-method.mobile-app',
    feature: 'Mobile app',
    area: `${PORTAL_SETTINGS} > Allow users to select method`,
    entraAction: 'Enable app notification and app code in the MFA service settings.',
    actionNeeded: true,
  },
  {
    id: 'portal.select-method.oath-token',
    feature: 'OATH token',
    area: `${PORTAL_SETTINGS} > Allow users to select method`,
    entraAction: 'Enable OATH tokens (software and hardware) in the methods policy.',
    actionNeeded: true,
  },
  {
    id: 'portal.select-language',
    feature: 'Allow users to select language',
    area: PORTAL_SETTINGS,
    entraAction: 'Nothing to set: Entra follows the language of the user’s browser.',
    actionNeeded: false,
  },
  {
    id: 'portal.activate-mobile-app',
    feature: 'Allow users to activate mobile app',
    area: PORTAL_SETTINGS,
    entraAction: 'Allow Authenticator in the MFA service settings; users add it at security info.',
    actionNeeded: true,
  },
  {
    id: 'portal.device-limit',
    feature: 'Device limit',
    area: `${PORTAL_SETTINGS} > Allow users to activate mobile app`,
    entraAction:
      'Fixed in Entra: five devices per user in total, counting app instances and hardware and ' +
      'software OATH tokens.',
    actionNeeded: false,
  },
  {
    id: 'portal.security-questions-fallback',
    feature: 'Use security questions for fallback',
    area: PORTAL_SETTINGS,
    entraAction: 'No setting: if a method fails, the user picks another at sign-in.',
    actionNeeded: false,
  },
  {
    id: 'portal.questions-to-answer',
    feature: 'Questions to answer',
    area: `${PORTAL_SETTINGS} > Use security questions for fallback`,
    entraAction: 'Entra security questions (built-in or custom) serve SSPR only, never MFA.',
    actionNeeded: false,
  },
  {
    id: 'portal.associate-third-party-oath',
    feature: 'Allow users to associate third-party OATH token',
    area: PORTAL_SETTINGS,
    entraAction: 'Enable OATH tokens in Entra; hardware tokens are uploaded by an admin.',
    actionNeeded: true,
  },
  {
    id: 'portal.oath-fallback',
    feature: 'Use OATH token for fallback',
    area: PORTAL_SETTINGS,
    entraAction: 'An enabled OATH token is offered as another method at sign-in.',
    actionNeeded: false,
  },
  {
    id: 'portal.session-timeout',
    feature: 'Session Timeout',
    area: PORTAL_SETTINGS,
    entraAction: 'No counterpart: Entra manages the security-info session itself.',
    actionNeeded: false,
  },
  {
    id: 'portal.security-questions-tab',
    feature: 'Security Questions tab',
    area: 'User Portal > Security Questions',
    entraAction: 'These questions only guarded the old portal; in Entra, security questions serve SSPR only.',
    actionNeeded: false,
  },
  {
    id: 'portal.passed-sessions-tab',
    feature: 'Passed Sessions tab',
    area: 'User Portal > Passed Sessions',
    entraAction: 'Nothing to configure: Entra runs every registration flow itself.',
    actionNeeded: false,
  },
  {
    id: 'portal.trusted-ips',
    feature: 'Trusted IPs',
    area: 'User Portal > Trusted IPs',
    entraAction: 'Recreate the ranges as Entra trusted IPs (MFA service settings) or named locations.',
    actionNeeded: true,
  },
];
