// A wave's step 5 or 6: a normal step plus the wave's groups and counts, and for step 6 the test
// users with their end-user checks.
import type { WaveStepId } from '../state/model.js';
import { type SectionDef, StepPage } from './step-page.js';
import { WAVE_TENANT_SECTIONS } from './tenant-sections.js';
import { TestUserChecks } from './test-user-checks.js';
import { WaveSettings } from './wave-settings.js';

const WAVE: SectionDef = { id: 'wave', label: 'Wave', render: (p) => <WaveSettings {...p} /> };
const TEST_USERS: SectionDef = { id: 'tests', label: 'Test users', render: (p) => <TestUserChecks {...p} /> };

export function WaveStep(props: { step: WaveStepId; waveId: string; onBack: () => void }) {
  return (
    <StepPage
      stepRef={{ step: props.step, wave: props.waveId }}
      onBack={props.onBack}
      extraSections={[
        ...(props.step === 'validate' ? [WAVE, TEST_USERS] : [WAVE]),
        ...(WAVE_TENANT_SECTIONS[props.step] ?? []),
      ]}
    />
  );
}
