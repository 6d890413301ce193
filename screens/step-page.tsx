// One step, as sections behind tabs: What & why, Checklist, (the step's own sections), Notes,
// Evidence, History. The page owns the status keys (d/s/b/r/i), the reason prompt for skip/block,
// and shows any refusal from the reducer with the override flow.
import { Box, Text } from 'ink';
import { type ReactNode, useState } from 'react';
import { stepDef } from '../state/catalogue/index.js';
import type { StepRef } from '../state/model.js';
import { currentMigration, guardsFor } from '../state/selectors.js';
import { Checklist } from './checklist.js';
import { EvidenceList } from './evidence-list.js';
import { GuardRefusal } from './guard-refusal.js';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { NotesSection } from './notes-section.js';
import { ReasonPrompt } from './reason-prompt.js';
import type { SectionProps } from './section-props.js';
import { statusWord, stepStateOf, waveOf } from './step-data.js';
import { StepHistory } from './step-history.js';
import { useStepScope } from './step-scope.js';
import { StepStatusBar, statusKeys } from './step-status-bar.js';
import { StepSummary } from './step-summary.js';
import { Tabs } from './tabs.js';
import { TextPrompt } from './text-prompt.js';
import { UiContext, useUi } from './ui-context.js';

export interface SectionDef {
  id: string;
  label: string;
  render: (props: SectionProps) => ReactNode;
}

export interface StepPageProps {
  stepRef: StepRef;
  onBack: () => void;
  /** the step's own sections, shown after the checklist */
  extraSections?: SectionDef[];
  /** section to open first */
  initialSection?: string;
}

const SUMMARY: SectionDef = { id: 'summary', label: 'What & why', render: (p) => <StepSummary {...p} /> };
const CHECKLIST: SectionDef = { id: 'checklist', label: 'Checklist', render: (p) => <Checklist {...p} /> };
const NOTES: SectionDef = { id: 'notes', label: 'Notes', render: (p) => <NotesSection {...p} /> };
const EVIDENCE: SectionDef = { id: 'evidence', label: 'Evidence', render: (p) => <EvidenceList {...p} /> };
const HISTORY: SectionDef = { id: 'history', label: 'History', render: (p) => <StepHistory {...p} /> };

/** Design §8: said on every rollback step, before anything is applied. */
export const ROLLBACK_WARNING =
  'MFA Server stopped serving MFA on 2024-09-30: a full rollback leaves no MFA.';

type Modal = { kind: 'reason'; status: 'skipped' | 'blocked' } | { kind: 'reopen' } | null;

export function StepPage(props: StepPageProps) {
  const outer = useUi();
  const scope = useStepScope();
  const { theme, width, height } = outer;
  const sections = [SUMMARY, CHECKLIST, ...(props.extraSections ?? []), NOTES, EVIDENCE, HISTORY];
  const [sectionId, setSectionId, sectionLive] = useLiveState(props.initialSection ?? 'summary');
  const [modal, setModal] = useState<Modal>(null);
  const m = currentMigration(outer.state);
  const step = m ? stepStateOf(m, props.stepRef) : undefined;
  const status = step?.status ?? 'pending';
  const keys = statusKeys(status);
  const idx = Math.max(
    0,
    sections.findIndex((s) => s.id === sectionId),
  );
  const section = sections[idx] ?? SUMMARY;
  const { dispatch } = scope.ui;

  const setStatus = (next: 'in-progress' | 'done' | 'skipped' | 'blocked', reason?: string) => {
    const refused = dispatch({
      type: 'set-step-status',
      ref: props.stepRef,
      status: next,
      ...(reason ? { reason } : {}),
    });
    if (!refused) scope.setNotice(`Marked ${statusWord(next)}${reason ? `: ${reason}` : '.'}`);
  };

  useKeys(
    (input, key) => {
      if (key.escape) {
        props.onBack();
        return;
      }
      if (key.tab || input === ']' || input === '[') {
        const back = (key.tab && key.shift) || input === '[';
        const at = Math.max(
          0,
          sections.findIndex((s) => s.id === sectionLive.current),
        );
        const next = (at + (back ? sections.length - 1 : 1)) % sections.length;
        setSectionId(sections[next]?.id ?? 'summary');
        scope.setNotice(null);
        return;
      }
      if (!keys.some(([k]) => k === input)) return;
      if (input === 'd') setStatus('done');
      else if (input === 'i') setStatus('in-progress');
      else if (input === 's') setModal({ kind: 'reason', status: 'skipped' });
      else if (input === 'b') setModal({ kind: 'reason', status: 'blocked' });
      else if (input === 'r') setModal({ kind: 'reopen' });
    },
    { isActive: !scope.capturing && !modal && !scope.refusal },
  );

  if (!m || !step) {
    return (
      <Box flexDirection="column" height={height}>
        <Text color={theme.color.error}>
          {theme.glyph.error} This step is not part of the current migration. Press Esc to go back.
        </Text>
      </Box>
    );
  }

  const bodyHeight = Math.max(3, height - 4);
  // A refusal or a reason prompt opens under the section, which stays mounted (keeping its
  // selection) but deaf to keys until the modal closes.
  let modalNode: ReactNode = null;
  let modalHeight = 0;
  if (scope.refusal) {
    const r = scope.refusal;
    modalHeight = 5;
    modalNode = (
      <GuardRefusal
        key={r.serial}
        refusal={r.refusal}
        event={r.event}
        width={width}
        onDone={(notice) => {
          scope.clearRefusal();
          scope.setNotice(notice);
        }}
      />
    );
  } else if (modal?.kind === 'reopen') {
    modalHeight = 2;
    modalNode = (
      <TextPrompt
        key="reopen"
        label="Why reopen? (optional)"
        placeholder="Enter to reopen without a reason"
        maxLength={300}
        onCancel={() => setModal(null)}
        onSubmit={(text) => {
          setModal(null);
          const reason = text.trim();
          const refused = dispatch({
            type: 'reopen-step',
            ref: props.stepRef,
            ...(reason ? { reason } : {}),
          });
          if (!refused) scope.setNotice('Reopened; the history keeps what was recorded before.');
        }}
      />
    );
  } else if (modal) {
    const label = modal.status === 'skipped' ? 'Why skip this step?' : 'What blocks this step?';
    modalHeight = 2;
    modalNode = (
      <ReasonPrompt
        key={modal.status}
        label={label}
        onCancel={() => setModal(null)}
        onSubmit={(reason) => {
          setModal(null);
          setStatus(modal.status, reason);
        }}
      />
    );
  }
  const sectionHeight = Math.max(2, bodyHeight - modalHeight);
  const body = (
    <>
      <Box flexDirection="column" height={sectionHeight} overflow="hidden">
        {section.render({
          stepRef: props.stepRef,
          active: modalNode === null && !scope.capturing,
          height: sectionHeight,
          width,
        })}
      </Box>
      {modalNode ? (
        <Box flexDirection="column" height={bodyHeight - sectionHeight} overflow="hidden">
          {modalNode}
        </Box>
      ) : null}
    </>
  );

  // Say before the admin presses d what would stop it (the same guards the reducer applies).
  const ahead =
    status === 'pending' || status === 'in-progress'
      ? guardsFor(m, props.stepRef, 'done', new Date().toISOString())
      : [];
  const message =
    scope.notice ??
    ((status === 'skipped' || status === 'blocked') && step.reason
      ? `${theme.glyph.status[status]} ${statusWord(status)}: ${step.reason}`
      : stepDef(props.stepRef.step).phase === 'rollback'
        ? `${theme.glyph.warn} ${ROLLBACK_WARNING}`
        : ahead[0]
          ? `${theme.glyph.warn} ${ahead[0].message}`
          : '');
  const waveName = waveOf(m, props.stepRef.wave)?.name;
  return (
    <UiContext.Provider value={scope.ui}>
      <Box flexDirection="column" height={height} width={width}>
        <StepStatusBar
          stepRef={props.stepRef}
          step={step}
          width={width}
          {...(waveName ? { waveName } : {})}
        />
        <Tabs tabs={sections} active={section.id} />
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {body}
        </Box>
        <Text wrap="truncate-end" color={scope.notice ? theme.color.ok : theme.color.warn}>
          {message || ' '}
        </Text>
        {/* While something inside is being edited these keys do nothing: do not offer them. */}
        {scope.capturing || modal ? (
          <Text> </Text>
        ) : (
          <KeyHints hints={[['Tab', 'section'], ...keys, ['Esc', 'back']]} />
        )}
      </Box>
    </UiContext.Provider>
  );
}
