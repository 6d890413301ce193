// Two lines at the top of every screen: which migration (name, tenant, cloud, DEMO) and how far each
// phase is. The admin may keep a test and a production tenant side by side: the header says which one
// they are changing, always.
import { Box, Text } from 'ink';
import { CLOUD_LABELS, phaseDef } from '../state/catalogue/index.js';
import { type Migration, PHASES } from '../state/model.js';
import { phaseProgress } from '../state/selectors.js';
import { useUi } from './ui-context.js';
import { connectionFor, useConnection } from './use-connection.js';

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
      <Text wrap="truncate-end">
        <ConnectionWord migrationId={m.id} sep={sep} />
        <Text color={theme.color.muted}>
          {sep}
          {props.title ? `${props.title}${sep}` : ''}
          {phases}
        </Text>
      </Text>
    </Box>
  );
}

const TENANT_MAX = 40;

/** "connected · Contoso · delegated" or "offline": which tenant this session can change, if any. */
function ConnectionWord(props: { migrationId: string; sep: string }) {
  const { theme } = useUi();
  const c = connectionFor(useConnection().snapshot, props.migrationId);
  if (c.status === 'connected') {
    const who = c.tenant?.displayName || c.tenant?.tenantId || 'tenant';
    const kind = c.permissionKind === 'application' ? 'app-only' : c.permissionKind;
    return (
      <Text color={theme.color.ok}>
        {theme.glyph.status.done} connected{props.sep}
        {clip(who, TENANT_MAX)}
        {kind ? `${props.sep}${kind}` : ''}
      </Text>
    );
  }
  if (c.status === 'signing-in') return <Text color={theme.color.warn}>signing in</Text>;
  return <Text color={theme.color.muted}>offline</Text>;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}
