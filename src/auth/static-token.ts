// A TokenCredential around an access token handed to us in MFA_MIGRATE_ACCESS_TOKEN (e.g. from
// `az account get-access-token`). It is kept in memory only and never refreshed: when it expires the
// admin is told to fetch a new one.
import type { AccessToken, TokenCredential } from '@azure/identity';
import { decodeJwtClaims } from './jwt.js';

export const ACCESS_TOKEN_ENV = 'MFA_MIGRATE_ACCESS_TOKEN';

export class StaticTokenCredential implements TokenCredential {
  private readonly expiresOnTimestamp: number;

  constructor(private readonly token: string) {
    const exp = decodeJwtClaims(token)?.exp;
    // an opaque token: assume an hour, Graph will say 401 when it is not valid
    this.expiresOnTimestamp = typeof exp === 'number' ? exp * 1000 : Date.now() + 3600_000;
  }

  async getToken(): Promise<AccessToken | null> {
    if (Date.now() >= this.expiresOnTimestamp) {
      throw new Error(`the access token in ${ACCESS_TOKEN_ENV} has expired; get a new one`);
    }
    return { token: this.token, expiresOnTimestamp: this.expiresOnTimestamp };
  }
}

/** The token from the environment, or undefined when the variable is unset or blank. */
export function tokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[ACCESS_TOKEN_ENV]?.trim();
  return value ? value : undefined;
}
