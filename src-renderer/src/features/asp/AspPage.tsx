import { Alert, Badge, Button, Card, Group, List, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ASP_DIFFICULTY_LABELS, ASP_EXIT_CATEGORY_LABELS } from '@shared/contract/asp';
import { addDays, addMonths, formatFrenchDate, frenchMonth } from '@shared/dates';
import { formatFrenchDayOf } from '@shared/paris-time';
import { formatDuration } from '@shared/time';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from '../people/defaults';

/** The last twelve months, newest first; the month just ended is the one declared. */
function months(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: 13 }, (_, i) => addMonths(first, -i).slice(0, 7));
}

/**
 * The ASP monthly state of the ACI (Extranet IAE 2.0): each CDDI contract of
 * an ACI worksite in the month, its hours from the payroll's pay lines, still
 * accompanied, actual end and exit category; what to fix before export;
 * validate, then save the PDF to re-key or the CSV.
 */
export function AspPage() {
  const today = todayInFrance();
  const settings = useApiQuery('settings/get');
  const [month, setMonth] = useState(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7));
  const [employerId, setEmployerId] = useState<number | null>(null);
  const employers = (settings.data?.employers ?? []).filter((e) => !e.archived);
  // An ACI employs its own staff: not the association intermédiaire that carries the MESP.
  const chosen =
    employerId ?? (employers.find((e) => e.kind !== 'association_intermediaire') ?? employers[0])?.id ?? null;
  const state = useApiQuery('asp/get', { month, employerId: chosen ?? 0 }, { enabled: chosen !== null });
  const validate = useApiMutation('asp/validate');
  const exportFile = useApiMutation('asp/export');
  const choose = useChooseFile();
  const problems = (state.data?.rows ?? []).reduce((n, r) => n + r.problems.length, 0);

  const onValidate = async () => {
    try {
      await validate.mutateAsync({ month, employerId: chosen! });
      notifySuccess(`L’état ASP de ${frenchMonth(month)} est validé.`);
    } catch (error) {
      notifyFailure(error, 'L’état n’est pas validé');
    }
  };
  const onExport = async (format: 'pdf' | 'csv') => {
    const folder = await choose('export', 'folder');
    if (!folder) return;
    try {
      const { path } = await exportFile.mutateAsync({ month, employerId: chosen!, format, folder });
      notifications.show({ color: 'teal', title: 'Fichier enregistré', message: path });
    } catch (error) {
      notifyFailure(error, 'Le fichier n’est pas enregistré');
    }
  };

  return (
    <Stack maw={1250}>
      <Title order={1}>État mensuel ASP</Title>
      <Text size="sm" c="dimmed">
        Chaque mois, l’atelier et chantier d’insertion déclare à l’ASP (Extranet IAE 2.0), pour chaque contrat à durée
        déterminée d’insertion, les heures du mois, si le salarié est toujours accompagné, la date de fin réelle et le
        motif de sortie. Les heures sont celles des lignes de paie du mois.
      </Text>
      <Group>
        <Select
          label="Mois"
          data={months(today).map((m) => ({ value: m, label: frenchMonth(m) }))}
          value={month}
          allowDeselect={false}
          onChange={(m) => m && setMonth(m)}
        />
        <Select
          label="Employeur (structure conventionnée)"
          data={employers.map((e) => ({ value: String(e.id), label: e.name }))}
          value={chosen === null ? null : String(chosen)}
          allowDeselect={false}
          onChange={(e) => e && setEmployerId(Number(e))}
          w={360}
        />
      </Group>
      {state.isPending && chosen !== null && <Loader />}
      {state.error && <Alert color="red">{errorMessage(state.error)}</Alert>}
      {state.data && (
        <>
          <Group>
            <Badge size="lg" color={state.data.status === 'valide' ? 'blue' : 'gray'}>
              {state.data.status === 'valide' ? 'Validé' : 'À valider'}
            </Badge>
            {state.data.validatedAt && (
              <Text size="sm">
                Validé par {state.data.validatedBy ?? 'un compte supprimé'} le{' '}
                {formatFrenchDayOf(state.data.validatedAt)}
              </Text>
            )}
            {state.data.stale && (
              <Badge size="lg" color="red">
                À revalider
              </Badge>
            )}
          </Group>
          {state.data.stale && (
            <Alert color="red" title="Les heures ont changé depuis la validation">
              L’état affiché est celui qui a été validé. Validez à nouveau pour déclarer les heures comptées
              aujourd’hui.
            </Alert>
          )}
          {problems > 0 && (
            <Alert color="orange" title={`À corriger avant de valider (${problems})`}>
              <List size="sm">
                {state.data.rows.flatMap((r) =>
                  r.problems.map((p) => (
                    <List.Item key={`${r.participationId}-${p.field}`}>
                      <Link to={`/people/${r.personId}`}>
                        {r.lastName} {r.firstNames}
                      </Link>{' '}
                      : {p.message}
                    </List.Item>
                  )),
                )}
              </List>
            </Alert>
          )}
          <Card withBorder>
            {state.data.rows.length === 0 ? (
              <Text c="dimmed">Aucun contrat CDDI d’un chantier ACI chez cet employeur ce mois-ci.</Text>
            ) : (
              <Table aria-label="État mensuel ASP">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Salarié</Table.Th>
                    <Table.Th>PASS IAE</Table.Th>
                    <Table.Th>Chantier</Table.Th>
                    <Table.Th ta="right">Heures payées</Table.Th>
                    <Table.Th ta="right">Heures ASP</Table.Th>
                    <Table.Th>Toujours accompagné</Table.Th>
                    <Table.Th>Fin réelle</Table.Th>
                    <Table.Th>Motif de sortie</Table.Th>
                    <Table.Th>Freins (ASP)</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.data.rows.map((r) => (
                    <Table.Tr
                      key={r.participationId}
                      bg={r.problems.length > 0 ? 'var(--mantine-color-orange-light)' : undefined}
                    >
                      <Table.Td>
                        <Link to={`/people/${r.personId}`}>
                          {r.lastName} {r.firstNames}
                        </Link>
                        {r.problems.map((p) => (
                          <Text key={p.field} size="xs" fw={500}>
                            À corriger : {p.message}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td>{r.passIae || '—'}</Table.Td>
                      <Table.Td>{r.worksiteName}</Table.Td>
                      <Table.Td ta="right">{formatDuration(r.paidMinutes)}</Table.Td>
                      <Table.Td ta="right">{r.hours}</Table.Td>
                      <Table.Td>{r.stillAccompanied ? 'Oui' : 'Non'}</Table.Td>
                      <Table.Td>{r.actualEndDate ? formatFrenchDate(r.actualEndDate) : '—'}</Table.Td>
                      <Table.Td>{r.exitCategory ? ASP_EXIT_CATEGORY_LABELS[r.exitCategory] : '—'}</Table.Td>
                      <Table.Td>{r.difficulties.map((d) => ASP_DIFFICULTY_LABELS[d]).join(', ') || '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Td colSpan={3}>Total ({state.data.rows.length})</Table.Td>
                    <Table.Td ta="right">{formatDuration(state.data.totalPaidMinutes)}</Table.Td>
                    <Table.Td ta="right">{state.data.rows.reduce((s, r) => s + r.hours, 0)}</Table.Td>
                    <Table.Td colSpan={4} />
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Group justify="flex-end">
            {(state.data.status === 'a_valider' || state.data.stale) && state.data.rows.length > 0 && (
              <Button onClick={() => void onValidate()} loading={validate.isPending} disabled={problems > 0}>
                {state.data.stale ? 'Valider à nouveau' : 'Valider le mois'}
              </Button>
            )}
            {state.data.status === 'valide' && !state.data.stale && (
              <>
                <Button variant="light" onClick={() => void onExport('pdf')}>
                  Enregistrer l’état à ressaisir (.pdf)
                </Button>
                <Button variant="light" onClick={() => void onExport('csv')}>
                  Enregistrer le tableau (.csv)
                </Button>
              </>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Heures payées : heures travaillées, temps annexes rémunérés, jours fériés chômés, demi-journées annulées et
            absences payées du mois, comme sur les lignes de paie ; les heures ASP sont ces heures arrondies à l’heure.
            Le motif de sortie est la catégorie ASP de la sortie enregistrée dans le parcours ; les freins sont ceux
            ouverts à la fin du mois, dans les catégories de l’ASP.
          </Text>
        </>
      )}
    </Stack>
  );
}
