// Rollback: available from step 3 on. It undoes only what the wizard recorded doing, and starts with
// an assessment because MFA Server no longer performs MFA (design §8).
import type { StepDef } from './types.js';

export const RB_ASSESS_STEP: StepDef = {
  id: 'rb-assess',
  label: 'R1',
  phase: 'rollback',
  title: 'Read first: is a rollback safe?',
  perWave: false,
  optional: false,
  summary: [
    'MFA Server stopped performing MFA on 30 September 2024. The full rollback in Microsoft’s guide ' +
      '(uninstall 8.1, restore the data file, reinstall the old version, set federation back to ' +
      'enforceMfaByFederatedIdp, turn staged rollout off) returns users to a server that will not ' +
      'complete an MFA challenge any more. Their sign-ins fail, or pass with no second factor.',
    'Two partial rollbacks remain safe: taking one group out of staged rollout, and turning the ' +
      'rollout policy off. They touch no user data and can be redone at once. Users taken out go back ' +
      'to whatever MFA the federation server enforces, so check it has a working one.',
    'Methods users added or changed in Entra do not exist on MFA Server. Restoring the data file ' +
      'loses them for those users, along with anything changed on MFA Server since the backup.',
    'The wizard undoes only what it recorded: the domains it changed and the groups it added. Record ' +
      'why you are rolling back; the change board will ask.',
  ],
  checklist: [
    {
      id: 'rb-assess.no-mfa-server',
      text: 'I understand MFA Server no longer performs MFA',
      why: 'A full rollback can leave users with failing sign-ins or no MFA at all.',
    },
    {
      id: 'rb-assess.prefer-partial',
      text: 'Considered a partial rollback (staged rollout only) first',
      why: 'It is the only rollback that stays safe today.',
    },
    {
      id: 'rb-assess.entra-changes-lost',
      text: 'Accept that methods users changed in Entra are lost on MFA Server',
      why: 'Nothing flows back from Entra; affected users must re-register later.',
    },
    {
      id: 'rb-assess.reason-recorded',
      text: 'Write down why the rollback is needed',
      why: 'The report shows it to the change board.',
    },
    {
      id: 'rb-assess.approved',
      text: 'The rollback is approved by the change owner',
      why: 'It affects every user the wizard moved.',
    },
  ],
  evidencePrompts: ['Reason for the rollback', 'Who approved it'],
};

export const RB_STAGED_ROLLOUT_STEP: StepDef = {
  id: 'rb-staged-rollout',
  label: 'R2',
  phase: 'rollback',
  title: 'Undo staged rollout',
  perWave: false,
  optional: false,
  summary: [
    'Take users out of Entra MFA routing: remove a wave’s groups from the MFA rollout policy, or turn ' +
      'the policy off to remove them all at once. This changes only where their MFA happens, not ' +
      'their data.',
    'It needs the same delegated Hybrid Identity Administrator sign-in as adding groups. Membership ' +
      'changes can take up to 24 hours to apply. In the China cloud there is no staged rollout and ' +
      'nothing to undo here.',
  ],
  checklist: [
    {
      id: 'rb-staged-rollout.remove-groups',
      text: 'Remove the chosen groups from the MFA rollout policy',
      why: 'Takes only those users back to on-premises MFA routing.',
    },
    {
      id: 'rb-staged-rollout.policy-off',
      text: 'Or turn the MFA rollout policy off entirely',
      why: 'Takes every targeted user out of Entra MFA routing at once.',
    },
    {
      id: 'rb-staged-rollout.read-back',
      text: 'Read the policy back and record the groups left in it',
      why: 'Proves what changed; the report shows it.',
    },
  ],
  evidencePrompts: ['Policy state and groups after the change'],
};

export const RB_FEDERATION_STEP: StepDef = {
  id: 'rb-federation',
  label: 'R3',
  phase: 'rollback',
  title: 'Undo the federation change',
  perWave: false,
  optional: false,
  summary: [
    'Set federatedIdpMfaBehavior to enforceMfaByFederatedIdp on exactly the domains the wizard ' +
      'changed in step 10, and no others; the list shows each with its time and previous value.',
    'A domain that had no value before cannot go back to empty: enforceMfaByFederatedIdp is the ' +
      'closest. The change takes up to 24 hours to apply. Do this only if the federation server has ' +
      'working MFA other than MFA Server.',
  ],
  checklist: [
    {
      id: 'rb-federation.domains-listed',
      text: 'Review the domains the wizard changed, and their old values',
      why: 'Only those domains are set back; others stay untouched.',
    },
    {
      id: 'rb-federation.onprem-mfa-works',
      text: 'Confirm the federation server enforces MFA without MFA Server',
      why: 'Otherwise these users sign in with no second factor.',
    },
    {
      id: 'rb-federation.apply',
      text: 'Set enforceMfaByFederatedIdp on each of those domains',
      why: 'Entra again accepts MFA performed by the federation server.',
    },
    {
      id: 'rb-federation.read-back',
      text: 'Read the value back and allow up to 24 hours',
      why: 'Proves the write; the change is not immediate.',
    },
  ],
  evidencePrompts: ['Domains and values after the change', 'Time of each change'],
};

export const RB_UNINSTALL_STEP: StepDef = {
  id: 'rb-uninstall',
  label: 'R4',
  phase: 'rollback',
  title: 'Uninstall MFA Server 8.1',
  perWave: false,
  optional: false,
  summary: [
    'Take the server out of load balancing, then uninstall MFA Server 8.1 through Programs and ' +
      'Features. Leave the Data folder where it is; the next step sets the current file aside before ' +
      'restoring the backup.',
    'Anything changed on MFA Server since the backup is lost by the restore, so note what you know ' +
      'changed.',
  ],
  checklist: [
    {
      id: 'rb-uninstall.out-of-lb',
      text: 'Remove the server from load balancing',
      why: 'No requests should reach it while it is being replaced.',
    },
    {
      id: 'rb-uninstall.uninstall',
      text: 'Uninstall MFA Server 8.1',
      why: 'The previous version cannot be installed over the newer one.',
    },
    {
      id: 'rb-uninstall.record',
      text: 'Record the time and who uninstalled it',
      why: 'The report shows each rollback action.',
    },
  ],
  evidencePrompts: ['Version removed, and when'],
};

export const RB_RESTORE_STEP: StepDef = {
  id: 'rb-restore',
  label: 'R5',
  phase: 'rollback',
  title: 'Restore the data file',
  perWave: false,
  optional: false,
  summary: [
    'Check the backup first: its SHA-256 must equal the hash recorded in step 2. A different hash ' +
      'means a different or damaged file; stop and find the right copy.',
    'Make sure the MultiFactorAuth service is stopped. Move the current PhoneFactor.pfdata aside ' +
      '(rename it, keep it); never overwrite it in a way you cannot undo. Then copy the backup into the ' +
      'Data folder and check its hash once more.',
  ],
  checklist: [
    {
      id: 'rb-restore.hash-verified',
      text: 'Backup hash matches the hash recorded in step 2',
      why: 'Restoring the wrong file would lose more than the rollback intends.',
    },
    {
      id: 'rb-restore.service-stopped',
      text: 'The MultiFactorAuth service is stopped',
      why: 'A running service holds the file and may write over the restored copy.',
    },
    {
      id: 'rb-restore.current-aside',
      text: 'Current PhoneFactor.pfdata renamed and kept aside',
      why: 'Lets you undo the restore if it goes wrong.',
    },
    {
      id: 'rb-restore.copied-back',
      text: 'Backup copied into the Data folder and its hash checked',
      why: 'Proves the file in place is the one that was backed up.',
    },
  ],
  evidencePrompts: ['Hash of the restored file', 'Where the replaced file was kept'],
};

export const RB_REINSTALL_STEP: StepDef = {
  id: 'rb-reinstall',
  label: 'R6',
  phase: 'rollback',
  title: 'Reinstall the previous version',
  perWave: false,
  optional: false,
  summary: [
    'Run the installer of the version recorded in step 2 (for example an 8.0 build). Check that the ' +
      'MultiFactorAuth service starts with the restored data file and that subordinates replicate ' +
      'again, then return the server to load balancing.',
    'Record the version now installed. Remember that MFA Server no longer performs MFA, whatever ' +
      'version runs.',
  ],
  checklist: [
    {
      id: 'rb-reinstall.run-installer',
      text: 'Run the installer of the previously installed version',
      why: 'The restored data file belongs to that version.',
    },
    {
      id: 'rb-reinstall.service-running',
      text: 'The MultiFactorAuth service runs with the restored file',
      why: 'Proves the restore and the reinstall match.',
    },
    {
      id: 'rb-reinstall.subordinates',
      text: 'Subordinates replicate from the primary again',
      why: 'They must see the restored data, not the converted one.',
    },
    {
      id: 'rb-reinstall.back-in-lb',
      text: 'Return the server to load balancing',
      why: 'It was taken out for the uninstall.',
    },
    {
      id: 'rb-reinstall.record-version',
      text: 'Record the version now installed',
      why: 'The report shows the end state of the rollback.',
    },
  ],
  evidencePrompts: ['Version installed after the rollback'],
};
