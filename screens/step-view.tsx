// The body of one step, as the shell shows it: the waves overview for steps 5/6 without a wave, a
// wave's step with one, the inventory step with its tables, or a plain step.
import { useState } from 'react';
import type { StepId, StepRef } from '../state/model.js';
import { ExceptionsList } from './exceptions-list.js';
import { FederationChanges } from './federation-changes.js';
import { InventoryTableEditor, InventoryTables } from './inventory-tables.js';
import { KeyRouter } from './key-router.js';
import { PREP_SECTIONS } from './prep-sections.js';
import { isWaveStep } from './step-data.js';
import { type SectionDef, StepPage } from './step-page.js';
import { TENANT_SECTIONS } from './tenant-sections.js';
import { useUi } from './ui-context.js';
import { UserMessage } from './user-message.js';
import { WaveStep } from './wave-step.js';
import { WavesOverview } from './waves-overview.js';

const TABLES: SectionDef = { id: 'tables', label: 'Tables', render: (p) => <InventoryTables {...p} /> };
const SERVICES: SectionDef = {
  id: 'services',
  label: 'Services',
  render: (p) => <InventoryTableEditor {...p} table="services" />,
};
const EXCEPTIONS: SectionDef = {
  id: 'exceptions',
  label: 'Exceptions',
  render: (p) => <ExceptionsList {...p} />,
};
const DOMAINS: SectionDef = { id: 'domains', label: 'Domains', render: (p) => <FederationChanges {...p} /> };
const DOMAINS_TO_UNDO: SectionDef = {
  id: 'domains',
  label: 'Domains',
  render: (p) => <FederationChanges {...p} readOnly />,
};
const MESSAGE: SectionDef = { id: 'message', label: 'Message', render: (p) => <UserMessage {...p} /> };

/** Sections of their own that some steps have, after the checklist. */
const STEP_SECTIONS: Partial<Record<StepId, SectionDef[]>> = {
  inventory: [TABLES],
  educate: [MESSAGE],
  complete: [EXCEPTIONS],
  dependencies: [SERVICES],
  federation: [DOMAINS],
  'rb-federation': [DOMAINS_TO_UNDO],
};

export function StepView(props: { stepRef: StepRef; onBack: () => void }) {
  return (
    <KeyRouter>
      <StepRouter {...props} />
    </KeyRouter>
  );
}

function StepRouter(props: { stepRef: StepRef; onBack: () => void }) {
  const { dispatch } = useUi();
  const { step, wave } = props.stepRef;
  // A wave opened from the overview is local: Esc in it returns to the overview, not to the shell.
  // Remembered per step, so a new stepRef from the shell never reopens a wave of another step.
  const [opened, setOpened] = useState<{ step: string; wave: string } | undefined>(undefined);
  const openedWave = opened?.step === step ? opened.wave : undefined;
  const setOpenedWave = (id: string | undefined) =>
    setOpened(id === undefined ? undefined : { step, wave: id });

  if (isWaveStep(step)) {
    const waveId = wave ?? openedWave;
    if (waveId !== undefined) {
      return (
        <WaveStep
          key={waveId}
          step={step}
          waveId={waveId}
          onBack={() => {
            if (wave !== undefined) props.onBack();
            else {
              setOpenedWave(undefined);
              dispatch({ type: 'go-to-step', ref: { step } });
            }
          }}
        />
      );
    }
    return (
      <WavesOverview
        step={step}
        onBack={props.onBack}
        onOpen={(id) => {
          // Recorded so that the next start resumes inside this wave.
          dispatch({ type: 'go-to-step', ref: { step, wave: id } });
          setOpenedWave(id);
        }}
      />
    );
  }
  return (
    <StepPage
      key={step}
      stepRef={props.stepRef}
      onBack={props.onBack}
      extraSections={[
        ...(STEP_SECTIONS[step] ?? []),
        ...(PREP_SECTIONS[step] ?? []),
        ...(TENANT_SECTIONS[step] ?? []),
      ]}
    />
  );
}
