// Human labels for the model's enums, shared by screens and reports so that both say the same words.
import type {
  CheckResult,
  Cloud,
  DEPENDENCY_STATUSES,
  DISPOSITIONS,
  GuardId,
  LB_FRONTS,
  SERVER_MEMBERSHIPS,
  SERVER_ROLES,
  SERVICE_KINDS,
  StepStatus,
} from '../model.js';

export const DISPOSITION_LABELS: Record<(typeof DISPOSITIONS)[number], string> = {
  undecided: 'Undecided',
  'federate-saml-oidc': 'Federate to Entra (SAML / OIDC)',
  'nps-extension': 'NPS with the Entra MFA extension',
  'entra-domain-services': 'Entra Domain Services',
  sspr: 'Replace with SSPR',
  'upgrade-adfs': 'Upgrade AD FS to 2016 or later',
  retire: 'Retire (no longer needed)',
};

export const SERVICE_KIND_LABELS: Record<(typeof SERVICE_KINDS)[number], string> = {
  radius: 'RADIUS client',
  ldap: 'LDAP client',
  adfs: 'AD FS relying party',
  other: 'Other',
};

export const DEPENDENCY_STATUS_LABELS: Record<(typeof DEPENDENCY_STATUSES)[number], string> = {
  pending: 'pending',
  'in-progress': 'in progress',
  done: 'done',
};

export const STATUS_LABELS: Record<StepStatus, string> = {
  pending: 'pending',
  'in-progress': 'in progress',
  done: 'done',
  skipped: 'skipped',
  blocked: 'blocked',
};

export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  pending: 'not yet checked',
  pass: 'pass',
  fail: 'fail',
  'n/a': 'not applicable',
};

export const SERVER_ROLE_LABELS: Record<(typeof SERVER_ROLES)[number], string> = {
  primary: 'Primary',
  subordinate: 'Subordinate',
};

export const SERVER_MEMBERSHIP_LABELS: Record<(typeof SERVER_MEMBERSHIPS)[number], string> = {
  'domain-joined': 'Domain-joined',
  standalone: 'Standalone',
};

export const LB_FRONT_LABELS: Record<(typeof LB_FRONTS)[number], string> = {
  'sms-otp': 'One-way SMS OTP (needs sticky sessions)',
  'user-portal': 'User portal (needs sticky sessions)',
  'mobile-app-ws': 'Mobile App Web Service (needs sticky sessions)',
  radius: 'RADIUS',
  other: 'Other',
};

/** Short names of the guards, for reports and the override dialog. */
export const GUARD_LABELS: Record<GuardId, string> = {
  'backup-required': 'Backup before the update',
  'backup-stale': 'Backup older than 24 hours',
  'utility-required': 'Migration Utility configured',
  'rollout-needs-migrated': 'Rollout group members migrated',
  'rollout-same-group': 'Separate migration and rollout groups',
  'federation-needs-users': 'All users migrated before federation',
  'federation-needs-dependencies': 'All dependencies migrated before federation',
  'decommission-needs-24h': '24 hours since the federation change',
  'rollback-needs-update': 'Rollback needs the update step started',
};

export const CLOUD_LABELS: Record<Cloud, string> = {
  global: 'Global',
  gcc: 'US Gov GCC',
  gcchigh: 'US Gov GCC High',
  dod: 'US Gov DoD',
  china: 'China (21Vianet)',
};
