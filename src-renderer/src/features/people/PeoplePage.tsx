import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowsSort,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SearchInput } from '@shared/contract/people';
import { RESOURCES, RESOURCE_LABELS, SEXES, SEX_LABELS } from '@shared/contract/people-lists';
import { JOURNEY_STATUSES, JOURNEY_STATUS_LABELS } from '@shared/contract/journey-lists';
import { formatFrenchDate } from '@shared/dates';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { PeopleEmptyState } from './PeopleEmptyState';

const PAGE_SIZE = 25;
type Sort = NonNullable<SearchInput['sort']>;

function SortHeader(props: {
  label: string;
  column: Sort;
  sort: Sort;
  direction: 'asc' | 'desc';
  onSort: (column: Sort) => void;
}) {
  const active = props.sort === props.column;
  const Icon = !active ? IconArrowsSort : props.direction === 'asc' ? IconSortAscending : IconSortDescending;
  return (
    <Table.Th>
      <UnstyledButton onClick={() => props.onSort(props.column)} aria-label={`Trier par ${props.label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {props.label}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

const NO_FILTERS = {
  archived: false,
  referentLeft: false,
  sex: null as SearchInput['sex'],
  resources: null as SearchInput['resources'],
  status: null as SearchInput['status'],
  prescriberId: null as number | null,
  referentId: null as number | null,
  year: null as number | null,
  worksiteId: null as number | null,
};

/** Everyone accompanied, searched without caring for accents; paginated in SQL. */
export function PeoplePage() {
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [sort, setSort] = useState<{ sort: Sort; direction: 'asc' | 'desc' }>({ sort: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);
  const directory = useApiQuery('contacts/list', { includeArchived: false }, { enabled: can('contacts/list') });
  const worksites = useApiQuery('worksites/list', undefined, { enabled: can('worksites/list') });
  const results = useApiQuery('people/search', { query: debounced, ...filters, ...sort, page, pageSize: PAGE_SIZE });

  // Nothing searched, nothing filtered, and still nobody: the first steps, not an empty table.
  const nothingYet = results.data?.total === 0 && debounced === '' && filters === NO_FILTERS;

  const change = <K extends keyof typeof filters>(key: K, value: (typeof filters)[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setPage(1);
  };
  const onSort = (column: Sort) =>
    setSort((s) => ({ sort: column, direction: s.sort === column && s.direction === 'asc' ? 'desc' : 'asc' }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Personnes</Title>
        <Group>
          {can('people/importCommit') && (
            <Button component={Link} to="/people/import" variant="light" leftSection={<IconFileImport size={18} />}>
              Importer un tableau
            </Button>
          )}
          {can('people/create') && (
            <Button component={Link} to="/people/new" leftSection={<IconPlus size={18} />}>
              Nouvelle personne
            </Button>
          )}
        </Group>
      </Group>
      {nothingYet ? (
        <PeopleEmptyState />
      ) : (
        <>
          <Group align="flex-end">
            <TextInput
              label="Rechercher"
              placeholder="Nom ou prénom"
              title="Nom, nom de naissance ou prénom"
              leftSection={<IconSearch size={16} />}
              value={query}
              onChange={(e) => {
                setQuery(e.currentTarget.value);
                setPage(1);
              }}
              w={320}
            />
            <Select
              label="Chantier"
              data={(worksites.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
              clearable
              searchable
              value={filters.worksiteId === null ? null : String(filters.worksiteId)}
              onChange={(v) => change('worksiteId', v === null ? null : Number(v))}
              w={220}
            />
            <Select
              label="Étape du parcours"
              data={JOURNEY_STATUSES.map((s) => ({ value: s, label: JOURNEY_STATUS_LABELS[s] }))}
              clearable
              value={filters.status}
              onChange={(v) => change('status', v as SearchInput['status'])}
              w={190}
            />
            <Select
              label="Sexe"
              data={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))}
              clearable
              value={filters.sex}
              onChange={(v) => change('sex', v as SearchInput['sex'])}
              w={130}
            />
            <Select
              label="Ressources"
              data={RESOURCES.map((r) => ({ value: r, label: RESOURCE_LABELS[r] }))}
              clearable
              value={filters.resources}
              onChange={(v) => change('resources', v as SearchInput['resources'])}
              w={190}
            />
            <Select
              label="Prescripteur"
              data={(directory.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
              clearable
              searchable
              value={filters.prescriberId === null ? null : String(filters.prescriberId)}
              onChange={(v) => change('prescriberId', v === null ? null : Number(v))}
              w={220}
            />
            <Select
              label="Référent"
              data={(directory.data ?? []).flatMap((o) =>
                o.contacts.map((c) => ({ value: String(c.id), label: `${c.firstName} ${c.lastName}` })),
              )}
              clearable
              searchable
              value={filters.referentId === null ? null : String(filters.referentId)}
              onChange={(v) => change('referentId', v === null ? null : Number(v))}
              w={200}
            />
            <NumberInput
              label="Créée en"
              title="Année de création de la fiche"
              placeholder="AAAA"
              min={2000}
              max={2100}
              allowDecimal={false}
              hideControls
              value={filters.year ?? ''}
              onChange={(v) => change('year', typeof v === 'number' && v >= 2000 && v <= 2100 ? v : null)}
              w={130}
            />
            <Stack gap={4}>
              <Checkbox
                label="Référent parti"
                checked={filters.referentLeft}
                onChange={(e) => change('referentLeft', e.currentTarget.checked)}
              />
              <Checkbox
                label="Fiches archivées"
                checked={filters.archived}
                onChange={(e) => change('archived', e.currentTarget.checked)}
              />
            </Stack>
          </Group>
          {results.error && <Alert color="red">{errorMessage(results.error)}</Alert>}
          <Table withTableBorder striped highlightOnHover aria-label="Personnes">
            <Table.Thead>
              <Table.Tr>
                <SortHeader label="Nom" column="name" {...sort} onSort={onSort} />
                <SortHeader label="Date de naissance" column="birthDate" {...sort} onSort={onSort} />
                <SortHeader label="Commune" column="town" {...sort} onSort={onSort} />
                <Table.Th>Parcours</Table.Th>
                <Table.Th>Prescripteur</Table.Th>
                <Table.Th>Référent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data?.rows.map((row) => (
                <Table.Tr key={row.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/people/${row.id}`)}>
                  <Table.Td>
                    <Link to={`/people/${row.id}`} onClick={(e) => e.stopPropagation()}>
                      {row.lastName.toUpperCase()} {row.firstNames}
                    </Link>
                    {row.birthName && (
                      <Text span size="sm" c="dimmed">
                        {' '}
                        (née {row.birthName})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatFrenchDate(row.birthDate)}</Table.Td>
                  <Table.Td>{row.town}</Table.Td>
                  <Table.Td>
                    {row.status && <Badge variant="light">{JOURNEY_STATUS_LABELS[row.status]}</Badge>}
                  </Table.Td>
                  <Table.Td>{row.prescriberName}</Table.Td>
                  <Table.Td>
                    {row.referentName}
                    {row.referentLeft && (
                      <Badge color="orange" ml="xs" size="sm">
                        parti·e
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {results.data?.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed">Aucune personne ne correspond.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {results.data && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {results.data.total} personne{results.data.total > 1 ? 's' : ''}
              </Text>
              {results.data.total > PAGE_SIZE && (
                <Pagination value={page} onChange={setPage} total={Math.ceil(results.data.total / PAGE_SIZE)} />
              )}
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
