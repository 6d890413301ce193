// The shell: holds the root state, gives every screen the UI context, routes between creating a
// migration, picking one, the step list and a step, and owns the global keys (? help, q quit, Ctrl+C).
// A store write that fails is shown in a red bar and never crashes the wizard.
import { useApp, useInput } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { STEP_OPERATIONS } from '../src/graph/permissions.js';
import type { PrepServices } from '../src/services/prep-services.js';
import type { TenantServices } from '../src/services/tenant-services.js';
import type { Connection } from '../src/wizard/connection.js';
import { connectDemo } from '../src/wizard/demo-connect.js';
import { demoMigrationEvents } from '../src/wizard/demo-migration.js';
import { makeMigrationId } from '../src/wizard/migration-id.js';
import type { MigrationEvent, MigrationEventWithMeta, ReduceResult, Refusal } from '../state/events.js';
import { refKey } from '../state/ids.js';
import type { RootState, StepId, StepRef } from '../state/model.js';
import { currentMigration, navigatorRows } from '../state/selectors.js';
import { ConnectionWelcome } from './connection-welcome.js';
import { CreateMigration } from './create-migration.js';
import { Frame, frameLayout, ScreenBoundary } from './frame.js';
import { GlobalHints } from './global-hints.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { MigrationPicker } from './migration-picker.js';
import { SignIn } from './sign-in.js';
import { SizeGuard } from './size-guard.js';
import { StepNavigator } from './step-navigator.js';
import { StepView } from './step-view.js';
import type { Theme } from './theme.js';
import { UiContext, type UiContextValue } from './ui-context.js';
import { ConnectionContext, connectionFor, OFFLINE_CONNECTION, useConnection } from './use-connection.js';
import { PrepServicesContext } from './use-prep-services.js';
import { TenantServicesContext } from './use-tenant-services.js';

/** What the shell needs of the store (state/store.ts provides it; tests pass one in memory). */
export interface AppStore {
  get(): RootState;
  /** throws (a StoreError) when the write fails; the state then stays as it was */
  dispatch(event: MigrationEventWithMeta): ReduceResult<RootState>;
  stamp(event: MigrationEvent): MigrationEventWithMeta;
}

export interface StepRenderProps {
  stepRef: StepRef;
  onBack: () => void;
}

export interface AppProps {
  store: AppStore;
  theme: Theme;
  /** makes a migration id from its name; defaults to slug + random suffix */
  newId?: (name: string) => string;
  /** for tests only: stands in for the real StepView */
  renderStep?: (props: StepRenderProps) => ReactNode;
  /** called just before the app exits (q or Ctrl+C) */
  onQuit?: () => void;
  /** the Graph connection (run-wizard creates it); default: always offline */
  connection?: Connection;
  /** what the steps' sections use for files, the server and Graph (run-wizard creates them) */
  tenantServices?: TenantServices;
  prepServices?: PrepServices;
}

type BaseView =
  | { kind: 'welcome' }
  | { kind: 'create' }
  | { kind: 'picker' }
  | { kind: 'navigator' }
  | { kind: 'step'; ref: StepRef };
type View = BaseView | { kind: 'sign-in'; step: StepId; back: BaseView };

function initialView(root: RootState, canDemo: boolean): View {
  const m = currentMigration(root);
  if (m) return { kind: 'step', ref: m.current };
  if (Object.keys(root.migrations).length > 0) return { kind: 'picker' };
  return canDemo ? { kind: 'welcome' } : { kind: 'create' };
}

/**
 * The key that opens the sign-in screen from the step list or a step. Inside a step "g" does too (the
 * steps' offline notes say so); on the step list "g" is the first row.
 */
export const CONNECT_KEY = 'e';

export function App(props: AppProps) {
  const connection = props.connection ?? OFFLINE_CONNECTION;
  return (
    <ConnectionContext.Provider value={connection}>
      <TenantServicesContext.Provider value={props.tenantServices}>
        <PrepServicesContext.Provider value={props.prepServices}>
          <Shell {...props} connection={connection} />
        </PrepServicesContext.Provider>
      </TenantServicesContext.Provider>
    </ConnectionContext.Provider>
  );
}

// Refusals that stand for a failed save: the error bar already says so, callers must not overwrite it.
const saveFailures = new WeakSet<Refusal>();

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function Shell(props: AppProps & { connection: Connection }) {
  const { store, theme, connection } = props;
  const { exit } = useApp();
  const [root, setRoot] = useState<RootState>(() => store.get());
  const [view, setView] = useState<View>(() => initialView(root, connection.canDemo()));
  // the global key handler reads the view from a ref (it may run with a stale render)
  const viewRef = useRef<View>(view);
  viewRef.current = view;
  const { snapshot } = useConnection();
  const [help, setHelpState] = useState(false);
  const helpRef = useRef(false);
  const setHelp = (open: boolean) => {
    helpRef.current = open;
    setHelpState(open);
  };
  const [capturing, setCapturing] = useState(false);
  // The global key handler may run with a stale render: it reads these refs, not state.
  const capturingRef = useRef(false);
  const [error, setError] = useState<string | null>(null);
  // where the step list's selection is, so it survives the list being replaced by help for a while
  const navigatorFocus = useRef<string | undefined>(undefined);

  // Screens nest (a prompt inside a refusal inside a step), each saying true on mount and false on
  // unmount: count them, so the inner one closing does not wake the global keys under the outer one.
  const captureCount = useRef(0);
  const setCapturingInput = useCallback((on: boolean) => {
    captureCount.current = Math.max(0, captureCount.current + (on ? 1 : -1));
    capturingRef.current = captureCount.current > 0;
    setCapturing(capturingRef.current);
  }, []);

  const dispatch = useCallback(
    (event: MigrationEvent): Refusal | null => {
      let result: ReduceResult<RootState>;
      try {
        result = store.dispatch(store.stamp(event));
      } catch (e) {
        // The change is not on disk: say so in the bar, and hand the screen a refusal so it keeps
        // what the admin typed instead of pretending it was recorded.
        const message = oneLine(e instanceof Error ? e.message : String(e));
        setError(`Not saved (${event.type}): ${message}`);
        const refusal: Refusal = { code: 'invalid', message: `Not saved: ${message}`, overridable: false };
        saveFailures.add(refusal);
        return refusal;
      }
      if (!result.ok) return result.refusal;
      setRoot(result.state);
      setError(null);
      return null;
    },
    [store],
  );

  const quit = useCallback(() => {
    props.onQuit?.();
    exit();
  }, [exit, props.onQuit]);

  useInput((input, key) => {
    // exitOnCtrlC is off (so raw mode keeps working); Ctrl+C quits even while typing.
    if (key.ctrl && input === 'c') {
      quit();
      return;
    }
    if (capturingRef.current) return;
    if (helpRef.current) {
      if (key.escape || input === '?') setHelp(false);
      else if (input === 'q') quit();
      return;
    }
    if (input === '?') setHelp(true);
    else if (input === 'q') quit();
    else if (input === CONNECT_KEY || (input === 'g' && viewRef.current.kind === 'step')) openSignIn();
  });

  const migration = currentMigration(root);
  const migrationRef = useRef(migration);
  migrationRef.current = migration;

  const openSignIn = () => {
    const v = viewRef.current;
    const m = migrationRef.current;
    if (!m || (v.kind !== 'navigator' && v.kind !== 'step')) return;
    setView({ kind: 'sign-in', step: v.kind === 'step' ? v.ref.step : m.current.step, back: v });
  };

  // A demo migration connects by itself (once per migration and run): the demo tenant needs no sign-in.
  const demoTried = useRef(new Set<string>());
  const demoId = migration?.demo ? migration.id : undefined;
  useEffect(() => {
    if (demoId === undefined || !connection.canDemo() || demoTried.current.has(demoId)) return;
    demoTried.current.add(demoId);
    const m = store.get().migrations[demoId];
    if (!m) return;
    void connectDemo(connection, m, dispatch).then((problem) => {
      if (problem) setError(`Demo tenant: ${oneLine(problem)}`);
    });
  }, [demoId, connection, dispatch, store]);

  const startDemo = () => {
    for (const event of demoMigrationEvents(store.get(), props.newId ?? makeMigrationId)) {
      const refusal = dispatch(event);
      if (refusal) {
        if (!saveFailures.has(refusal)) setError(refusal.message);
        return;
      }
    }
    const m = currentMigration(store.get());
    navigatorFocus.current = undefined;
    setView(m ? { kind: 'step', ref: m.current } : { kind: 'navigator' });
  };
  const migrationCount = Object.keys(root.migrations).length;

  // One migration and none chosen yet (e.g. after an upgrade): choose it, no need to ask.
  const onlyId = migrationCount === 1 && !migration ? Object.keys(root.migrations)[0] : undefined;
  useEffect(() => {
    if (onlyId === undefined) return;
    if (dispatch({ type: 'select-migration', id: onlyId }) === null) {
      const m = store.get().migrations[onlyId];
      if (m) setView({ kind: 'step', ref: m.current });
    }
  }, [onlyId, dispatch, store]);

  const openStep = (ref: StepRef) => {
    const refusal = dispatch({ type: 'go-to-step', ref });
    if (!refusal) setView({ kind: 'step', ref });
    else if (!saveFailures.has(refusal)) setError(refusal.message);
  };
  const selectMigration = (id: string) => {
    const refusal = dispatch({ type: 'select-migration', id });
    if (refusal) {
      if (!saveFailures.has(refusal)) setError(refusal.message);
      return;
    }
    const m = store.get().migrations[id];
    navigatorFocus.current = undefined;
    setView(m ? { kind: 'step', ref: m.current } : { kind: 'navigator' });
  };

  // Routes that need a migration fall back when there is none (e.g. the file had none selected).
  let route: View = view;
  if ((route.kind === 'navigator' || route.kind === 'step' || route.kind === 'sign-in') && !migration) {
    route = migrationCount === 0 ? { kind: 'create' } : { kind: 'picker' };
  }
  if (route.kind === 'picker' && migrationCount === 0) route = { kind: 'create' };
  if (route.kind === 'welcome' && migrationCount > 0) route = { kind: 'picker' };

  // Offer a sign-in where it can be used: on the step list and in a step, while this migration is offline.
  const online = connectionFor(snapshot, migration?.id).status === 'connected';
  const currentStep = route.kind === 'step' ? route.ref.step : migration?.current.step;
  const connectHint =
    migration && !online && (route.kind === 'navigator' || route.kind === 'step')
      ? currentStep && STEP_OPERATIONS[currentStep]
        ? `${CONNECT_KEY} connect (this step uses Graph)`
        : `${CONNECT_KEY} connect to tenant`
      : undefined;

  const rows = useMemo(() => (migration ? navigatorRows(migration) : []), [migration]);

  return (
    <SizeGuard>
      {(size) => {
        const layout = frameLayout(size.columns, size.rows, error !== null);
        const ui: UiContextValue = {
          theme,
          state: root,
          dispatch,
          setCapturingInput,
          width: layout.bodyWidth,
          height: layout.bodyHeight,
        };
        let body: ReactNode;
        let title: string | undefined;
        let escLabel: string | undefined;
        if (help) {
          body = <HelpOverlay height={layout.bodyHeight} />;
          escLabel = 'close help';
        } else if (route.kind === 'welcome') {
          body = (
            <ConnectionWelcome onNew={() => setView({ kind: 'create' })} onDemo={startDemo} onQuit={quit} />
          );
        } else if (route.kind === 'sign-in' && migration) {
          const back = route.back;
          title = 'Connect';
          escLabel = 'cancel';
          body = (
            <SignIn
              migration={migration}
              step={route.step}
              height={layout.bodyHeight}
              onClose={() => setView(back)}
            />
          );
        } else if (route.kind === 'create') {
          const canGoBack = migrationCount > 0;
          const welcome = !canGoBack && connection.canDemo();
          body = (
            <CreateMigration
              newId={props.newId ?? makeMigrationId}
              cancelLabel={canGoBack || welcome ? 'back' : 'quit'}
              onCancel={() =>
                canGoBack
                  ? setView(migration ? { kind: 'navigator' } : { kind: 'picker' })
                  : welcome
                    ? setView({ kind: 'welcome' })
                    : quit()
              }
              onCreated={() => {
                navigatorFocus.current = undefined;
                setView({ kind: 'navigator' });
              }}
            />
          );
        } else if (route.kind === 'picker') {
          title = 'Migrations';
          escLabel = migration ? 'back' : undefined;
          body = (
            <MigrationPicker
              height={layout.bodyHeight}
              onSelect={selectMigration}
              onNew={() => setView({ kind: 'create' })}
              {...(migration ? { onBack: () => setView({ kind: 'navigator' }) } : {})}
            />
          );
        } else if (route.kind === 'navigator' && migration) {
          title = 'Steps';
          body = (
            <StepNavigator
              rows={rows}
              height={layout.bodyHeight}
              initialKey={navigatorFocus.current ?? refKey(migration.current)}
              currentKey={refKey(migration.current)}
              onOpen={openStep}
              onHighlight={(key) => {
                navigatorFocus.current = key;
              }}
              onContinue={() => openStep(migration.current)}
              onSwitchMigration={() => setView({ kind: 'picker' })}
            />
          );
        } else if (route.kind === 'step') {
          const ref = route.ref;
          escLabel = 'back';
          const onBack = () => {
            navigatorFocus.current = refKey(ref);
            setView({ kind: 'navigator' });
          };
          body = props.renderStep ? (
            props.renderStep({ stepRef: ref, onBack })
          ) : (
            <StepView key={refKey(ref)} stepRef={ref} onBack={onBack} />
          );
        }
        return (
          <UiContext.Provider value={ui}>
            <Frame
              theme={theme}
              layout={layout}
              header={
                <Header
                  migration={route.kind === 'create' || route.kind === 'welcome' ? undefined : migration}
                  title={title}
                />
              }
              error={error}
              hints={<GlobalHints capturing={capturing} escLabel={escLabel} extra={connectHint} />}
            >
              <ScreenBoundary
                // a new screen gets a fresh boundary, so one failure does not stick to the next screen
                key={help ? 'help' : route.kind === 'step' ? `step:${refKey(route.ref)}` : route.kind}
                theme={theme}
                onBack={() => {
                  setHelp(false);
                  setView(migration ? { kind: 'navigator' } : { kind: 'picker' });
                }}
              >
                {body}
              </ScreenBoundary>
            </Frame>
          </UiContext.Provider>
        );
      }}
    </SizeGuard>
  );
}
