import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  FSE_COLUMNS,
  FSE_COLUMN_LABELS,
  FSE_COUNTING_RULES,
  FSE_SECTION_LABELS,
  type FseIndicatorsQuery,
  type FseTableLineOutput,
} from '@shared/contract/fse-indicators';
import { formatFrenchDate, isValidIsoDate } from '@shared/dates';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { PdfPreview, printPdf } from '../documents/PdfPreview';
import { useChooseFile } from '../files/FileChooser';
import { todayInFrance } from '../people/defaults';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { DateField } from '../../ui/DateField';
import { periodChoices } from './StatsFilters';

const MASK_HELP = {
  '< 5': 'Moins de 5 personnes : masqué (secret statistique).',
  s: '5 personnes ou plus, masqué pour qu’aucun chiffre masqué ne puisse être retrouvé à partir des totaux.',
} as const;

function Cell({ cell, label }: { cell: FseTableLineOutput['cells']['total']; label: string }) {
  if (cell.count !== null) return <>{cell.count}</>;
  const mark = cell.masked ?? '< 5';
  return (
    <Tooltip label={MASK_HELP[mark]} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Text span c="dimmed" tabIndex={0} aria-label={`${label} : ${mark}, ${MASK_HELP[mark]}`}>
        {mark}
      </Text>
    </Tooltip>
  );
}

/** The FSE+ common indicators of an operation for a period, with statistical secrecy; PDF, xlsx and the participants’ file. */
export function FseIndicatorsPage() {
  const { can } = useSignedIn();
  const today = todayInFrance();
  const operations = useApiQuery('fse/operations', {});
  const [query, setQuery] = useState<Partial<FseIndicatorsQuery>>({});
  const operation = operations.data?.find((o) => o.id === query.operationId);
  const ready =
    query.operationId !== undefined &&
    isValidIsoDate(query.from ?? '') &&
    isValidIsoDate(query.to ?? '') &&
    query.from! <= query.to!;
  const full = query as FseIndicatorsQuery;
  const table = useApiQuery('fse/indicators', full, { enabled: ready, placeholderData: keepPreviousData });
  const shown = ready ? table.data : undefined;
  const report = useApiMutation('fse/indicatorsReport');
  const xlsx = useApiMutation('fse/indicatorsExport');
  const csv = useApiMutation('fse/participantsCsv');
  const [previewing, setPreviewing] = useState(false);
  const choose = useChooseFile();
  const saveTo = async (what: 'pdf' | 'xlsx' | 'csv') => {
    const folder = await choose('export', 'folder');
    if (!folder) return;
    try {
      if (what === 'pdf') {
        const made = await report.mutateAsync({ query: full, folder });
        notifySuccess(`Tableau enregistré : ${made.path}`);
      } else if (what === 'xlsx') {
        notifySuccess(`Tableur enregistré : ${(await xlsx.mutateAsync({ query: full, folder })).path}`);
      } else {
        const made = await csv.mutateAsync({ query: full, folder });
        notifySuccess(
          `Fichier des participants enregistré (${made.rows} ligne${made.rows > 1 ? 's' : ''}) : ${made.path}`,
        );
      }
    } catch (error) {
      notifyFailure(error, 'Le fichier n’a pas pu être enregistré');
    }
  };
  const choices = [
    ...(operation
      ? [{ value: 'operation', label: 'Toute l’opération', from: operation.startDate, to: operation.endDate }]
      : []),
    ...periodChoices(today),
  ];
  const current = choices.find((c) => c.from === query.from && c.to === query.to)?.value ?? 'custom';
  const folders = can('files/chooseFolder');
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>Indicateurs FSE+</Title>
        <Anchor component={Link} to="/stats">
          Retour aux statistiques
        </Anchor>
      </Group>
      <Text size="sm">
        Les indicateurs communs du règlement (UE) 2021/1057, annexe I, pour une opération et une période, par sexe :
        participants à l’entrée, résultats à la sortie et six mois après.
      </Text>
      <Group align="flex-end">
        <Select
          label="Opération"
          w={420}
          placeholder={operations.isPending ? 'Chargement…' : 'Choisissez une opération'}
          data={(operations.data ?? []).map((o) => ({ value: String(o.id), label: `${o.name} — ${o.funderName}` }))}
          value={query.operationId === undefined ? null : String(query.operationId)}
          onChange={(value) => {
            const chosen = operations.data?.find((o) => String(o.id) === value);
            setQuery(chosen ? { operationId: chosen.id, from: chosen.startDate, to: chosen.endDate } : {});
          }}
          nothingFoundMessage="Aucune opération"
        />
        <Select
          label="Période"
          w={220}
          allowDeselect={false}
          disabled={!operation}
          data={[
            ...choices.map((c) => ({ value: c.value, label: c.label })),
            { value: 'custom', label: 'Personnalisée' },
          ]}
          value={current}
          onChange={(value) => {
            const choice = choices.find((c) => c.value === value);
            if (choice) setQuery({ ...query, from: choice.from, to: choice.to });
          }}
        />
        <DateField
          label="Du"
          w={160}
          disabled={!operation}
          value={query.from ?? ''}
          onChange={(v) => setQuery({ ...query, from: v ?? '' })}
        />
        <DateField
          label="Au"
          w={160}
          disabled={!operation}
          value={query.to ?? ''}
          onChange={(v) => setQuery({ ...query, to: v ?? '' })}
        />
      </Group>
      {operations.data?.length === 0 && (
        <Alert color="blue">Aucune opération FSE+ n’est enregistrée : créez-la d’abord avec ses chantiers.</Alert>
      )}
      {operations.error && <Alert color="red">{errorMessage(operations.error)}</Alert>}
      {operation && !ready && <Alert color="yellow">Corrigez les dates de la période pour voir le tableau.</Alert>}
      {ready && table.isPending && <Loader />}
      {ready && table.error && <Alert color="red">{errorMessage(table.error)}</Alert>}
      {shown && (
        <>
          <Group>
            <Button
              onClick={() => {
                setPreviewing(true);
                report.mutate({ query: full, folder: null });
              }}
              loading={report.isPending && previewing}
            >
              Voir le PDF
            </Button>
            {folders && (
              <Button variant="light" onClick={() => void saveTo('pdf')} disabled={report.isPending}>
                Enregistrer le PDF…
              </Button>
            )}
            {folders && can('fse/indicatorsExport') && (
              <Button variant="light" onClick={() => void saveTo('xlsx')} loading={xlsx.isPending}>
                Exporter (Excel)…
              </Button>
            )}
            {folders && can('fse/participantsCsv') && (
              <Button variant="default" onClick={() => void saveTo('csv')} loading={csv.isPending}>
                Fichier des participants (CSV)…
              </Button>
            )}
          </Group>
          {can('fse/participantsCsv') && (
            <Text size="xs" c="dimmed">
              Le fichier des participants contient, pour chacun, les réponses sensibles (handicap, nationalité, origine,
              minorité) : à déposer sur la plateforme du financeur seulement, jamais par courriel.
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {shown.asOf
              ? `Chiffres arrêtés au ${formatFrenchDate(shown.asOf)} : la période n’est pas finie, rien n’est compté après aujourd’hui.`
              : `Période du ${formatFrenchDate(shown.from)} au ${formatFrenchDate(shown.to)}.`}
          </Text>
          <Card withBorder padding="xs">
            <Table aria-label="Indicateurs FSE+" striped={false} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Code</Table.Th>
                  <Table.Th>Indicateur</Table.Th>
                  {FSE_COLUMNS.map((c) => (
                    <Table.Th key={c} ta="right" w={90}>
                      {FSE_COLUMN_LABELS[c]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.lines.map((line, i) => (
                  <FseLine key={line.key} line={line} first={i === 0 || shown.lines[i - 1]!.section !== line.section} />
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Stack gap={4}>
            {Object.values(FSE_COUNTING_RULES).map((rule) => (
              <Text key={rule} size="xs" c="dimmed">
                {rule}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              Secret statistique : « &lt; 5 » : moins de 5 personnes, masqué. « s » : 5 personnes ou plus, masqué pour
              qu’aucun chiffre masqué ne puisse être retrouvé à partir des totaux.
            </Text>
          </Stack>
        </>
      )}
      {previewing && (
        <Modal opened onClose={() => setPreviewing(false)} title="Indicateurs FSE+ (PDF)" size="xl">
          {report.isPending && <Loader />}
          {report.error && <Alert color="red">{errorMessage(report.error)}</Alert>}
          {report.data && (
            <Stack>
              <Group>
                <Button variant="default" onClick={() => printPdf(report.data.pdfBase64)}>
                  Imprimer
                </Button>
              </Group>
              <PdfPreview base64={report.data.pdfBase64} label="Indicateurs FSE+" />
            </Stack>
          )}
        </Modal>
      )}
    </Stack>
  );
}

function FseLine({ line, first }: { line: FseTableLineOutput; first: boolean }) {
  return (
    <>
      {first && (
        <Table.Tr bg="var(--mantine-color-gray-0)">
          <Table.Th colSpan={5}>{FSE_SECTION_LABELS[line.section]}</Table.Th>
        </Table.Tr>
      )}
      <Table.Tr>
        <Table.Td>
          <Text size="xs" c="dimmed">
            {line.code ?? ''}
          </Text>
        </Table.Td>
        <Table.Td pl={line.sub ? 'xl' : undefined}>{line.label}</Table.Td>
        {FSE_COLUMNS.map((c) => (
          <Table.Td key={c} ta="right">
            <Cell cell={line.cells[c]} label={`${line.label}, ${FSE_COLUMN_LABELS[c].toLowerCase()}`} />
          </Table.Td>
        ))}
      </Table.Tr>
    </>
  );
}
