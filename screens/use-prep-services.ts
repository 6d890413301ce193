// How the Preparations sections reach their I/O. Undefined (the default) in places the wizard did not
// wire it (other screens' tests): the sections then say what is not available instead of crashing.
import { createContext, useContext } from 'react';
import type { PrepServices } from '../src/services/prep-services.js';

export const PrepServicesContext = createContext<PrepServices | undefined>(undefined);

export function usePrepServices(): PrepServices | undefined {
  return useContext(PrepServicesContext);
}
