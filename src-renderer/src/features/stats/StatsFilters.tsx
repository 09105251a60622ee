import { Group, Select } from '@mantine/core';
import type { StatsFilter } from '@shared/contract/stats';
import { ACTIVITIES, ACTIVITY_LABELS, WORKSITE_KIND_LABELS, WORKSITE_KINDS } from '@shared/contract/worksites';
import { DateField } from '../../ui/DateField';

/** The usual periods: the last three years and the quarters of the current and last one. */
export function periodChoices(today: string) {
  const year = Number(today.slice(0, 4));
  const choices: { value: string; label: string; from: string; to: string }[] = [];
  for (const y of [year, year - 1, year - 2])
    choices.push({ value: `${y}`, label: `Année ${y}`, from: `${y}-01-01`, to: `${y}-12-31` });
  for (const y of [year, year - 1]) {
    for (const q of [1, 2, 3, 4]) {
      const start = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      const endMonth = q * 3;
      const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
      choices.push({
        value: `${y}-T${q}`,
        label: `${q}${q === 1 ? 'er' : 'e'} trimestre ${y}`,
        from: start,
        to: `${y}-${String(endMonth).padStart(2, '0')}-${lastDay}`,
      });
    }
  }
  return choices;
}

export function StatsFilters({
  filter,
  funders,
  today,
  onChange,
}: {
  filter: Required<StatsFilter>;
  funders: { id: number; name: string }[];
  today: string;
  onChange: (filter: Required<StatsFilter>) => void;
}) {
  const choices = periodChoices(today);
  const current = choices.find((c) => c.from === filter.from && c.to === filter.to)?.value ?? 'custom';
  return (
    <Group align="flex-end">
      <Select
        label="Période"
        w={220}
        allowDeselect={false}
        data={[
          ...choices.map((c) => ({ value: c.value, label: c.label })),
          { value: 'custom', label: 'Personnalisée' },
        ]}
        value={current}
        onChange={(value) => {
          const choice = choices.find((c) => c.value === value);
          if (choice) onChange({ ...filter, from: choice.from, to: choice.to });
        }}
      />
      <DateField label="Du" w={160} value={filter.from} onChange={(v) => onChange({ ...filter, from: v ?? '' })} />
      <DateField label="Au" w={160} value={filter.to} onChange={(v) => onChange({ ...filter, to: v ?? '' })} />
      <Select
        label="Type de chantier"
        w={240}
        clearable
        placeholder="Tous"
        data={WORKSITE_KINDS.map((k) => ({ value: k, label: WORKSITE_KIND_LABELS[k] }))}
        value={filter.kind}
        onChange={(v) => onChange({ ...filter, kind: v as Required<StatsFilter>['kind'] })}
      />
      <Select
        label="Financeur"
        w={240}
        clearable
        placeholder="Tous"
        data={funders.map((f) => ({ value: String(f.id), label: f.name }))}
        value={filter.funderId === null ? null : String(filter.funderId)}
        onChange={(v) => onChange({ ...filter, funderId: v ? Number(v) : null })}
      />
      <Select
        label="Support d’activité"
        w={200}
        clearable
        placeholder="Tous"
        data={ACTIVITIES.map((a) => ({ value: a, label: ACTIVITY_LABELS[a] }))}
        value={filter.activity}
        onChange={(v) => onChange({ ...filter, activity: v as Required<StatsFilter>['activity'] })}
      />
    </Group>
  );
}
