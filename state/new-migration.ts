// A fresh migration: every step pending, the inventory's mapping tables pre-filled from the guide so
// that the admin only has to say which MFA Server features are in use.
import { METHOD_MAPPINGS, PORTAL_MAPPINGS } from './catalogue/index.js';
import type { MappingDef } from './catalogue/types.js';
import {
  type Cloud,
  emptyStepState,
  type InventoryMethodRow,
  type Migration,
  STEP_IDS,
  type StepId,
  type StepState,
} from './model.js';

export interface NewMigrationInput {
  id: string;
  name: string;
  tenant?: string;
  cloud: Cloud;
  demo?: boolean;
  at: string;
  by: string;
}

function mappingRow(def: MappingDef): InventoryMethodRow {
  return {
    id: def.id,
    feature: def.feature,
    area: def.area,
    inUse: 'unknown',
    entraAction: def.entraAction,
    actionNeeded: def.actionNeeded,
    notes: '',
  };
}

export function newMigration(input: NewMigrationInput): Migration {
  const steps = Object.fromEntries(STEP_IDS.map((id) => [id, emptyStepState()])) as Record<StepId, StepState>;
  const tenant = input.tenant?.trim();
  return {
    id: input.id,
    name: input.name.trim(),
    ...(tenant ? { tenant } : {}),
    cloud: input.cloud,
    demo: input.demo ?? false,
    createdAt: input.at,
    createdBy: input.by,
    current: { step: 'inventory' },
    steps,
    waves: [],
    inventory: {
      methods: METHOD_MAPPINGS.map(mappingRow),
      portal: PORTAL_MAPPINGS.map(mappingRow),
      services: [],
      servers: [],
      loadBalancers: [],
    },
    overrides: [],
    exceptions: [],
    federationChanges: [],
  };
}
