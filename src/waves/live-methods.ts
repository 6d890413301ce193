// Graph's authentication methods in the shape state/verification.ts decides on.
import type { AuthenticationMethod } from '@microsoft/microsoft-graph-types';
import type { LiveMethod } from '../../state/verification.js';
import { methodKind } from '../graph/operations/auth-methods.js';

export function toLiveMethod(m: AuthenticationMethod): LiveMethod {
  const kind = methodKind(m);
  const raw = m as Record<string, unknown>;
  switch (kind) {
    case 'phone': {
      const t = raw.phoneType;
      const phoneType = t === 'alternateMobile' || t === 'office' ? t : 'mobile';
      return {
        kind: 'phone',
        phoneType,
        // as Graph wrote it ("+1 4255550100x123"): verifyUser reads the extension either way
        phoneNumber: typeof raw.phoneNumber === 'string' ? raw.phoneNumber : '',
      };
    }
    case 'microsoftAuthenticator':
      return typeof raw.displayName === 'string'
        ? { kind: 'microsoftAuthenticator', displayName: raw.displayName }
        : { kind: 'microsoftAuthenticator' };
    case 'softwareOath':
      return { kind: 'softwareOath' };
    case 'hardwareOath':
      return typeof raw.serialNumber === 'string'
        ? { kind: 'hardwareOath', serialNumber: raw.serialNumber }
        : { kind: 'hardwareOath' };
    case 'fido2':
    case 'email':
    case 'password':
    case 'temporaryAccessPass':
      return { kind };
    case 'windowsHelloForBusiness':
      return { kind: 'windowsHello' };
    default:
      return { kind: 'other' };
  }
}
