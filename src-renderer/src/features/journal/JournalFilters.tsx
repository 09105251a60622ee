import { Group, Select, Stack } from '@mantine/core';
import type { JournalFilter } from '@shared/contract/journal';
import { journalActionOf } from '@shared/journal-actions';
import { useApiQuery } from '../../api/client';
import { DateField } from '../../ui/DateField';
import { PersonPicker } from '../../ui/PersonPicker';

/** The actions the journal holds, by their French label (the method stays the value sent to main). */
function actionsOf(methods: readonly string[]) {
  return methods
    .map((value) => ({ value, label: journalActionOf(value) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

const idOf = (value: string | null) => (value === null ? undefined : Number(value));

/** Whose record, which account, which action, which days: what a DPO asks the journal. */
export function JournalFilters(props: {
  filter: JournalFilter;
  methods: readonly string[];
  onChange: (next: JournalFilter) => void;
}) {
  const { filter, onChange } = props;
  const users = useApiQuery('users/list');
  const set = (patch: Partial<JournalFilter>) => onChange({ ...filter, ...patch });
  const dateOf = (value: string | null) => (value ? value : undefined);

  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="sm">
        <PersonPicker
          label="Personne"
          required={false}
          w={440}
          value={filter.personId ?? null}
          onChange={(id) => set({ personId: id ?? undefined })}
        />
        <Select
          label="Compte"
          w={240}
          clearable
          searchable
          placeholder="Tous les comptes"
          data={(users.data ?? []).map((u) => ({
            value: String(u.id),
            label: u.active ? u.displayName : `${u.displayName} (désactivé)`,
          }))}
          value={filter.userId === undefined ? null : String(filter.userId)}
          onChange={(value) => set({ userId: idOf(value) })}
        />
        <Select
          label="Action"
          w={340}
          clearable
          searchable
          placeholder="Toutes les actions"
          nothingFoundMessage="Aucune action ne correspond."
          data={actionsOf(props.methods)}
          value={filter.method ?? null}
          onChange={(value) => set({ method: value ?? undefined })}
        />
      </Group>
      <Group align="flex-start" gap="sm">
        <DateField
          label="Du"
          w={180}
          clearable
          value={filter.from ?? null}
          onChange={(value) => set({ from: dateOf(value) })}
        />
        <DateField
          label="Au"
          w={180}
          clearable
          value={filter.to ?? null}
          onChange={(value) => set({ to: dateOf(value) })}
        />
      </Group>
    </Stack>
  );
}
