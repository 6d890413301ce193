// The MFA Server Migration Utility's documented sync rules (design §4), as a pure prediction of what
// lands in Entra for one user and what is skipped, with the reason.
import type { Landing, MfaServerUser, Skip, UserPreview } from './types.js';

/** Entra allows five devices per user in all: Authenticator instances + hardware + software OATH. */
export const DEVICE_LIMIT = 5;

const has = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

function phoneWithExtension(phone: string, ext: string | undefined): string {
  return has(ext) ? `${phone} x${ext.trim()}` : phone;
}

export function previewUser(u: MfaServerUser): UserPreview {
  const lands: Landing[] = [];
  const skipped: Skip[] = [];
  const notes: string[] = [];

  // Phone: no extension -> MFA (mobile) phone; extension -> office phone; but a user whose default is
  // a text message keeps getting texts, so the extension is dropped and the number goes to the MFA phone.
  if (has(u.phone)) {
    if (!has(u.phoneExtension)) {
      lands.push({ from: 'phone', target: 'mobile', value: u.phone });
    } else if (u.defaultMethod === 'text-message') {
      const note = 'extension dropped: the default method is text message';
      lands.push({ from: 'phone', target: 'mobile', value: u.phone, note });
      notes.push(`phone ${note}`);
    } else {
      lands.push({ from: 'phone', target: 'office', value: phoneWithExtension(u.phone, u.phoneExtension) });
    }
  }

  // Backup phone: no extension -> alternate phone; extension -> office phone; when both numbers carry
  // an extension they would compete for the one office phone, so the backup phone is skipped.
  if (has(u.backupPhone)) {
    if (!has(u.backupPhoneExtension)) {
      lands.push({ from: 'backup-phone', target: 'alternateMobile', value: u.backupPhone });
    } else if (has(u.phone) && has(u.phoneExtension)) {
      skipped.push({
        from: 'backup-phone',
        value: phoneWithExtension(u.backupPhone, u.backupPhoneExtension),
        reason: 'both-extensions',
        message: 'skipped: phone and backup phone both have an extension (only one office phone)',
      });
    } else {
      lands.push({
        from: 'backup-phone',
        target: 'office',
        value: phoneWithExtension(u.backupPhone, u.backupPhoneExtension),
      });
    }
  }

  // Mobile app: of devices with the same name only the most recent; newest first; at most five, or
  // four when the user also has a hardware OATH token; devices already in Entra use up the limit too.
  const newestFirst = [...u.mobileAppDevices].sort((a, b) => b.date.localeCompare(a.date));
  const seen = new Set<string>();
  const unique = [];
  for (const d of newestFirst) {
    const key = d.name.trim().toLowerCase();
    if (seen.has(key)) {
      skipped.push({
        from: 'mobile-app',
        value: `${d.name} (${d.date})`,
        reason: 'duplicate-device-name',
        message: 'skipped: a newer device has the same name',
      });
      continue;
    }
    seen.add(key);
    unique.push(d);
  }
  const appLimit = Math.max(
    0,
    (u.oathTokens.length > 0 ? DEVICE_LIMIT - 1 : DEVICE_LIMIT) - u.existingEntraDevices,
  );
  unique.forEach((d, i) => {
    if (i < appLimit) lands.push({ from: 'mobile-app', target: 'microsoftAuthenticator', value: d.name });
    else skipped.push(deviceLimitSkip('mobile-app', `${d.name} (${d.date})`, u.existingEntraDevices));
  });

  // OATH tokens become hardware OATH tokens while the five-device total allows.
  let devices = u.existingEntraDevices + lands.filter((l) => l.from === 'mobile-app').length;
  for (const serial of u.oathTokens) {
    if (devices < DEVICE_LIMIT) {
      lands.push({ from: 'oath-token', target: 'hardwareOath', value: serial });
      devices++;
    } else {
      skipped.push(deviceLimitSkip('oath-token', serial, u.existingEntraDevices));
    }
  }

  return { user: u.user, lands, skipped, notes };
}

function deviceLimitSkip(from: 'mobile-app' | 'oath-token', value: string, existing: number): Skip {
  const already = existing > 0 ? ` (${existing} already in Entra)` : '';
  return {
    from,
    value,
    reason: 'device-limit',
    message: `skipped: over the limit of ${DEVICE_LIMIT} devices per user${already}`,
  };
}
