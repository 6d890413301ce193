// One line for a long operation: bar, count, rate and time left. Fits any width (the bar shrinks).
import { Text } from 'ink';
import type { Progress } from '../src/waves/progress.js';
import { useUi } from './ui-context.js';

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function progressText(p: Progress): string {
  const of = p.total !== undefined ? ` of ${p.total}` : '';
  const rate = `${p.ratePerSec.toFixed(p.ratePerSec < 10 ? 1 : 0)}/s`;
  const eta = p.etaSeconds !== undefined ? `, ${formatDuration(p.etaSeconds)} left` : '';
  return `${p.done}${of} (${rate}${eta})`;
}

export function ProgressBar(props: { label: string; progress: Progress | null; width: number }) {
  const { theme } = useUi();
  const p = props.progress;
  const text = p ? progressText(p) : 'starting…';
  const room = props.width - props.label.length - text.length - 4;
  const barWidth = Math.max(0, Math.min(30, room));
  let bar = '';
  if (barWidth >= 5) {
    const full = theme.ascii ? '#' : '█';
    const empty = theme.ascii ? '.' : '░';
    const ratio = p?.total ? Math.min(1, p.done / p.total) : 0;
    const n = Math.round(ratio * barWidth);
    bar = `${full.repeat(n)}${empty.repeat(barWidth - n)} `;
  }
  return (
    <Text wrap="truncate-end">
      <Text bold>{props.label}</Text> <Text color={theme.color.accent}>{bar}</Text>
      {text}
    </Text>
  );
}
