import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmByTyping, mismatchProblem } from '../../screens/confirm-by-typing.js';
import { KEYS, type RenderedUi, renderUi } from '../helpers/render.js';
import { frameFits, see } from './step-harness.js';

let ui: RenderedUi | undefined;
afterEach(() => ui?.unmount());

function mount() {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  ui = renderUi(
    <ConfirmByTyping
      message="Set rejectMfaByFederatedIdp on contoso.com; this cannot be unset later."
      expected="contoso.com"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />,
    { columns: 80, rows: 24 },
  );
  return { ui, onConfirm, onCancel };
}

describe('ConfirmByTyping', () => {
  it('refuses wrong text (including a different case) and accepts the exact name', async () => {
    const { ui, onConfirm } = mount();
    const frame = await see(ui, 'Type contoso.com to confirm');
    expect(frameFits(frame, 80, 24)).toBeNull();
    ui.press(KEYS.enter);
    await see(ui, 'That is not "contoso.com"');
    await ui.type('Contoso.com');
    ui.press(KEYS.enter);
    await see(ui, 'That is not "contoso.com"');
    expect(onConfirm).not.toHaveBeenCalled();
    for (let i = 0; i < 11; i++) ui.press(KEYS.backspace);
    await ui.type('contoso.com');
    ui.press(KEYS.enter);
    await vi.waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
  });

  it('Esc cancels without confirming', async () => {
    const { ui, onConfirm, onCancel } = mount();
    await see(ui, 'Confirm:');
    await ui.type('contoso.com');
    ui.press(KEYS.escape);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('compares exactly, ignoring only surrounding spaces', () => {
    expect(mismatchProblem('contoso.com', ' contoso.com ')).toBeNull();
    expect(mismatchProblem('contoso.com', 'contoso')).not.toBeNull();
    expect(mismatchProblem('contoso.com', 'CONTOSO.COM')).not.toBeNull();
  });
});
