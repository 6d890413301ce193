// "osuser@host": who generated a report. Same shape the store stamps on every change.
import os from 'node:os';

export function currentActor(): string {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers)
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return `${user}@${os.hostname()}`;
}
