// A new migration in three questions: name, tenant (optional) and cloud. The checks are the reducer's
// own (state/validation.ts), so the admin sees the same message before pressing Enter as the reducer
// would refuse with after.
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { useState } from 'react';
import { CLOUD_LABELS } from '../state/catalogue/index.js';
import { CLOUDS, type Cloud } from '../state/model.js';
import { MIGRATION_NAME_MAX, validateMigrationName, validateTenant } from '../state/validation.js';
import { TextPrompt } from './text-prompt.js';
import { useUi } from './ui-context.js';

// Where each cloud signs in and calls Graph (design §8); shown so the admin picks the right one.
const CLOUD_HOSTS: Record<Cloud, string> = {
  global: 'login.microsoftonline.com, graph.microsoft.com',
  gcc: 'login.microsoftonline.com, graph.microsoft.com',
  gcchigh: 'login.microsoftonline.us, graph.microsoft.us',
  dod: 'login.microsoftonline.us, dod-graph.microsoft.us',
  china: 'login.chinacloudapi.cn, microsoftgraph.chinacloudapi.cn; no staged rollout',
};

type Field = 'name' | 'tenant' | 'cloud';

export interface CreateMigrationProps {
  /** makes the migration id from the name (slug + random suffix; randomness stays in the shell) */
  newId: (name: string) => string;
  /** after the migration was created (and saved) */
  onCreated: (id: string) => void;
  /** Esc on the first question */
  onCancel: () => void;
  /** what Esc on the first question does, for the hint line */
  cancelLabel: string;
  demo?: boolean;
}

export function CreateMigration(props: CreateMigrationProps) {
  const { theme, state, dispatch } = useUi();
  const [field, setField] = useState<Field>('name');
  const [name, setName] = useState('');
  const [tenant, setTenant] = useState('');
  const [cloud, setCloud] = useState<Cloud>('global');
  const [error, setError] = useState<string | null>(null);

  const create = (chosen: Cloud) => {
    const trimmedTenant = tenant.trim();
    const id = props.newId(name.trim());
    const refusal = dispatch({
      type: 'create-migration',
      id,
      name: name.trim(),
      ...(trimmedTenant ? { tenant: trimmedTenant } : {}),
      cloud: chosen,
      ...(props.demo ? { demo: true } : {}),
    });
    if (refusal) setError(refusal.message);
    else props.onCreated(id);
  };

  // The select list is not a text prompt: Esc goes back to the tenant question from here.
  useInput(
    (_input, key) => {
      if (key.escape) {
        setError(null);
        setField('tenant');
      }
    },
    { isActive: field === 'cloud' },
  );

  const items = CLOUDS.map((c) => ({ key: c, label: CLOUD_LABELS[c], value: c }));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color.accent}>
        New migration
      </Text>
      <Text color={theme.color.muted} wrap="truncate-end">
        One migration per tenant; keep test and production tenants apart.
      </Text>
      <Text> </Text>
      {field !== 'name' ? <Text wrap="truncate-end">Name: {name.trim()}</Text> : null}
      {field === 'cloud' ? (
        <Text wrap="truncate-end">Tenant: {tenant.trim() || '(decided at first sign-in)'}</Text>
      ) : null}
      {field === 'name' ? (
        <>
          <TextPrompt
            key="name"
            label="Name:"
            initial={name}
            placeholder="e.g. Contoso production"
            // allow typing past the limit so the admin sees why it is refused instead of losing text
            maxLength={MIGRATION_NAME_MAX * 4}
            validate={(v) => validateMigrationName(v, state)}
            onSubmit={(v) => {
              setName(v);
              setField('tenant');
            }}
            onCancel={props.onCancel}
          />
          <Text color={theme.color.muted}>{`Enter next  Esc ${props.cancelLabel}`}</Text>
        </>
      ) : null}
      {field === 'tenant' ? (
        <>
          <TextPrompt
            key="tenant"
            label="Tenant (optional):"
            initial={tenant}
            placeholder="contoso.onmicrosoft.com or tenant id; empty = decide at sign-in"
            validate={validateTenant}
            onSubmit={(v) => {
              setTenant(v);
              setField('cloud');
            }}
            onCancel={() => setField('name')}
          />
          <Text color={theme.color.muted}>{'Enter next  Esc back to the name'}</Text>
        </>
      ) : null}
      {field === 'cloud' ? (
        <>
          <Text bold>Cloud:</Text>
          <SelectInput
            items={items}
            initialIndex={CLOUDS.indexOf(cloud)}
            onHighlight={(item) => setCloud(item.value)}
            onSelect={(item) => {
              setCloud(item.value);
              create(item.value);
            }}
            indicatorComponent={({ isSelected }) => (
              <Box marginRight={1}>
                <Text color={theme.color.selected}>{isSelected ? theme.glyph.pointer : ' '}</Text>
              </Box>
            )}
            itemComponent={({ isSelected, label }) => (
              <Text color={isSelected ? theme.color.selected : undefined} bold={isSelected}>
                {label}
              </Text>
            )}
          />
          <Text color={theme.color.muted} wrap="truncate-end">
            {CLOUD_HOSTS[cloud]}
          </Text>
          <Text color={theme.color.muted}>{'up/down choose  Enter create  Esc back'}</Text>
        </>
      ) : null}
      {error ? (
        <Text color={theme.color.error} wrap="truncate-end">
          {theme.glyph.error} {error}
        </Text>
      ) : null}
    </Box>
  );
}
