// Events the screens (and the CLI) send to the reducer. Every event carries `at` and `by` so that the
// reducer stays pure: it never reads the clock or the OS user itself.
import type {
  CheckResult,
  Cloud,
  EndUserCheckId,
  Evidence,
  GroupRef,
  GuardId,
  InventoryRow,
  InventoryTable,
  StepId,
  StepRef,
  StepStatus,
} from './model.js';

export interface EventMeta {
  /** ISO-8601 time of the event */
  at: string;
  /** "osuser@host" */
  by: string;
}

/**
 * An override travels with the event it unblocks. The reducer accepts it only for an overridable
 * refusal of exactly that guard, and only with a non-empty reason; it is then recorded.
 */
export interface OverrideRequest {
  guard: GuardId;
  reason: string;
}

export type MigrationEvent =
  | { type: 'create-migration'; id: string; name: string; tenant?: string; cloud: Cloud; demo?: boolean }
  | { type: 'select-migration'; id: string }
  | { type: 'go-to-step'; ref: StepRef }
  | {
      type: 'set-step-status';
      ref: StepRef;
      status: StepStatus;
      /** required for skipped and blocked */
      reason?: string;
      /** several guards can refuse one move (e.g. federation): each needs its own written reason */
      override?: OverrideRequest | OverrideRequest[];
    }
  | { type: 'reopen-step'; ref: StepRef; reason?: string }
  | { type: 'set-checklist-item'; ref: StepRef; itemId: string; checked: boolean; note?: string }
  | { type: 'set-notes'; ref: StepRef; text: string }
  | { type: 'add-evidence'; ref: StepRef; evidence: Omit<Evidence, 'at' | 'by'> }
  | { type: 'remove-evidence'; ref: StepRef; evidenceId: string }
  | { type: 'upsert-inventory-row'; table: InventoryTable; row: InventoryRow<InventoryTable> }
  | { type: 'delete-inventory-row'; table: InventoryTable; rowId: string }
  | { type: 'add-wave'; id: string; name: string }
  | { type: 'rename-wave'; waveId: string; name: string }
  | { type: 'remove-wave'; waveId: string }
  | {
      type: 'set-wave-groups';
      waveId: string;
      migrationGroups: GroupRef[];
      rolloutGroups: GroupRef[];
      override?: OverrideRequest;
    }
  | { type: 'set-wave-counts'; waveId: string; members?: number; migrated?: number; verified?: number }
  | { type: 'add-test-user'; waveId: string; upn: string }
  | { type: 'remove-test-user'; waveId: string; upn: string }
  | {
      type: 'set-test-check';
      waveId: string;
      upn: string;
      check: EndUserCheckId;
      result: CheckResult;
      note?: string;
    }
  | { type: 'add-exception'; upn: string; reason: string }
  | { type: 'remove-exception'; upn: string }
  | { type: 'pin-tenant'; tenantId: string }
  | { type: 'record-federation-change'; domain: string; from: string | null; to: string };

export type MigrationEventWithMeta = MigrationEvent & EventMeta;

export type StepStatusEvent = Extract<MigrationEvent, { type: 'set-step-status' }>;

/** Why the reducer said no. `overridable` refusals can be retried with an OverrideRequest. */
export interface Refusal {
  /** a guard id, or 'invalid' for input that is simply wrong (never overridable) */
  code: GuardId | 'invalid' | 'not-found';
  /** one line, in the admin's language: what and why, and what to do */
  message: string;
  overridable: boolean;
}

export type ReduceResult<S> = { ok: true; state: S } | { ok: false; refusal: Refusal };

export type { StepId };
