// The row of section names inside a step. The active one is bracketed (not only coloured), so it is
// visible with colours off.
import { Text } from 'ink';
import { useUi } from './ui-context.js';

export interface TabDef {
  id: string;
  label: string;
}

export function Tabs(props: { tabs: TabDef[]; active: string }) {
  const { theme } = useUi();
  return (
    <Text wrap="truncate-end">
      {props.tabs.map((t, i) => {
        const on = t.id === props.active;
        return (
          <Text key={t.id}>
            {i > 0 ? ' ' : ''}
            {on ? (
              <Text bold color={theme.color.selected}>
                [{t.label}]
              </Text>
            ) : (
              <Text color={theme.color.muted}> {t.label} </Text>
            )}
          </Text>
        );
      })}
    </Text>
  );
}
