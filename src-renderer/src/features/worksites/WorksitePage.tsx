import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { followsCaseload } from '@shared/capabilities';
import {
  ACTIVITY_LABELS,
  ANNEX_KIND_LABELS,
  CONTRACT_TYPE_LABELS,
  EARLY_END_REASON_LABELS,
  HALF_DAY_LABELS,
  WEEKDAY_LABELS,
  WORKSITE_KIND_LABELS,
  WORKSITE_STATUS_LABELS,
  type Participant,
  type WorksiteSession,
} from '@shared/contract/worksites';
import { formatFrenchDate, mondayOf } from '@shared/dates';
import { formatEuros } from '@shared/money';
import { formatDuration } from '@shared/time';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { AddParticipantModal } from './AddParticipantModal';
import { AnnexTimeModal } from './AnnexTimeModal';
import { ContractModal } from './ContractModal';
import { DocumentModal } from '../documents/DocumentModal';
import { BatchModal } from '../documents/BatchModal';
import { documentKindsFor } from '@shared/contract/documents';
import { DocumentsCard } from '../documents/DocumentsCard';
import { HoursCard } from '../attendance/HoursCard';
import { GenerateModal } from './GenerateModal';
import { AddSessionModal, SessionModal } from './SessionModals';
import { WorksiteFormModal } from './WorksiteFormModal';
import { WorksiteBilanModal } from '../evaluations/WorksiteBilanModal';
import { countOf, deName } from '@shared/french';

function dayLabel(date: string) {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return `${WEEKDAY_LABELS[weekday]} ${formatFrenchDate(date).slice(0, 5)}`;
}

export function WorksitePage() {
  const id = Number(useParams().id);
  const { can, user } = useSignedIn();
  // A social worker sees on a worksite only the people she follows (the server filters them).
  const ownCaseloadOnly = followsCaseload(user.role);
  const worksite = useApiQuery('worksites/get', { id });
  const [editing, setEditing] = useState(false);
  const [generating, setGenerating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [openedSession, setOpenedSession] = useState<WorksiteSession | null>(null);
  const [addingParticipant, setAddingParticipant] = useState(false);
  const [annexFor, setAnnexFor] = useState<Participant | null>(null);
  const [contractOf, setContractOf] = useState<Participant | null>(null);
  const [documentsOf, setDocumentsOf] = useState<Participant | null>(null);
  const [worksiteDocuments, setWorksiteDocuments] = useState(false);
  const [batch, setBatch] = useState(false);
  const [worksiteBilan, setWorksiteBilan] = useState(false);

  if (worksite.isPending) return <Loader />;
  if (worksite.error) return <Alert color="red">{errorMessage(worksite.error)}</Alert>;
  const w = worksite.data;
  const editable = can('worksites/save');
  const weeks = new Map<string, WorksiteSession[]>();
  for (const s of w.sessions) weeks.set(mondayOf(s.date), [...(weeks.get(mondayOf(s.date)) ?? []), s]);
  const active = w.sessions.filter((s) => s.cancelledReason === null).length;

  return (
    <Stack maw={1100}>
      <Text size="sm">
        <Link to="/worksites">Chantiers</Link>
      </Text>
      <Group justify="space-between">
        <Title order={1}>{w.name}</Title>
        {editable && (
          <Group>
            <Button variant="light" onClick={() => setEditing(true)}>
              Modifier
            </Button>
            {can('attendance/week') && (
              <Button variant="light" component={Link} to={`/worksites/${id}/attendance`}>
                Émargement
              </Button>
            )}
            <Button onClick={() => setGenerating(true)}>Générer les demi-journées</Button>
          </Group>
        )}
        {!editable && can('attendance/week') && (
          <Button component={Link} to={`/worksites/${id}/attendance`}>
            Émargement
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text size="sm">
            {WORKSITE_KIND_LABELS[w.kind]} · {ACTIVITY_LABELS[w.activity]} ·{' '}
            <Badge variant="light">{WORKSITE_STATUS_LABELS[w.status]}</Badge>
          </Text>
          <Text size="sm">
            Du {formatFrenchDate(w.startDate)} au {formatFrenchDate(w.endDate)} (
            {countOf(w.weeks, 'semaine', 'semaines')}), {countOf(w.capacity, 'place', 'places')}
          </Text>
          <Text size="sm">
            Rythme :{' '}
            {w.slots
              .map((s) => `${WEEKDAY_LABELS[s.weekday]!.toLowerCase()} ${HALF_DAY_LABELS[s.halfDay].toLowerCase()}`)
              .join(', ')}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm">Employeur : {w.employerName}</Text>
          <Text size="sm">Encadrant : {w.supervisorName ?? '—'}</Text>
          <Text size="sm">Client ou partenaire : {w.clientName ?? '—'}</Text>
          <Text size="sm">Adresse : {w.workAddress || '—'}</Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>
            {ownCaseloadOnly
              ? `Participants que vous suivez (${w.participants.length})`
              : `Participants (${w.participants.length}/${w.capacity})`}
          </Title>
          {editable && (
            <Button size="xs" variant="light" onClick={() => setAddingParticipant(true)}>
              Ajouter un participant
            </Button>
          )}
        </Group>
        {w.participants.length === 0 ? (
          <Text c="dimmed">
            {ownCaseloadOnly
              ? 'Aucune des personnes que vous suivez ne participe à ce chantier.'
              : 'Aucun participant pour l’instant.'}
          </Text>
        ) : (
          <Table aria-label="Participants">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Contrat</Table.Th>
                <Table.Th>Heures / semaine</Table.Th>
                <Table.Th>Période d’essai</Table.Th>
                <Table.Th>Remise du contrat</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.participants.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Link to={`/people/${p.personId}`}>{p.name}</Link>
                      {p.annexTimes.map((a) => (
                        <Text key={a.id} size="xs" c="dimmed">
                          {ANNEX_KIND_LABELS[a.kind]} le {formatFrenchDate(a.date)}, {a.start}–{a.end}
                          {a.paid ? '' : ' (non rémunéré)'}
                        </Text>
                      ))}
                      {editable && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          px={0}
                          onClick={() => setAnnexFor(p)}
                          aria-label={`Ajouter un temps annexe pour ${p.name}`}
                        >
                          + temps annexe
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm">
                        {CONTRACT_TYPE_LABELS[p.contract.type]} du {formatFrenchDate(p.contract.startDate)} au{' '}
                        {formatFrenchDate(p.contract.endDate)}, {formatEuros(p.contract.hourlyCents)}/h
                      </Text>
                      {p.renewals.length > 0 && (
                        <Text size="xs" c="dimmed">
                          Renouvelé {p.renewals.length} fois
                        </Text>
                      )}
                      {p.earlyEnd && (
                        <Tooltip label={EARLY_END_REASON_LABELS[p.earlyEnd.reason]}>
                          <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                            Fin anticipée le {formatFrenchDate(p.earlyEnd.date)}
                          </Badge>
                        </Tooltip>
                      )}
                      <Group gap="sm">
                        {editable && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            px={0}
                            onClick={() => setContractOf(p)}
                            aria-label={`Gérer le contrat ${deName(p.name)}`}
                          >
                            Gérer le contrat
                          </Button>
                        )}
                        {can('documents/generate') && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            px={0}
                            onClick={() => setDocumentsOf(p)}
                            aria-label={`Documents ${deName(p.name)}`}
                          >
                            Documents
                          </Button>
                        )}
                        {can('evaluations/get') && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            px={0}
                            component={Link}
                            to={`/worksites/${id}/participants/${p.id}`}
                            aria-label={`Suivi et évaluations ${deName(p.name)}`}
                          >
                            Suivi et évaluations
                          </Button>
                        )}
                      </Group>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.weeklyHours}</Text>
                    <ShortWeeks participant={p} />
                  </Table.Td>
                  <Table.Td>{countOf(p.trialDays, 'jour', 'jours')}</Table.Td>
                  <Table.Td>
                    {p.contract.handedOn ? formatFrenchDate(p.contract.handedOn) : '—'}
                    {p.handOverLate && (
                      <Tooltip label="Le contrat doit être remis dans les 2 jours ouvrables suivant l’embauche (art. L1242-13)">
                        <Badge color="red" ml="xs" size="sm" style={{ overflow: 'visible' }}>
                          hors délai
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>Planning ({countOf(active, 'demi-journée', 'demi-journées')})</Title>
          {editable && (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Ajouter une demi-journée
            </Button>
          )}
        </Group>
        {w.sessions.length === 0 ? (
          <Text c="dimmed">Aucune demi-journée : utilisez « Générer les demi-journées ».</Text>
        ) : (
          <Table aria-label="Planning du chantier">
            <Table.Tbody>
              {[...weeks.entries()].map(([monday, sessions]) => (
                <Table.Tr key={monday}>
                  <Table.Td w={170}>
                    <Text size="sm" fw={600}>
                      Semaine du {formatFrenchDate(monday)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      {sessions.map((s) => {
                        const label = `${dayLabel(s.date)} ${HALF_DAY_LABELS[s.halfDay].toLowerCase()}`;
                        const badge = (
                          <Badge
                            key={s.id}
                            size="lg"
                            variant={s.cancelledReason ? 'outline' : 'light'}
                            color={s.cancelledReason ? 'gray' : s.origin === 'makeup' ? 'orange' : 'teal'}
                            style={{
                              textTransform: 'none',
                              cursor: editable && !s.cancelledReason ? 'pointer' : undefined,
                              textDecoration: s.cancelledReason ? 'line-through' : undefined,
                            }}
                            onClick={() => editable && !s.cancelledReason && setOpenedSession(s)}
                            aria-label={`${label}${s.cancelledReason ? ', annulée' : ''}`}
                          >
                            {label} {s.start}–{s.end}
                          </Badge>
                        );
                        return s.cancelledReason ? (
                          <Tooltip key={s.id} label={`Annulée : ${s.cancelledReason}`}>
                            {badge}
                          </Tooltip>
                        ) : (
                          badge
                        );
                      })}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          En orange : rattrapages. Cliquez sur une demi-journée pour la déplacer ou l’annuler.
        </Text>
      </Card>
      {can('attendance/hours') && (
        <HoursCard worksiteId={id} totalLabel={ownCaseloadOnly ? 'Total des personnes que vous suivez' : undefined} />
      )}
      {can('documents/generate') && w.sessions.length > 0 && (
        <Group>
          <Button variant="light" onClick={() => setWorksiteDocuments(true)}>
            Planning et feuilles d’émargement
          </Button>
          <Button variant="light" onClick={() => setBatch(true)}>
            Imprimer en lot
          </Button>
        </Group>
      )}
      {can('bilans/worksite') && w.participants.length > 0 && (
        <Group>
          <Button variant="light" onClick={() => setWorksiteBilan(true)}>
            Bilan du chantier
          </Button>
        </Group>
      )}
      {can('documents/list') && <DocumentsCard worksiteId={id} />}
      {worksiteBilan && <WorksiteBilanModal worksiteId={id} onClose={() => setWorksiteBilan(false)} />}
      {worksiteDocuments && (
        <DocumentModal
          owner={{ worksiteId: id }}
          title={`Documents du chantier ${w.name}`}
          choices={[
            { kind: 'planning_chantier', worksiteId: id },
            ...[...weeks.keys()].map((weekOf) => ({ kind: 'feuille_emargement' as const, worksiteId: id, weekOf })),
          ]}
          onClose={() => setWorksiteDocuments(false)}
        />
      )}
      {batch && <BatchModal worksite={w} onClose={() => setBatch(false)} />}
      {editing && (
        <WorksiteFormModal worksite={w} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {generating && <GenerateModal worksiteId={id} onClose={() => setGenerating(false)} />}
      {adding && <AddSessionModal worksiteId={id} onClose={() => setAdding(false)} />}
      {addingParticipant && <AddParticipantModal worksite={w} onClose={() => setAddingParticipant(false)} />}
      {annexFor && <AnnexTimeModal participant={annexFor} onClose={() => setAnnexFor(null)} />}
      {contractOf && <ContractModal worksiteId={w.id} participant={contractOf} onClose={() => setContractOf(null)} />}
      {documentsOf && (
        <DocumentModal
          owner={{ worksiteId: id }}
          title={`Documents ${deName(documentsOf.name)}`}
          choices={documentKindsFor(w.kind).map((kind) => ({ kind, participationId: documentsOf.id }))}
          onClose={() => setDocumentsOf(null)}
        />
      )}
      {openedSession && (
        <SessionModal
          session={openedSession}
          label={formatFrenchDate(openedSession.date)}
          onClose={() => setOpenedSession(null)}
        />
      )}
    </Stack>
  );
}

/** The weeks a holiday, a cancellation or the contract's dates make shorter (or an annex time longer) than the pattern. */
function ShortWeeks({ participant }: { participant: Participant }) {
  const usual = participant.weeklyHours;
  const other = participant.plannedWeeks.filter((w) => formatDuration(w.minutes) !== usual);
  if (other.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {other.map((w) => `sem. du ${formatFrenchDate(w.weekOf).slice(0, 5)} : ${formatDuration(w.minutes)}`).join(' · ')}
    </Text>
  );
}
