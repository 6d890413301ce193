// The guide's content as data. Screens and reports read it from here; the content lives in the
// files beside this one, written in our own words (never Microsoft's prose).
import type { PhaseId, StepId } from '../model.js';
import { STEP_IDS } from '../model.js';
import { PHASE_DEFS } from './phases.js';
import {
  DECOMMISSION_STEP,
  DEPENDENCIES_STEP,
  DISABLE_PORTAL_STEP,
  FEDERATION_STEP,
} from './steps-finalize.js';
import { COMPLETE_STEP, EDUCATE_STEP, MIGRATE_USERS_STEP, VALIDATE_STEP } from './steps-migrations.js';
import { BACKUP_STEP, INVENTORY_STEP, UPDATE_STEP, UTILITY_STEP } from './steps-preparations.js';
import {
  RB_ASSESS_STEP,
  RB_FEDERATION_STEP,
  RB_REINSTALL_STEP,
  RB_RESTORE_STEP,
  RB_STAGED_ROLLOUT_STEP,
  RB_UNINSTALL_STEP,
} from './steps-rollback.js';
import type { PhaseDef, StepDef } from './types.js';

export { CLOUD_ENDPOINTS, type CloudEndpoints } from './clouds.js';
export { type CommunicationFacts, communicationDraft, SECURITY_INFO_URL } from './communication.js';
export { END_USER_CHECKS } from './end-user-checks.js';
export {
  CHECK_RESULT_LABELS,
  CLOUD_LABELS,
  DEPENDENCY_STATUS_LABELS,
  DISPOSITION_LABELS,
  GUARD_LABELS,
  LB_FRONT_LABELS,
  SERVER_MEMBERSHIP_LABELS,
  SERVER_ROLE_LABELS,
  SERVICE_KIND_LABELS,
  STATUS_LABELS,
} from './labels.js';
export { METHOD_MAPPINGS, PORTAL_MAPPINGS } from './mappings.js';
export { NPS_CHECKLIST } from './nps-checklist.js';
export { PHASE_DEFS };

// A record keyed by StepId makes a missing or extra step a compile error.
const STEP_BY_ID: Record<StepId, StepDef> = {
  inventory: INVENTORY_STEP,
  backup: BACKUP_STEP,
  update: UPDATE_STEP,
  utility: UTILITY_STEP,
  'migrate-users': MIGRATE_USERS_STEP,
  validate: VALIDATE_STEP,
  educate: EDUCATE_STEP,
  complete: COMPLETE_STEP,
  dependencies: DEPENDENCIES_STEP,
  federation: FEDERATION_STEP,
  'disable-portal': DISABLE_PORTAL_STEP,
  decommission: DECOMMISSION_STEP,
  'rb-assess': RB_ASSESS_STEP,
  'rb-staged-rollout': RB_STAGED_ROLLOUT_STEP,
  'rb-federation': RB_FEDERATION_STEP,
  'rb-uninstall': RB_UNINSTALL_STEP,
  'rb-restore': RB_RESTORE_STEP,
  'rb-reinstall': RB_REINSTALL_STEP,
};

/** Every step, in STEP_IDS order (the order shown). */
export const STEP_DEFS: StepDef[] = STEP_IDS.map((id) => STEP_BY_ID[id]);

export function stepDef(id: StepId): StepDef {
  return STEP_BY_ID[id];
}

export function phaseDef(id: PhaseId): PhaseDef {
  return PHASE_DEFS.find((p) => p.id === id)!;
}

/** The steps of one phase, in order. */
export function stepsOfPhase(id: PhaseId): StepDef[] {
  return STEP_DEFS.filter((s) => s.phase === id);
}
