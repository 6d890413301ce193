// The per-user MFA Server data the sync preview reads, and what it predicts. MFA Server has no bulk
// export (only MultiFactorAuthGdpr.exe, one user at a time), so the wizard defines its own CSV; its
// columns are documented in the README ("Sync preview CSV").

export const DEFAULT_METHODS = ['phone-call', 'text-message', 'mobile-app', 'oath-token'] as const;
export type DefaultMethod = (typeof DEFAULT_METHODS)[number];

export interface MobileAppDevice {
  name: string;
  /** ISO date or date-time of the device's activation / last use, used to order newest first */
  date: string;
}

export interface MfaServerUser {
  /** UPN as in Entra */
  user: string;
  phone?: string;
  phoneExtension?: string;
  backupPhone?: string;
  backupPhoneExtension?: string;
  defaultMethod?: DefaultMethod;
  mobileAppDevices: MobileAppDevice[];
  /** OATH token serial numbers (the utility matches on the secret key, which the preview never sees) */
  oathTokens: string[];
  /** devices the user already has in Entra (Authenticator + OATH), counted toward the five-device limit */
  existingEntraDevices: number;
}

/** Where a value lands in Entra, named as Graph names the phone types and methods. */
export type EntraTarget = 'mobile' | 'alternateMobile' | 'office' | 'microsoftAuthenticator' | 'hardwareOath';
export type SourceField = 'phone' | 'backup-phone' | 'mobile-app' | 'oath-token';

export interface Landing {
  from: SourceField;
  target: EntraTarget;
  value: string;
  /** a rule that changed the value on the way, e.g. an extension dropped */
  note?: string;
}

export const SKIP_REASONS = ['device-limit', 'both-extensions', 'duplicate-device-name'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface Skip {
  from: SourceField;
  value: string;
  reason: SkipReason;
  /** one line for the admin */
  message: string;
}

export interface UserPreview {
  user: string;
  lands: Landing[];
  skipped: Skip[];
  /** rules that changed a value without skipping it (e.g. extension dropped for text message) */
  notes: string[];
}
