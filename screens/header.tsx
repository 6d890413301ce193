// Two lines at the top of every screen: which migration (name, tenant, cloud, DEMO) and how far each
// phase is. The admin may keep a test and a production tenant side by side: the header says which one
// they are changing, always.
import { Box, Text } from 'ink';
import { CLOUD_LABELS, phaseDef } from '../state/catalogue/index.js';
import { type Migration, PHASES } from '../state/model.js';
import { phaseProgress } from '../state/selectors.js';
import { useUi } from './ui-context.js';

export function Header(props: { migration: Migration | undefined; title?: string }) {
  const { theme } = useUi();
  const sep = theme.ascii ? ' | ' : ' · ';
  const m = props.migration;
  if (!m) {
    return (
      <Box flexDirection="column">
        <Text bold color={theme.color.accent} wrap="truncate-end">
          mfa-migrate{sep}MFA Server to Entra ID MFA
        </Text>
        <Text color={theme.color.muted} wrap="truncate-end">
          {props.title ?? 'no migration open'}
        </Text>
      </Box>
    );
  }
  const tenant = m.tenantId ?? m.tenant;
  const phases = PHASES.map((p) => {
    const { done, total } = phaseProgress(m, p);
    return `${phaseDef(p).title} ${done}/${total}`;
  }).join(sep);
  // Which tenant, which cloud and DEMO must survive a long migration name: the name gives way first.
  const facts = `${sep}${tenant ? `tenant ${clip(tenant, TENANT_MAX)}` : 'no tenant'}${sep}${CLOUD_LABELS[m.cloud]}`;
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexShrink={1}>
          <Text bold color={theme.color.accent} wrap="truncate-end">
            {m.name}
          </Text>
        </Box>
        <Box flexShrink={0}>
          <Text>
            {facts}
            {m.demo ? (
              <Text bold color={theme.color.warn}>
                {sep}DEMO
              </Text>
            ) : null}
          </Text>
        </Box>
      </Box>
      <Text color={theme.color.muted} wrap="truncate-end">
        {props.title ? `${props.title}${sep}` : ''}
        {phases}
      </Text>
    </Box>
  );
}

const TENANT_MAX = 40;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}
