import { describe, expect, it, vi } from 'vitest';
import { TextPrompt } from '../../screens/text-prompt.js';
import { KEYS, renderUi } from '../helpers/render.js';

describe('TextPrompt', () => {
  it('types, deletes with backspace and submits', async () => {
    const onSubmit = vi.fn();
    const ui = renderUi(<TextPrompt label="Name:" onSubmit={onSubmit} onCancel={() => {}} />);
    await ui.waitFor('Name:');
    await ui.type('Wavx');
    ui.press(KEYS.backspace);
    await ui.type('e');
    await ui.waitFor('Wave');
    ui.press(KEYS.enter);
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith('Wave'));
    ui.unmount();
  });

  it('shows the validation message and does not submit', async () => {
    const onSubmit = vi.fn();
    const ui = renderUi(
      <TextPrompt
        label="Name:"
        validate={(v) => (v ? null : 'A name is required.')}
        onSubmit={onSubmit}
        onCancel={() => {}}
      />,
    );
    await ui.waitFor('Name:');
    ui.press(KEYS.enter);
    await ui.waitFor('A name is required.');
    expect(onSubmit).not.toHaveBeenCalled();
    ui.unmount();
  });

  it('cancels on Esc', async () => {
    const onCancel = vi.fn();
    const ui = renderUi(<TextPrompt label="Name:" onSubmit={() => {}} onCancel={onCancel} />);
    await ui.waitFor('Name:');
    ui.press(KEYS.escape);
    await vi.waitFor(() => expect(onCancel).toHaveBeenCalled());
    ui.unmount();
  });
});
