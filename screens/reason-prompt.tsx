// Asks for the reason that a skip, a block or a guard override needs. The reason is recorded with
// who and when, so an empty one is not accepted.
import { TextPrompt } from './text-prompt.js';

export const REASON_REQUIRED = 'Write a reason: it is recorded in the step history and the report.';

export function reasonProblem(value: string): string | null {
  return value.trim().length === 0 ? REASON_REQUIRED : null;
}

export function ReasonPrompt(props: {
  label: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  return (
    <TextPrompt
      label={props.label}
      placeholder="why (required)"
      validate={reasonProblem}
      onSubmit={(v) => props.onSubmit(v.trim())}
      onCancel={props.onCancel}
      maxLength={300}
    />
  );
}
