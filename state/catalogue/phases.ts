// The guide's four phases, in order, each with a one-line summary.
import type { PhaseDef } from './types.js';

export const PHASE_DEFS: PhaseDef[] = [
  {
    id: 'preparations',
    title: 'Preparations',
    summary: 'Take stock, back up, update MFA Server and set up the Migration Utility.',
  },
  {
    id: 'migrations',
    title: 'Migrations',
    summary: 'Copy users’ methods to Entra and test them, in waves, until everyone is moved.',
  },
  {
    id: 'finalize',
    title: 'Finalize',
    summary: 'Move the remaining services, switch federation to Entra MFA, retire MFA Server.',
  },
  {
    id: 'rollback',
    title: 'Rollback',
    summary: 'Undo what the wizard changed; read the first step before undoing anything.',
  },
];
