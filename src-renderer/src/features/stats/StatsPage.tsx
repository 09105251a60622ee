import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  IMMERSIONS_COUNTING_RULE,
  SMALL_FIGURES_WARNING,
  type DrillDown,
  type KeyFigure,
  type ShownCount,
  type StatsFilter,
} from '@shared/contract/stats';
import { formatFrenchDate, isValidIsoDate } from '@shared/dates';
import { formatDuration } from '@shared/time';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { useChooseFile } from '../files/FileChooser';
import { todayInFrance } from '../people/defaults';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { BreakdownCard } from './BreakdownCard';
import { countText, Info, SmallMark } from './Info';
import { ReportModal } from './ReportModal';
import { StatsFilters } from './StatsFilters';
import { WithHelp } from '../../ui/TermHelp';

/** Figures that count people (secrecy concerns them; worksites and half-days are not people). */
const PEOPLE_FIGURES = ['people', 'upcoming', 'newEntries', 'outcomes3', 'outcomes6'];

const valueText = (f: KeyFigure) =>
  f.value === null
    ? (f.masked ?? '')
    : f.unit === 'minutes'
      ? formatDuration(f.value)
      : f.unit === 'percent'
        ? `${f.value} %`
        : String(f.value);

function PeopleModal({
  filter,
  cell,
  onClose,
}: {
  filter: Required<StatsFilter>;
  cell: { breakdown: DrillDown | null; category: string | null; label: string };
  onClose: () => void;
}) {
  const people = useApiQuery('stats/people', { filter, breakdown: cell.breakdown, category: cell.category });
  return (
    <Modal opened onClose={onClose} title={cell.label} size="lg">
      {people.isPending && <Loader />}
      {people.error && <Alert color="red">{errorMessage(people.error)}</Alert>}
      {people.data && (
        <List>
          {people.data.map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={`/people/${p.id}`}>
                {p.name}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                entré·e le {formatFrenchDate(p.entry)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Modal>
  );
}

/** Statistics for any period and filter, every figure with its rule; reports and exports for funders. */
export function StatsPage() {
  const { can } = useSignedIn();
  const today = todayInFrance();
  // The current year, counted up to today: what is going on now, with data as soon as the year has any.
  const year = today.slice(0, 4);
  const [filter, setFilter] = useState<Required<StatsFilter>>({
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    kind: null,
    funderId: null,
    activity: null,
    showSmall: false,
  });
  // A date typed wrong in the period comes as '': no figures then, rather than those of the last good date.
  const periodTyped = isValidIsoDate(filter.from) && isValidIsoDate(filter.to);
  const figures = useApiQuery('stats/figures', filter, { placeholderData: keepPreviousData, enabled: periodTyped });
  const shown = periodTyped ? figures.data : undefined;
  const [cell, setCell] = useState<{ breakdown: DrillDown | null; category: string | null; label: string } | null>(
    null,
  );
  const [reporting, setReporting] = useState(false);
  const exportXlsx = useApiMutation('stats/export');
  const choose = useChooseFile();
  const staff = can('stats/people');
  const exportTo = async () => {
    const folder = await choose('export', 'folder');
    if (!folder) return;
    try {
      const { path } = await exportXlsx.mutateAsync({ filter, folder });
      notifySuccess(`Tableaux enregistrés : ${path}`);
    } catch (error) {
      notifyFailure(error, 'L’export n’a pas pu être fait');
    }
  };
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={1}>Statistiques{shown?.smallFiguresShown ? ` — ${SMALL_FIGURES_WARNING}` : ''}</Title>
        <Group>
          {can('fse/indicators') && (
            <Button variant="default" component={Link} to="/stats/fse">
              Indicateurs FSE+
            </Button>
          )}
          {can('stats/export') && can('files/chooseFolder') && (
            <Button
              variant="light"
              onClick={() => void exportTo()}
              loading={exportXlsx.isPending}
              disabled={!periodTyped}
            >
              Exporter les tableaux (Excel)…
            </Button>
          )}
          {can('stats/report') && (
            <Button onClick={() => setReporting(true)} disabled={!periodTyped}>
              Rapport pour un financeur…
            </Button>
          )}
        </Group>
      </Group>
      <StatsFilters filter={filter} funders={figures.data?.funders ?? []} today={today} onChange={setFilter} />
      {staff && (
        <Switch
          label="Afficher les petits effectifs (usage interne)"
          description="Chiffres de moins de 5 personnes en clair, pour l’équipe seulement : jamais pour un financeur. Le titre des rapports et exports le signale."
          checked={filter.showSmall}
          onChange={(event) => setFilter({ ...filter, showSmall: event.currentTarget.checked })}
        />
      )}
      {shown && (
        <Text size="sm" c="dimmed">
          {shown.asOf
            ? `Chiffres arrêtés au ${formatFrenchDate(shown.asOf)} : la période n’est pas finie, rien n’est compté après aujourd’hui.`
            : `Chiffres arrêtés au ${formatFrenchDate(filter.to)}, fin de la période.`}
        </Text>
      )}
      {!periodTyped && <Alert color="yellow">Corrigez les dates de la période pour voir les chiffres.</Alert>}
      {periodTyped && figures.isPending && <Loader />}
      {periodTyped && figures.error && <Alert color="red">{errorMessage(figures.error)}</Alert>}
      {shown && (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }}>
            {shown.figures.map((f) => (
              <Card withBorder key={f.key} padding="sm">
                <Group gap={2} wrap="nowrap" align="flex-start">
                  <Text size="xs" c="dimmed" style={{ flex: 1 }}>
                    {f.label}
                  </Text>
                  <Info text={f.info} label={f.label} />
                </Group>
                <Text fw={700} size="xl" aria-label={`${f.label} : ${valueText(f)}`}>
                  {(f.key === 'people' || f.key === 'newEntries') && staff && f.value !== null && f.value > 0 ? (
                    <Anchor
                      component="button"
                      fw={700}
                      fz="xl"
                      onClick={() =>
                        setCell({ breakdown: f.key === 'people' ? null : 'newEntries', category: null, label: f.label })
                      }
                    >
                      {valueText(f)}
                    </Anchor>
                  ) : (
                    valueText(f)
                  )}
                  {PEOPLE_FIGURES.includes(f.key) && <SmallMark count={f.value} />}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Card withBorder>
            <Title order={3} mb="xs">
              Sexe et âge à l’entrée
            </Title>
            <Table aria-label="Sexe et âge à l’entrée" w="auto">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {shown.cross.columns.map((c) => (
                    <Table.Th key={c} ta="right">
                      {c}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.cross.rows.map((label, r) => (
                  <Table.Tr key={label}>
                    <Table.Td>{label}</Table.Td>
                    {shown.cross.cells[r]!.map(({ count: v, masked }, c) => (
                      <Table.Td key={c} ta="right">
                        {staff && v !== null && v > 0 ? (
                          <Anchor
                            component="button"
                            onClick={() =>
                              setCell({
                                breakdown: 'cross',
                                category: `${shown.cross.rowKeys[r]}|${shown.cross.columnKeys[c]}`,
                                label: `${label}, ${shown.cross.columns[c]!.toLowerCase()}`,
                              })
                            }
                            aria-label={`${v} — voir les personnes : ${label}, ${shown.cross.columns[c]}`}
                          >
                            {v}
                          </Anchor>
                        ) : (
                          countText({ count: v, masked })
                        )}
                        <SmallMark count={v} />
                      </Table.Td>
                    ))}
                    <Table.Th ta="right">{countText(shown.cross.rowTotals[r]!)}</Table.Th>
                  </Table.Tr>
                ))}
                <TotalsRow table={shown.cross} />
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder>
            <Group gap={4} mb="xs">
              <Title order={3}>Immersions (PMSMP)</Title>
              <Info text={IMMERSIONS_COUNTING_RULE} label="Immersions (PMSMP)" />
            </Group>
            <Table aria-label="Immersions (PMSMP)" w="auto">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Objet</Table.Th>
                  {shown.immersions.columns.map((c) => (
                    <Table.Th key={c} ta="right">
                      {c}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.immersions.rows.map((label, r) => (
                  <Table.Tr key={label}>
                    <Table.Td>{label}</Table.Td>
                    {shown.immersions.cells[r]!.map((c, i) => (
                      <Table.Td key={i} ta="right">
                        {countText(c)}
                        <SmallMark count={c.count} />
                      </Table.Td>
                    ))}
                    <Table.Th ta="right">{countText(shown.immersions.rowTotals[r]!)}</Table.Th>
                  </Table.Tr>
                ))}
                <TotalsRow table={shown.immersions} />
              </Table.Tbody>
            </Table>
          </Card>
          {shown.breakdowns.map((b) => (
            <BreakdownCard
              key={b.key}
              table={b}
              onOpen={staff ? (breakdown, category, label) => setCell({ breakdown, category, label }) : null}
            />
          ))}
          <Text size="xs" c="dimmed">
            <WithHelp term="secretStatistique">Secret statistique</WithHelp>
            {' : '}
            {shown.smallFiguresShown
              ? '* moins de 5 personnes : masqué sans l’option « petits effectifs » (secret statistique).'
              : '« < 5 » : moins de 5 personnes, masqué (secret statistique). « s » : 5 personnes ou plus, masqué pour qu’aucun chiffre masqué ne puisse être retrouvé à partir des totaux ou des autres tableaux.'}
          </Text>
        </>
      )}
      {cell && <PeopleModal filter={filter} cell={cell} onClose={() => setCell(null)} />}
      {reporting && <ReportModal filter={filter} onClose={() => setReporting(false)} />}
    </Stack>
  );
}

/** The last row of a two-way table: each column's total, then the grand total (each masked as its cells are). */
function TotalsRow({ table }: { table: { columnTotals: ShownCount[]; total: ShownCount } }) {
  return (
    <Table.Tr>
      <Table.Th>Total</Table.Th>
      {table.columnTotals.map((t, c) => (
        <Table.Th key={c} ta="right">
          {countText(t)}
        </Table.Th>
      ))}
      <Table.Th ta="right">{countText(table.total)}</Table.Th>
    </Table.Tr>
  );
}
