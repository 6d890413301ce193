import { Text, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../screens/app.js';
import { makeTheme } from '../../screens/theme.js';
import { useUi } from '../../screens/ui-context.js';
import type { StepRef } from '../../state/model.js';
import { renderUi } from '../helpers/render.js';
import { memoryStore, rootWith, settled } from '../wizard/app-harness.js';

function Capturing(props: { label: string }) {
  const { setCapturingInput } = useUi();
  useEffect(() => {
    setCapturingInput(true);
    return () => setCapturingInput(false);
  }, [setCapturingInput]);
  return <Text>{props.label}</Text>;
}

/** A step with an outer editor (o) that holds an inner prompt (i); x closes the inner one. */
function NestedStep(_props: { stepRef: StepRef; onBack: () => void }) {
  const [outer, setOuter] = useState(false);
  const [inner, setInner] = useState(false);
  useInput((input) => {
    if (input === 'o') setOuter(true);
    if (input === 'i') setInner(true);
    if (input === 'x') setInner(false);
  });
  return (
    <>
      <Text>NESTED</Text>
      {outer ? <Capturing label="outer editor open" /> : null}
      {outer && inner ? <Capturing label="inner prompt open" /> : null}
    </>
  );
}

describe('shell: global keys while a screen captures input', () => {
  it('stay quiet until the outermost capturing screen closes', async () => {
    const onQuit = vi.fn();
    const ui = settled(
      renderUi(
        <App
          store={memoryStore(rootWith([{ id: 'a', name: 'Prod' }], 'a'))}
          theme={makeTheme({ color: false, ascii: false })}
          renderStep={(p) => <NestedStep {...p} />}
          onQuit={onQuit}
        />,
      ),
    );
    await ui.waitFor('NESTED');
    ui.press('o');
    await ui.waitFor('typing: Enter accept');
    ui.press('i');
    await ui.waitFor('inner prompt open');
    ui.press('x');
    await ui.waitFor((f) => !f.includes('inner prompt open'));
    expect(ui.lastFrame()).toContain('typing: Enter accept'); // the outer editor still holds the keys
    ui.press('q');
    ui.press('?');
    await ui.waitFor('outer editor open');
    expect(onQuit).not.toHaveBeenCalled();
    expect(ui.lastFrame()).not.toContain('Esc or ? close');
    ui.unmount();
  });
});
