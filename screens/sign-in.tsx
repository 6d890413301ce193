// Connecting a migration to its tenant: what the step needs (permissions screen), how to sign in
// (device code by default), the sign-in itself (the device code shown here, Esc cancels), then the
// tenant check — the first sign-in pins the tenant, a different tenant is refused naming both.
import { Box, Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { describeSignIn, type SignInKind } from '../src/auth/sign-in-kinds.js';
import { OPERATIONS, unsupportedOperations } from '../src/graph/permissions.js';
import { type SignInDetails, stepWrites } from '../src/wizard/connection.js';
import type { Migration, StepId } from '../state/model.js';
import { KeyHints } from './key-hints.js';
import { PermissionsScreen } from './permissions-screen.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';
import { useConnection } from './use-connection.js';

export interface SignInProps {
  migration: Migration;
  /** the step the admin is about to work on: decides the permissions asked for */
  step: StepId;
  height: number;
  onClose: () => void;
}

type Stage =
  | { kind: 'permissions' }
  | { kind: 'choose' }
  | { kind: 'details'; signIn: SignInKind; field: DetailField; details: SignInDetails }
  | { kind: 'working'; signIn: SignInKind }
  | { kind: 'done'; ok: boolean; message: string };

type DetailField = 'tenantId' | 'clientId' | 'certificatePath' | 'secretFile' | 'secret';

const DETAIL_LABELS: Record<DetailField, string> = {
  tenantId: 'Tenant id or verified domain: ',
  clientId: 'Application (client) id: ',
  certificatePath: 'PEM file (certificate + private key): ',
  secretFile: 'File with the secret (empty: type it): ',
  secret: 'Client secret (not shown, not stored): ',
};

function fieldsFor(kind: SignInKind): DetailField[] {
  if (kind === 'certificate') return ['tenantId', 'clientId', 'certificatePath'];
  if (kind === 'client-secret') return ['tenantId', 'clientId', 'secretFile'];
  return [];
}

export function SignIn(props: SignInProps) {
  const { theme, dispatch } = useUi();
  const { connection, snapshot } = useConnection();
  const { migration, step } = props;
  const write = stepWrites(step);
  const [stage, setStage] = useState<Stage>({ kind: 'permissions' });
  const kinds = connection.availableKinds();
  const [choice, setChoice] = useState(0);
  const choiceRef = useRef(0);
  const abortRef = useRef<AbortController | null>(null);
  const stageRef = useRef<Stage>(stage);
  stageRef.current = stage;

  // leaving the screen (q, Ctrl+C, another view) cancels a sign-in that still waits
  useEffect(() => () => abortRef.current?.abort(), []);

  const start = (signIn: SignInKind, details: SignInDetails) => {
    const abort = new AbortController();
    abortRef.current = abort;
    setStage({ kind: 'working', signIn });
    void connection.connect(signIn, { migration, steps: [step], write }, details, abort.signal).then((r) => {
      if (abort.signal.aborted && !r.ok) {
        setStage({ kind: 'done', ok: false, message: 'Sign-in cancelled.' });
        return;
      }
      if (!r.ok) {
        setStage({ kind: 'done', ok: false, message: r.message });
        return;
      }
      const shown = r.tenant.displayName
        ? `${r.tenant.displayName} (${r.tenant.tenantId})`
        : r.tenant.tenantId;
      if (r.pinEvent) {
        const refusal = dispatch(r.pinEvent);
        if (refusal) {
          connection.disconnect();
          setStage({ kind: 'done', ok: false, message: refusal.message });
          return;
        }
        setStage({
          kind: 'done',
          ok: true,
          message: `Connected to ${shown}. This migration is now pinned to that tenant.`,
        });
        return;
      }
      setStage({ kind: 'done', ok: true, message: `Connected to ${shown}.` });
    });
  };

  const pick = (signIn: SignInKind) => {
    const fields = fieldsFor(signIn);
    const first = fields[0];
    if (first) setStage({ kind: 'details', signIn, field: first, details: {} });
    else start(signIn, {});
  };

  useInput((input, key) => {
    const s = stageRef.current;
    if (s.kind === 'choose') {
      const n = kinds.length;
      const move = (to: number) => {
        choiceRef.current = (to + n) % n;
        setChoice(choiceRef.current);
      };
      if (key.escape) props.onClose();
      else if (key.downArrow || input === 'j') move(choiceRef.current + 1);
      else if (key.upArrow || input === 'k') move(choiceRef.current - 1);
      else if (key.return) {
        const k = kinds[choiceRef.current];
        if (k) pick(k);
      }
    } else if (s.kind === 'working') {
      if (key.escape) abortRef.current?.abort();
    } else if (s.kind === 'done') {
      if (key.escape || key.return) props.onClose();
      else if (input === 'r' && !s.ok)
        setStage(migration.demo ? { kind: 'permissions' } : { kind: 'choose' });
    }
  });

  if (stage.kind === 'permissions') {
    return (
      <PermissionsScreen
        step={step}
        write={write}
        height={props.height}
        onCancel={props.onClose}
        onContinue={() => (migration.demo ? start('access-token', {}) : setStage({ kind: 'choose' }))}
      />
    );
  }

  if (stage.kind === 'choose') {
    const selected = kinds[choice];
    // e.g. staged rollout has no application permission: say so before an app-only sign-in
    const cannot =
      selected && describeSignIn(selected).permissionKind === 'application'
        ? unsupportedOperations({ steps: [step], write, kind: 'application' })
        : [];
    return (
      <Box flexDirection="column" height={props.height}>
        <Text bold wrap="truncate-end">
          How do you want to sign in to {migration.tenantId ?? migration.tenant ?? 'the tenant'}?
        </Text>
        <Text> </Text>
        {kinds.map((k, i) => {
          const d = describeSignIn(k);
          const on = i === choice;
          const what =
            d.permissionKind === 'application' ? 'app-only' : (d.permissionKind ?? 'as the token says');
          return (
            <Text key={k} wrap="truncate-end" {...(on ? { color: theme.color.selected } : {})}>
              {on ? theme.glyph.pointer : ' '} {d.label} ({what})
            </Text>
          );
        })}
        <Text> </Text>
        {selected ? (
          <Text color={theme.color.muted} wrap="wrap">
            {describeSignIn(selected).note}
          </Text>
        ) : null}
        {cannot.length > 0 ? (
          <Text color={theme.color.warn} wrap="wrap">
            {theme.glyph.warn} App-only cannot {cannot.map((op) => OPERATIONS[op].describe).join(', ')}.
          </Text>
        ) : null}
        <Box flexGrow={1} />
        <KeyHints
          hints={[
            ['↑↓', 'choose'],
            ['Enter', 'sign in'],
            ['Esc', 'cancel'],
          ]}
        />
      </Box>
    );
  }

  if (stage.kind === 'details') {
    const fields = fieldsFor(stage.signIn);
    const initial =
      stage.field === 'tenantId'
        ? (migration.tenantId ?? migration.tenant ?? '')
        : (stage.details[stage.field] ?? '');
    return (
      <Box flexDirection="column" height={props.height}>
        <Text bold wrap="truncate-end">
          {describeSignIn(stage.signIn).label}
        </Text>
        <Text color={theme.color.muted} wrap="truncate-end">
          {stage.signIn === 'client-secret'
            ? 'The secret is read from the file when you connect; it is never stored.'
            : 'The key stays in the PEM file; nothing is copied or stored.'}
        </Text>
        <Text> </Text>
        <TextPrompt
          key={stage.field}
          label={DETAIL_LABELS[stage.field]}
          initial={initial}
          {...(stage.field === 'secret' ? { mask: true, maxLength: 1000 } : {})}
          validate={(v) => (v.trim() === '' && stage.field !== 'secretFile' ? 'Required.' : null)}
          onCancel={() => setStage({ kind: 'choose' })}
          onSubmit={(value) => {
            const details = { ...stage.details, [stage.field]: value.trim() };
            // no file given: the secret is typed (masked) instead
            const next: DetailField | undefined =
              stage.field === 'secretFile' && value.trim() === ''
                ? 'secret'
                : stage.field === 'secret'
                  ? undefined
                  : fields[fields.indexOf(stage.field) + 1];
            if (next) setStage({ kind: 'details', signIn: stage.signIn, field: next, details });
            else start(stage.signIn, details);
          }}
        />
      </Box>
    );
  }

  if (stage.kind === 'working') {
    const code = snapshot.status === 'signing-in' ? snapshot.deviceCode : undefined;
    return (
      <Box flexDirection="column" height={props.height}>
        <Text bold wrap="truncate-end">
          {migration.demo
            ? 'Connecting to the built-in demo tenant...'
            : `Signing in: ${describeSignIn(stage.signIn).label}...`}
        </Text>
        <Text> </Text>
        {code ? (
          <Box flexDirection="column">
            <Text wrap="truncate-end">On any device, open:</Text>
            <Text bold color={theme.color.accent} wrap="truncate-end">
              {'  '}
              {code.verificationUri}
            </Text>
            <Text wrap="truncate-end">and enter the code:</Text>
            <Text bold color={theme.color.accent} wrap="truncate-end">
              {'  '}
              {code.userCode}
            </Text>
            <Text> </Text>
            <Text color={theme.color.muted} wrap="truncate-end">
              Waiting for you to finish signing in there.
            </Text>
          </Box>
        ) : stage.signIn === 'device-code' ? (
          <Text color={theme.color.muted}>Asking for a device code...</Text>
        ) : stage.signIn === 'browser' ? (
          <Text color={theme.color.muted}>Finish signing in in the browser window.</Text>
        ) : (
          <Text color={theme.color.muted}>Getting a token and checking the tenant...</Text>
        )}
        <Box flexGrow={1} />
        <KeyHints hints={[['Esc', 'cancel sign-in']]} />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={props.height}>
      <Text bold color={stage.ok ? theme.color.ok : theme.color.error} wrap="truncate-end">
        {stage.ok ? `${theme.glyph.status.done} connected` : `${theme.glyph.error} not connected`}
      </Text>
      <Text> </Text>
      <Text wrap="wrap">{stage.message}</Text>
      <Box flexGrow={1} />
      <KeyHints
        hints={
          stage.ok
            ? [['Enter', 'back']]
            : [
                ['r', 'try again'],
                ['Esc', 'back'],
              ]
        }
      />
    </Box>
  );
}
