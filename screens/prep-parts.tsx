// Pieces the Preparations sections share: a scrolling panel of result lines with a footer (hints, a
// prompt or a y/n question), the "not available here" line, and the progress text of a long copy.
import { Box, type Key, Text } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from './key-hints.js';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import { clampOffset, ScrollBox } from './scroll-box.js';
import type { SectionProps } from './section-props.js';
import { useUi } from './ui-context.js';
import { wrapText } from './wrap-text.js';

export type Tone = 'ok' | 'warn' | 'error' | 'muted' | 'bold' | 'accent';

export interface PanelLine {
  text: string;
  tone?: Tone;
}

export const line = (text: string, tone?: Tone): PanelLine => (tone ? { text, tone } : { text });

export interface PrepPanelProps {
  section: SectionProps;
  lines: PanelLine[];
  /** a prompt or a question: replaces the hints and takes the keys */
  footer?: ReactNode;
  hints: [key: string, what: string][];
  /** keys the panel does not use itself (↑↓ PgUp PgDn scroll) */
  onKey?: (input: string, key: Key) => void;
  /** keys reach onKey even while the page thinks something else is capturing (a running copy) */
  busy?: boolean;
}

export function PrepPanel(props: PrepPanelProps) {
  const { theme } = useUi();
  const { section } = props;
  const [offset, setOffset, offsetLive] = useLiveState(0);
  const footerHeight = props.footer ? 2 : 1;
  const bodyHeight = Math.max(1, section.height - footerHeight);
  const width = Math.max(10, section.width);
  // wrapped to the width, keeping a list item's indent on its continuation lines
  const wrapped = props.lines.flatMap((l) => {
    // --ascii terminals may not draw arrows or the ellipsis
    const text = theme.ascii ? l.text.replace(/…/g, '...').replace(/←→/g, 'left/right') : l.text;
    const indent = /^ */.exec(text)?.[0] ?? '';
    const body = text.slice(indent.length);
    const parts = body === '' ? [''] : wrapText(body, Math.max(5, width - 1 - indent.length));
    return parts.map((text) => ({ text: text === '' ? '' : indent + text, tone: l.tone }));
  });
  const total = wrapped.length;
  useKeys(
    (input, key) => {
      const page = Math.max(1, bodyHeight - 2);
      const move = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -page : key.pageDown ? page : 0;
      if (move !== 0) {
        setOffset(clampOffset(offsetLive.current + move, total, bodyHeight));
        return;
      }
      props.onKey?.(input, key);
    },
    { isActive: (section.active || props.busy === true) && !props.footer },
  );
  const colour = (tone: Tone | undefined) =>
    tone === 'ok'
      ? theme.color.ok
      : tone === 'warn'
        ? theme.color.warn
        : tone === 'error'
          ? theme.color.error
          : tone === 'muted'
            ? theme.color.muted
            : tone === 'accent'
              ? theme.color.accent
              : undefined;
  const rows = wrapped.map((l, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: positional lines
    <Text key={i} wrap="truncate-end" color={colour(l.tone)} bold={l.tone === 'bold'}>
      {l.text === '' ? ' ' : l.text}
    </Text>
  ));
  return (
    <Box flexDirection="column" height={section.height} width={width}>
      <ScrollBox rows={rows} height={bodyHeight} offset={clampOffset(offset, total, bodyHeight)} />
      <Box flexDirection="column" height={footerHeight} overflow="hidden">
        {props.footer ?? <KeyHints hints={props.hints} />}
      </Box>
    </Box>
  );
}

/** What a section shows when the wizard did not give it its services (e.g. another screen's test). */
export function NotAvailable(props: { what: string }) {
  const { theme } = useUi();
  return (
    <Text wrap="truncate-end" color={theme.color.muted}>
      Not available here: {props.what} (run from the wizard)
    </Text>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "[#####.....] 50%, 512 MiB of 1.0 GiB, 80.0 MiB/s, 7 s left" — rate and time once measurable. */
export function progressText(done: number, total: number, elapsedMs: number, barWidth = 20): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * barWidth);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
  const parts = [`${bar} ${Math.floor(ratio * 100)}%`, `${formatBytes(done)} of ${formatBytes(total)}`];
  if (elapsedMs > 0 && done > 0) {
    const rate = done / (elapsedMs / 1000);
    parts.push(`${formatBytes(rate)}/s`);
    parts.push(`${duration((total - done) / rate)} left`);
  }
  return parts.join(', ');
}

/** A short, one-line reason from anything thrown. */
export function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
