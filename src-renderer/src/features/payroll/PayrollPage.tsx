import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { formatFrenchDayOf } from '@shared/paris-time';
import { IconInfoCircle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { COMPLEMENTARY_DEFINITION, HANDOFF_STATUS_LABELS, RATE_IN_FORCE_DEFINITION } from '@shared/contract/payroll';
import { addDays, addMonths, formatFrenchDate, frenchMonth } from '@shared/dates';
import { formatEuros } from '@shared/money';
import { formatDuration } from '@shared/time';
import { ApiError, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useChooseFile } from '../files/FileChooser';
import { ConfirmButton } from '../../ui/confirm';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from '../people/defaults';
import { useSession } from '../auth/SessionContext';
import { FigureChanges } from './FigureChanges';
import { WithdrawTransmission } from './WithdrawTransmission';
import { hrefFor } from '../../app/routes';

const monthLabel = frenchMonth;

/** The last twelve months, newest first; the month just ended is the one usually sent. */
function months(today: string): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: 13 }, (_, i) => addMonths(first, -i).slice(0, 7));
}

/** Each month, per employer: check, validate (coordination), export, mark as sent. */
export function PayrollPage() {
  const today = todayInFrance();
  const settings = useApiQuery('settings/get');
  const [month, setMonth] = useState(addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7));
  const [employerId, setEmployerId] = useState<number | null>(null);
  const employers = (settings.data?.employers ?? []).filter((e) => !e.archived);
  // The portage employer first: it is the one waiting for hours every month.
  const chosen =
    employerId ?? (employers.find((e) => e.kind === 'association_intermediaire') ?? employers[0])?.id ?? null;
  const handoff = useApiQuery('payroll/get', { month, employerId: chosen ?? 0 }, { enabled: chosen !== null });
  const validate = useApiMutation('payroll/validate');
  const transmit = useApiMutation('payroll/transmit');
  const exportFile = useApiMutation('payroll/export');
  const choose = useChooseFile();
  const { can } = useSession();
  const [needsConfirm, setNeedsConfirm] = useState<string | null>(null);

  const onValidate = async (confirmChecks: boolean) => {
    try {
      await validate.mutateAsync({ month, employerId: chosen!, confirmChecks });
      setNeedsConfirm(null);
      notifySuccess(`Les heures de ${monthLabel(month)} sont validées ; les fichiers sont prêts.`);
    } catch (error) {
      if (error instanceof ApiError && error.payload.field === 'checks') setNeedsConfirm(error.message);
      else notifyFailure(error, 'Le mois n’est pas validé');
    }
  };
  const onExport = async (format: 'xlsx' | 'csv' | 'pdf' | 'variables') => {
    const folder = await choose('export', 'folder');
    if (!folder) return;
    try {
      const { path } = await exportFile.mutateAsync({ month, employerId: chosen!, format, folder });
      notifications.show({ color: 'teal', title: 'Fichier enregistré', message: path });
    } catch (error) {
      notifyFailure(error, 'Le fichier n’est pas enregistré');
    }
  };
  const onTransmit = async () => {
    try {
      await transmit.mutateAsync({ month, employerId: chosen! });
      notifySuccess(`${monthLabel(month)} est marqué comme transmis : ses journées sont verrouillées.`);
    } catch (error) {
      notifyFailure(error);
    }
  };

  return (
    <Stack maw={1150}>
      <Title order={1}>Heures à transmettre</Title>
      <Group>
        <Select
          label="Mois"
          data={months(today).map((m) => ({ value: m, label: monthLabel(m) }))}
          value={month}
          allowDeselect={false}
          onChange={(m) => m && (setMonth(m), setNeedsConfirm(null))}
        />
        <Select
          label="Employeur"
          data={employers.map((e) => ({ value: String(e.id), label: e.name }))}
          value={chosen === null ? null : String(chosen)}
          allowDeselect={false}
          onChange={(e) => e && (setEmployerId(Number(e)), setNeedsConfirm(null))}
          w={360}
        />
      </Group>
      {handoff.isPending && chosen !== null && <Loader />}
      {handoff.error && <Alert color="red">{errorMessage(handoff.error)}</Alert>}
      {handoff.data && (
        <>
          <Group>
            <Badge
              size="lg"
              color={handoff.data.status === 'transmis' ? 'teal' : handoff.data.status === 'valide' ? 'blue' : 'gray'}
            >
              {HANDOFF_STATUS_LABELS[handoff.data.status]}
            </Badge>
            {handoff.data.validatedAt && (
              <Text size="sm">
                Validé par {handoff.data.validatedBy} le {formatFrenchDayOf(handoff.data.validatedAt)}
              </Text>
            )}
            {handoff.data.stale && (
              <Badge size="lg" color="red">
                À revalider
              </Badge>
            )}
            {handoff.data.transmittedAt && (
              <Text size="sm">
                · transmis par {handoff.data.transmittedBy} le {formatFrenchDayOf(handoff.data.transmittedAt)}
              </Text>
            )}
          </Group>
          {handoff.data.withdrawals.map((w) => (
            <Text key={w.withdrawnAt} size="sm" c="dimmed">
              Transmission du {formatFrenchDayOf(w.transmittedAt)} retirée par {w.withdrawnBy ?? 'un compte supprimé'}{' '}
              le {formatFrenchDayOf(w.withdrawnAt)} : {w.reason}
            </Text>
          ))}
          <FigureChanges view={handoff.data} />
          {handoff.data.checks.length > 0 && (
            <Alert color="orange" title={`À vérifier avant l’envoi (${handoff.data.checks.length})`}>
              <List size="sm">
                {handoff.data.checks.map((c) => (
                  <List.Item key={c.message}>
                    <Link to={hrefFor(c.link)}>{c.message}</Link>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Card withBorder>
            {handoff.data.lines.length === 0 ? (
              <Text c="dimmed">Aucune personne sous contrat avec cet employeur ce mois-ci.</Text>
            ) : (
              <Table aria-label="Heures du mois">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Personne</Table.Th>
                    <Table.Th>Chantier</Table.Th>
                    <Table.Th ta="right">Prévues</Table.Th>
                    <Table.Th ta="right">Travaillées</Table.Th>
                    <Table.Th ta="right">Payées</Table.Th>
                    <Table.Th ta="right">
                      <Explained label={COMPLEMENTARY_DEFINITION}>Compl.</Explained>
                    </Table.Th>
                    <Table.Th ta="right">Régularisations</Table.Th>
                    <Table.Th ta="right">
                      <Explained label={RATE_IN_FORCE_DEFINITION}>Taux</Explained>
                    </Table.Th>
                    <Table.Th ta="right">Brut estimé</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {handoff.data.lines.map((l) => (
                    <Table.Tr key={l.participationId}>
                      <Table.Td>
                        <Link to={`/people/${l.personId}`}>{l.name}</Link>
                      </Table.Td>
                      <Table.Td>{l.worksiteName}</Table.Td>
                      <Table.Td ta="right">{formatDuration(l.planned)}</Table.Td>
                      <Table.Td ta="right">{formatDuration(l.worked)}</Table.Td>
                      <Table.Td ta="right">{formatDuration(l.paid)}</Table.Td>
                      <Table.Td ta="right">
                        {formatDuration(l.complementary)}
                        {l.complementary > 0 && l.complementaryWithinTenth !== undefined && (
                          <Text size="xs" c="dimmed">
                            {formatDuration(l.complementaryWithinTenth)} à +10 %,{' '}
                            {formatDuration(l.complementaryBeyondTenth ?? 0)} à +25 %
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {l.regularisationPaid === 0
                          ? '—'
                          : `${l.regularisationPaid < 0 ? '− ' : '+ '}${formatDuration(Math.abs(l.regularisationPaid))}`}
                      </Table.Td>
                      <Table.Td ta="right">
                        {formatEuros(l.hourlyCents)}
                        {(l.rates ?? [])
                          .filter((r) => r.smicFrom !== null)
                          .map((r) => (
                            <Text key={`${r.from}-${r.hourlyCents}`} size="xs" c="orange">
                              {formatEuros(r.hourlyCents)} (SMIC) à partir du {formatFrenchDate(r.smicFrom!)}
                            </Text>
                          ))}
                      </Table.Td>
                      <Table.Td ta="right">{formatEuros(l.grossCents)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          {needsConfirm && (
            <Alert color="orange" title="Valider malgré les points à vérifier ?">
              <Stack gap="xs">
                {needsConfirm}
                <Group>
                  <Button color="orange" size="xs" onClick={() => void onValidate(true)} loading={validate.isPending}>
                    Valider quand même
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            {handoff.data.status === 'transmis' && can('payroll/withdraw') && (
              <WithdrawTransmission month={month} monthLabel={monthLabel(month)} employerId={chosen!} />
            )}
            {((handoff.data.status === 'a_preparer' && handoff.data.lines.length > 0) || handoff.data.stale) && (
              <Button onClick={() => void onValidate(false)} loading={validate.isPending}>
                {handoff.data.stale ? 'Valider à nouveau' : 'Valider le mois'}
              </Button>
            )}
            {handoff.data.status !== 'a_preparer' && (
              <>
                <Button variant="light" onClick={() => void onExport('xlsx')}>
                  Enregistrer le tableur (.xlsx)
                </Button>
                <Button variant="light" onClick={() => void onExport('csv')}>
                  Enregistrer le fichier de paie (.csv)
                </Button>
                <Button variant="light" onClick={() => void onExport('pdf')}>
                  Enregistrer le relevé à signer (.pdf)
                </Button>
                <Button variant="light" onClick={() => void onExport('variables')}>
                  Enregistrer les variables de paie (.csv)
                </Button>
              </>
            )}
            {handoff.data.status === 'valide' && !handoff.data.stale && (
              <ConfirmButton
                color="teal"
                loading={transmit.isPending}
                onConfirm={() => void onTransmit()}
                confirm={{
                  title: 'Marquer comme transmis ?',
                  message: `À faire une fois les fichiers envoyés à ${handoff.data.employerName}. Les journées de ${monthLabel(month)} de ses salariés seront verrouillées : toute correction demandera un motif et partira en régularisation avec le mois suivant. Seul un administrateur pourra retirer cette transmission, avec un motif, tant que le mois suivant n’est pas transmis.`,
                  confirmLabel: 'Marquer comme transmis',
                }}
              >
                Marquer comme transmis
              </ConfirmButton>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Une fois transmis, les journées du mois sont verrouillées : une correction demande un motif et part en
            régularisation avec le mois suivant. Le brut estimé (heures payées × taux en vigueur chaque jour : celui du
            contrat, ou le SMIC du jour s’il est plus élevé) sert à vérifier ; la paie reste faite par l’employeur.
          </Text>
        </>
      )}
    </Stack>
  );
}

/** A column title with its "i": the rule behind the figure, on hover. */
function Explained({ label, children }: { label: string; children: string }) {
  return (
    <Tooltip label={label} multiline w={360}>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {children} <IconInfoCircle size={14} aria-hidden />
      </span>
    </Tooltip>
  );
}
