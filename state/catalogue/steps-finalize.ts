// Steps 9-12: taking MFA Server out of the picture once users are moved.
import type { StepDef } from './types.js';

export const DEPENDENCIES_STEP: StepDef = {
  id: 'dependencies',
  label: '9',
  phase: 'finalize',
  title: 'Migrate MFA Server dependencies',
  perWave: false,
  optional: false,
  summary: [
    'Work through every authentication service from step 1 until none uses MFA Server. Apps that ' +
      'speak SAML or OpenID Connect (VPNs, password managers and the like) federate directly with ' +
      'Entra. RADIUS clients that cannot change go behind NPS with the Entra MFA extension. LDAP ' +
      'clients move to Entra Domain Services, or SSPR replaces the password changes they served. AD ' +
      'FS relying parties need AD FS 2016 or later, or direct federation.',
    'For every RADIUS client moved to the NPS extension: it only ever uses the user’s default ' +
      'method; code (TOTP) prompts need PAP, because MSCHAPv2 fails; number matching is always on ' +
      'for push; and the client’s RADIUS timeout should be 60 seconds so people have time to answer.',
    'When no service is left on MFA Server, users can manage their methods at the security-info ' +
      'page rather than the User portal. The federation change in step 10 waits for this step.',
  ],
  checklist: [
    {
      id: 'dependencies.each-done',
      text: 'Move every authentication service to its chosen destination',
      why: 'After the federation change, anything still on MFA Server loses MFA.',
    },
    {
      id: 'dependencies.nps-checks',
      text: 'Apply the NPS checklist to every RADIUS client',
      why: 'Default method only, PAP for codes, number matching, 60-second timeout.',
    },
    {
      id: 'dependencies.test-each',
      text: 'Test a sign-in through each moved service',
      why: 'Proves the new path before MFA Server stops being a fallback.',
    },
    {
      id: 'dependencies.users-to-security-info',
      text: 'Point users to the security-info page instead of the portal',
      why: 'With no service left on MFA Server, the portal has no purpose.',
    },
  ],
  evidencePrompts: ['Status of each authentication service', 'Test sign-in per moved service'],
};

export const FEDERATION_STEP: StepDef = {
  id: 'federation',
  label: '10',
  phase: 'finalize',
  title: 'Update domain federation settings',
  perWave: false,
  optional: false,
  summary: [
    'With every user migrated and no service left on MFA Server, set each federated domain’s ' +
      'federatedIdpMfaBehavior to rejectMfaByFederatedIdp. Entra then does MFA itself for everyone ' +
      'on that domain, in a rollout group or not, and stops asking the on-premises federation ' +
      'server. The change takes up to 24 hours to apply everywhere.',
    'Conditional Access policies that require MFA must exist before the switch. If AD FS claim ' +
      'rules enforced MFA, that enforcement stops counting, and without such policies those ' +
      'sign-ins get no second factor at all.',
    'An empty value today means the legacy SupportsMfa flag governs, which Graph cannot read: record ' +
      'how MFA was enforced. Once set, federatedIdpMfaBehavior can never be cleared again, only set to ' +
      'another value. The PATCH may need the extra delegated consent Directory.AccessAsUser.All.',
    'The wizard lists the domains with their current value, asks you to type each domain name before ' +
      'writing, reads the value back and records the time, which starts the 24-hour wait before step ' +
      '12.',
  ],
  checklist: [
    {
      id: 'federation.list-domains',
      text: 'List federated domains and their current MFA behavior',
      why: 'Rollback restores exactly these domains and values.',
    },
    {
      id: 'federation.ca-policies',
      text: 'Conditional Access policies that require MFA are in place',
      why: 'Without them, MFA enforced by AD FS claim rules silently disappears.',
    },
    {
      id: 'federation.attest-current',
      text: 'Record how MFA is enforced today where the value is empty',
      why: 'The legacy SupportsMfa flag cannot be read through Graph.',
    },
    {
      id: 'federation.irreversible',
      text: 'Accept that the setting cannot be cleared once written',
      why: 'There is no way back to the legacy SupportsMfa behaviour.',
    },
    {
      id: 'federation.apply',
      text: 'Set rejectMfaByFederatedIdp on each federated domain',
      why: 'Entra then performs all MFA for the domain.',
    },
    {
      id: 'federation.read-back',
      text: 'Read the value back for every changed domain',
      why: 'Proves the write landed; the report shows the read-back.',
    },
    {
      id: 'federation.wait-24h',
      text: 'Wait 24 hours before decommissioning MFA Server',
      why: 'The change can take that long to apply; until then some MFA may go on-premises.',
    },
  ],
  evidencePrompts: [
    'Domains and federatedIdpMfaBehavior before and after',
    'Names of the Conditional Access policies that require MFA',
    'Time of each change',
  ],
};

export const DISABLE_PORTAL_STEP: StepDef = {
  id: 'disable-portal',
  label: '11',
  phase: 'finalize',
  title: 'Disable the MFA Server User portal',
  perWave: false,
  optional: true,
  summary: [
    'Optional. Once users manage their methods in Entra, stop them using the old User portal, where ' +
      'changes no longer matter and only cause confusion.',
    'Either redirect the portal’s URL to https://aka.ms/mysecurityinfo, or clear "Allow users to log ' +
      'in" on the Settings tab of the User Portal section in MFA Server so nobody can sign in there.',
  ],
  checklist: [
    {
      id: 'disable-portal.redirect',
      text: 'Redirect the User portal URL to the security-info page',
      why: 'Bookmarks and old links then land where methods are managed now.',
    },
    {
      id: 'disable-portal.clear-login',
      text: 'Or clear "Allow users to log in" in the User portal settings',
      why: 'Stops sign-ins to the portal when a redirect is not possible.',
    },
    {
      id: 'disable-portal.tested',
      text: 'Open the portal URL and check what a user now sees',
      why: 'Confirms the redirect or block works from the users’ network.',
    },
  ],
  evidencePrompts: ['Which option was used, and the test result'],
};

export const DECOMMISSION_STEP: StepDef = {
  id: 'decommission',
  label: '12',
  phase: 'finalize',
  title: 'Decommission MFA Server',
  perWave: false,
  optional: false,
  summary: [
    'Wait at least 24 hours after the federation change, since it can take that long to apply, and ' +
      'check that sign-ins no longer reach MFA Server. Then retire the servers with your normal ' +
      'process. Entra needs nothing done to mark the end.',
    'Retire the whole footprint: every primary and subordinate, the User portal, Mobile App Web ' +
      'Service and the MFA Server adapter on AD FS, their load-balancer entries, DNS names and the ' +
      'firewall rule for the replication port. Once the servers are gone the rollback steps no longer ' +
      'apply.',
    'Keep the data-file backup as long as your retention rules demand, and remove the "MFA Server ' +
      'Migration Utility" app from Entra once no server runs the utility.',
  ],
  checklist: [
    {
      id: 'decommission.wait-24h',
      text: 'At least 24 hours have passed since the federation change',
      why: 'Until the change applies everywhere, some MFA may still go on-premises.',
    },
    {
      id: 'decommission.no-traffic',
      text: 'Check the MFA Server logs show no more authentication requests',
      why: 'Any request still arriving means a dependency was missed.',
    },
    {
      id: 'decommission.retire-servers',
      text: 'Retire the primary and all subordinate servers',
      why: 'An unpatched, unsupported server is only attack surface.',
    },
    {
      id: 'decommission.retire-components',
      text: 'Remove the User portal, Mobile App WS and AD FS adapter',
      why: 'These components may live on other servers than MFA Server itself.',
    },
    {
      id: 'decommission.network-cleanup',
      text: 'Remove load-balancer entries, DNS names and firewall rules',
      why: 'Leftover names and rules invite confusion and misuse.',
    },
    {
      id: 'decommission.utility-app',
      text: 'Remove the Migration Utility app when no server uses it',
      why: 'An unused app with write permissions to user methods is a risk.',
    },
    {
      id: 'decommission.keep-backup',
      text: 'Keep the data-file backup as retention rules require',
      why: 'It is the only record of the on-premises MFA settings.',
    },
  ],
  evidencePrompts: ['Retirement change ticket', 'Date each server was shut down'],
};
