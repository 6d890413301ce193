// How the tenant sections reach their services (src/services/tenant-services.ts). The default is
// undefined: a section then says it is not available here instead of crashing.
import { createContext, useContext } from 'react';
import type { TenantServices } from '../src/services/tenant-services.js';

export const TenantServicesContext = createContext<TenantServices | undefined>(undefined);

export function useTenantServices(): TenantServices | undefined {
  return useContext(TenantServicesContext);
}
