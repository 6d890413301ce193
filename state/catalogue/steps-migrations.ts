// Steps 5-8: moving users, wave by wave. Steps 5 and 6 are done once per wave.
import type { StepDef } from './types.js';

export const MIGRATE_USERS_STEP: StepDef = {
  id: 'migrate-users',
  label: '5',
  phase: 'migrations',
  title: 'Migrate user data',
  perWave: true,
  optional: false,
  summary: [
    'The utility copies each user’s methods from MFA Server onto their Entra user object. The copy ' +
      'goes one way only: nothing on MFA Server is changed or removed, and users keep doing MFA where ' +
      'they did until staged rollout or the federation change moves them.',
    'It works on a single Entra group, which may hold users and nested groups; add people in stages ' +
      'as waves go on. Keep it apart from the staged-rollout groups of step 6: one group for both ' +
      'could send users to Entra MFA before their methods have arrived. Type the group name or id, let ' +
      'the utility list the members (a big group takes minutes), then migrate chosen users or all.',
    'Run a manual migration of a few test users first; switch on automatic synchronization for the ' +
      'group once they behave. Settings > Migrate chooses which methods are copied; Settings > User ' +
      'Match adds an AD attribute for users whose UPN does not match. A user is copied again only ' +
      'when their MFA Server settings change or you change what is migrated.',
    'Copied data can take several minutes to show in Entra. The wizard checks each member live ' +
      'through the authentication methods API (methods present, default method). The registration ' +
      'details report cannot prove a migration: it already counts MFA Server users as registered and ' +
      'lags by hours. Phone numbers come back masked unless you are a Privileged Authentication ' +
      'Administrator.',
    'Optional preview: import a per-user CSV and the wizard applies the utility’s rules (extensions ' +
      'go to the office phone, at most five devices, four with a hardware token) to show what will ' +
      'land in Entra and what will be skipped.',
  ],
  checklist: [
    {
      id: 'migrate.group-ready',
      text: 'Create or pick this wave’s migration group (nesting allowed)',
      why: 'The utility takes one group; nested groups inside it count.',
    },
    {
      id: 'migrate.group-separate',
      text: 'Use a different group from the staged-rollout group',
      why: 'A shared group can route users to Entra MFA before their data is synced.',
    },
    {
      id: 'migrate.settings-reviewed',
      text: 'Review Migrate and User Match in the utility’s settings',
      why: 'They decide which methods are copied and how users are matched to Entra.',
    },
    {
      id: 'migrate.manual-first',
      text: 'Migrate a few test users by hand first',
      why: 'Catches matching or method problems before they reach a whole group.',
    },
    {
      id: 'migrate.run',
      text: 'Migrate the wave’s users (selected users or the whole group)',
      why: 'Until then staged rollout would send these users to Entra without methods.',
    },
    {
      id: 'migrate.auto-sync',
      text: 'Turn on automatic synchronization once the tests pass',
      why: 'Keeps Entra current as users change methods in MFA Server or join the group.',
    },
    {
      id: 'migrate.verify',
      text: 'Verify migrated methods in Entra for the wave’s members',
      why: 'The live methods API is the only proof; the registration report is not.',
    },
  ],
  evidencePrompts: [
    'Migration group name and object id',
    'Member count (transitive)',
    'Users migrated, and users verified in Entra',
    'Users the utility skipped, and why',
  ],
};

export const VALIDATE_STEP: StepDef = {
  id: 'validate',
  label: '6',
  phase: 'migrations',
  title: 'Validate and test',
  perWave: true,
  optional: false,
  summary: [
    'Staged rollout sends the members of chosen groups to Entra MFA instead of the on-premises ' +
      'federation server, without touching the domain federation settings. You test wave by wave and ' +
      'can take people back out by removing their group. Add a group only once its members are ' +
      'migrated.',
    'Limits: one rollout policy for the multiFactorAuthentication feature, at most 10 groups, each ' +
      'of up to 50,000 users. Plain groups only: no dynamic groups, no nested groups, no contacts. ' +
      'Only users synced from on-premises AD are affected; cloud-only users are not. Membership ' +
      'changes after the first add take up to 24 hours. Staged rollout does not exist in the China ' +
      'cloud.',
    'Changing the policy needs a delegated sign-in as a Hybrid Identity Administrator; no app-only ' +
      'permission exists. The wizard finds or creates the policy and adds or removes groups; the ' +
      'staged rollout page in the Entra admin center shows the same list. Adding more than 200 users ' +
      'at once can time out in the portal.',
    'Then have test users of the wave try it: methods visible at https://aka.ms/mysecurityinfo, ' +
      'calls and texts arrive, sign-in completes, Authenticator notifications can be approved, ' +
      'hardware OATH tokens work. Record each result.',
  ],
  checklist: [
    {
      id: 'validate.rollout-group',
      text: 'Create a rollout group: not dynamic, not nested, no contacts',
      why: 'Staged rollout rejects such groups; contacts block the group entirely.',
    },
    {
      id: 'validate.members-migrated',
      text: 'Confirm the group’s members were migrated in step 5',
      why: 'Otherwise they reach Entra MFA with no methods and cannot sign in.',
    },
    {
      id: 'validate.limits',
      text: 'Stay within 10 groups and 50,000 users per group',
      why: 'Graph refuses more; the wizard checks before it calls.',
    },
    {
      id: 'validate.policy-on',
      text: 'Turn on staged rollout for MFA and add the group',
      why: 'Routes only these users to Entra MFA; the rest stay as they are.',
    },
    {
      id: 'validate.propagation',
      text: 'Allow up to 24 hours after membership changes',
      why: 'Edits after the first add are not applied at once.',
    },
    {
      id: 'validate.synced-users',
      text: 'Use test users synced from on-premises AD',
      why: 'Cloud-only users are not affected by staged rollout and prove nothing.',
    },
    {
      id: 'validate.end-user-checks',
      text: 'Run the five end-user checks with this wave’s test users',
      why: 'Only a real sign-in shows the migrated methods work.',
    },
  ],
  evidencePrompts: [
    'Rollout policy id and the groups it applies to',
    'Member count of each rollout group',
    'End-user check results per test user',
  ],
};

export const EDUCATE_STEP: StepDef = {
  id: 'educate',
  label: '7',
  phase: 'migrations',
  title: 'Educate users',
  perWave: false,
  optional: false,
  summary: [
    'Tell users, before their wave moves, what will look different: the prompts come from Microsoft ' +
      'Entra, Authenticator may ask them to type a number, and they will manage their methods at ' +
      'https://aka.ms/mysecurityinfo instead of the MFA Server User portal.',
    'Say plainly that the street is one-way. Once someone manages methods in Entra, nothing they ' +
      'change there reaches MFA Server; after a rollback those changes would be missing.',
    'While third-party systems still rely on MFA Server (the authentication services of step 1), ' +
      'keep users in the User portal: changes made there still flow to Entra. Move them to the ' +
      'security-info page once step 9 has moved those systems.',
    'The wizard drafts a message you can copy, with your date and helpdesk filled in.',
  ],
  checklist: [
    {
      id: 'educate.message-sent',
      text: 'Send the message to this wave’s users before they move',
      why: 'Users who expect the new prompts do not call the helpdesk about them.',
    },
    {
      id: 'educate.where-to-manage',
      text: 'Tell users where to manage methods from now on',
      why: 'The security-info page replaces the User portal.',
    },
    {
      id: 'educate.no-sync-back',
      text: 'Tell users changes made in Entra do not reach MFA Server',
      why: 'Avoids confusion, and explains what a rollback would lose.',
    },
    {
      id: 'educate.portal-while-dependencies',
      text: 'Keep the User portal in use until dependencies are migrated',
      why: 'Third-party systems on MFA Server only see changes made there.',
    },
    {
      id: 'educate.authenticator-account',
      text: 'Explain the old Authenticator account may keep its old name',
      why: 'Users delete what they do not recognise; it still works and may be renamed.',
    },
    {
      id: 'educate.helpdesk-briefed',
      text: 'Brief the helpdesk, including how to issue a Temporary Access Pass',
      why: 'TAP replaces the User portal’s one-time bypass.',
    },
  ],
  evidencePrompts: ['Date the message was sent, and to whom', 'Helpdesk briefing date'],
};

export const COMPLETE_STEP: StepDef = {
  id: 'complete',
  label: '8',
  phase: 'migrations',
  title: 'Complete user migration',
  perWave: false,
  optional: false,
  summary: [
    'Repeat steps 5 to 7, wave after wave, until every MFA Server user is migrated and validated. ' +
      'This step looks at the whole user base rather than one wave: how many are migrated and ' +
      'verified in Entra, and who is left.',
    'Each remaining user is either migrated or recorded as an exception with a reason (left the ' +
      'company, service account, handled separately). The federation change in step 10 waits for ' +
      'this, because after it Entra does MFA for everyone on the domain, group or not.',
    'Keep automatic synchronization running until the federation change, so that late changes in ' +
      'MFA Server still reach Entra.',
  ],
  checklist: [
    {
      id: 'complete.all-waves',
      text: 'Every wave is migrated and validated',
      why: 'Federation moves all users at once; none may be left without methods.',
    },
    {
      id: 'complete.coverage',
      text: 'Coverage of the whole user base checked in Entra',
      why: 'Shows who still has no methods in Entra before the switch.',
    },
    {
      id: 'complete.exceptions',
      text: 'Each remaining user has an exception with a reason',
      why: 'The change board sees who was left out on purpose and why.',
    },
    {
      id: 'complete.auto-sync-running',
      text: 'Automatic synchronization still runs until the federation change',
      why: 'Catches methods users change on MFA Server in the meantime.',
    },
  ],
  evidencePrompts: ['Users in scope, migrated, verified', 'Exceptions recorded'],
};
