// Step 5's one tab for the tenant work: Members, Preview and Verify as views switched with 1/2/3
// (one tab, so the step's tab row still fits 80 columns with every other section visible).
import { Box, Text } from 'ink';
import { useKeys } from './key-router.js';
import { useLiveState } from './live-state.js';
import type { SectionProps } from './section-props.js';
import { useUi } from './ui-context.js';
import { WaveTenantMembers } from './wave-tenant-members.js';
import { WaveTenantPreview } from './wave-tenant-preview.js';
import { WaveTenantVerify } from './wave-tenant-verify.js';

const VIEWS = [
  { key: '1', label: 'Members' },
  { key: '2', label: 'Preview' },
  { key: '3', label: 'Verify' },
] as const;

export function WaveTenantUsers(props: SectionProps) {
  const { theme } = useUi();
  const [view, setView] = useLiveState(0);
  useKeys(
    (input) => {
      const i = VIEWS.findIndex((v) => v.key === input);
      if (i >= 0) setView(i);
    },
    { isActive: props.active },
  );
  const inner = { ...props, height: Math.max(2, props.height - 1) };
  return (
    <Box flexDirection="column" height={props.height}>
      <Text wrap="truncate-end">
        {VIEWS.map((v, i) => (
          <Text key={v.key} color={i === view ? theme.color.selected : theme.color.muted} bold={i === view}>
            {i > 0 ? '  ' : ''}
            {i === view ? `[${v.key} ${v.label}]` : ` ${v.key} ${v.label} `}
          </Text>
        ))}
      </Text>
      {view === 0 ? <WaveTenantMembers {...inner} /> : null}
      {view === 1 ? <WaveTenantPreview {...inner} /> : null}
      {view === 2 ? <WaveTenantVerify {...inner} /> : null}
    </Box>
  );
}
