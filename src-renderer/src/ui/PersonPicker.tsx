import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import type { PersonSummary, SearchInput } from '@shared/contract/people';
import { formatFrenchDate } from '@shared/dates';
import { useApiQuery } from '../api/client';

/** « LEFÈVRE Élodie — née le 12/05/1985 »: the birth date tells homonyms apart. */
export function personLabel(p: Pick<PersonSummary, 'lastName' | 'firstNames' | 'birthDate' | 'sex'>): string {
  return `${p.lastName.toUpperCase()} ${p.firstNames} — ${p.sex === 'F' ? 'née' : 'né'} le ${formatFrenchDate(p.birthDate)}`;
}

const SHOWN = 30;

/**
 * Chooses one person among everyone the user may see: typing searches the
 * whole list in main with the people page's folded search (accents, case,
 * hyphens), not only the first rows loaded. The caller refuses an empty choice.
 */
export function PersonPicker(props: {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  /** Narrows the people offered, e.g. `{ status: 'admise' }`. */
  filters?: Omit<SearchInput, 'query' | 'page' | 'pageSize'>;
  error?: ReactNode;
  nothingFound?: string;
  w?: number | string;
  /** False where no person is a valid answer (a filter). */
  required?: boolean;
}) {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text, 200);
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const results = useApiQuery('people/search', { ...props.filters, query, pageSize: SHOWN });
  const rows = results.data?.rows ?? [];
  const options = chosen && !rows.some((p) => p.id === chosen.id) ? [chosen, ...rows] : rows;

  return (
    <Select
      label={props.label}
      withAsterisk={props.required ?? true}
      searchable
      clearable
      w={props.w}
      placeholder="Tapez une partie du nom"
      // Main already filtered on the folded search: show its answer as is.
      filter={({ options: all }) => all}
      data={options.map((p) => ({ value: String(p.id), label: personLabel(p) }))}
      value={props.value === null ? null : String(props.value)}
      searchValue={text}
      // Choosing an option writes its label in the box; the chosen person stays among the options.
      onSearchChange={setText}
      onChange={(value) => {
        const person = options.find((p) => String(p.id) === value) ?? null;
        setChosen(person);
        props.onChange(person ? person.id : null);
      }}
      nothingFoundMessage={
        results.isFetching ? 'Recherche…' : (props.nothingFound ?? 'Personne ne correspond à ce nom.')
      }
      error={props.error}
    />
  );
}
