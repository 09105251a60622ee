import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AttendanceWeek } from '@shared/contract/attendance';
import { MARK_KEYS, MARK_LABELS, MARKS } from '@shared/contract/attendance-codes';
import { ANNEX_KIND_LABELS } from '@shared/contract/worksites';
import { addDays, formatFrenchDate, mondayOf } from '@shared/dates';
import { ApiError, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from '../people/defaults';
import { HoursCard } from './HoursCard';
import { DocumentModal } from '../documents/DocumentModal';
import { useSignedIn } from '../auth/SessionContext';
import { cellKey, fromStored, simpleMark, type Cell } from './marks';
import { MarkModal } from './MarkModal';
import { useUnsavedGuard } from './useUnsavedGuard';
import { sessionLabel, WeekGrid } from './WeekGrid';
import { countOf } from '@shared/french';

/** The émargement of a worksite: a week (or today) of half-days, filled by keyboard, saved at once. */
export function AttendancePage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const today = todayInFrance();
  const weekOf = params.get('semaine') ?? mondayOf(today);
  const [view, setView] = useState<'week' | 'day'>('week');
  const { can } = useSignedIn();
  const week = useApiQuery('attendance/week', { worksiteId: id, weekOf });
  const [changes, setChanges] = useState(new Map<string, Cell>());
  const [editing, setEditing] = useState<{
    session: AttendanceWeek['sessions'][number];
    participant: AttendanceWeek['participants'][number];
  } | null>(null);
  const save = useApiMutation('attendance/save');
  const markAnnex = useApiMutation('attendance/markAnnexTime');
  useUnsavedGuard(changes.size > 0);

  const stored = useMemo(
    () => new Map((week.data?.marks ?? []).map((m) => [cellKey(m.sessionId, m.participationId), fromStored(m)])),
    [week.data],
  );
  const valueOf = (sessionId: number, participationId: number): Cell => {
    const key = cellKey(sessionId, participationId);
    return changes.has(key) ? changes.get(key)! : (stored.get(key) ?? null);
  };
  const change = (list: { sessionId: number; participationId: number; cell: Cell }[]) => {
    const next = new Map(changes);
    for (const c of list) next.set(cellKey(c.sessionId, c.participationId), c.cell);
    setChanges(next);
  };
  const goTo = (monday: string) => {
    if (
      changes.size > 0 &&
      !window.confirm('Des présences ne sont pas enregistrées. Changer de semaine sans les enregistrer ?')
    )
      return;
    setChanges(new Map());
    setParams({ semaine: monday });
  };
  const [printing, setPrinting] = useState(false);
  const [lockedMessage, setLockedMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const onSave = async (regularisation: { reason: string } | null = null) => {
    const entries = [...changes.entries()].map(([key, mark]) => {
      const [sessionId, participationId] = key.split(':').map(Number) as [number, number];
      return { sessionId, participationId, mark };
    });
    try {
      await save.mutateAsync({ worksiteId: id, entries, regularisation });
      setChanges(new Map());
      setLockedMessage(null);
      setReason('');
      notifySuccess(
        regularisation
          ? `${countOf(entries.length, 'présence corrigée', 'présences corrigées')} ; la régularisation partira avec le prochain envoi.`
          : `${countOf(entries.length, 'présence enregistrée', 'présences enregistrées')}.`,
      );
    } catch (error) {
      // A day already sent to the employer: the correction is possible, with its reason.
      if (error instanceof ApiError && error.payload.field === 'regularisation') setLockedMessage(error.message);
      else notifyFailure(error, 'Les présences ne sont pas enregistrées');
    }
  };

  if (week.isPending) return <Loader />;
  if (week.error) return <Alert color="red">{errorMessage(week.error)}</Alert>;
  const w = week.data;
  const sessions = view === 'day' ? w.sessions.filter((s) => s.date === today) : w.sessions;

  return (
    <Stack maw={1200}>
      <Text size="sm">
        <Link to={`/worksites/${id}`}>{w.worksiteName}</Link>
      </Text>
      <Group justify="space-between">
        <Title order={1}>Émargement</Title>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'week' | 'day')}
          data={[
            { value: 'week', label: 'Semaine' },
            { value: 'day', label: 'Aujourd’hui' },
          ]}
        />
      </Group>
      <Group>
        <Button variant="default" onClick={() => goTo(addDays(w.weekOf, -7))}>
          Semaine précédente
        </Button>
        <Text fw={600}>Semaine du {formatFrenchDate(w.weekOf)}</Text>
        <Button variant="default" onClick={() => goTo(addDays(w.weekOf, 7))}>
          Semaine suivante
        </Button>
        {can('documents/generate') && (
          <Button variant="light" onClick={() => setPrinting(true)}>
            Imprimer la feuille de la semaine
          </Button>
        )}
        {w.holidays.map((h) => (
          <Badge key={h.date} color="grape" variant="light">
            {formatFrenchDate(h.date)} : {h.label} (férié)
          </Badge>
        ))}
      </Group>
      {sessions.length === 0 || w.participants.length === 0 ? (
        <Text c="dimmed">
          {view === 'day'
            ? 'Pas de demi-journée aujourd’hui sur ce chantier.'
            : 'Aucune demi-journée ou aucun participant cette semaine.'}
        </Text>
      ) : (
        <WeekGrid
          week={w}
          sessions={sessions}
          valueOf={valueOf}
          onChange={change}
          onOpen={(session, participant) => setEditing({ session, participant })}
        />
      )}
      <Text size="xs" c="dimmed">
        Au clavier : flèches pour se déplacer ;{' '}
        {MARKS.map((m) => `${MARK_KEYS[m]} ${MARK_LABELS[m].toLowerCase()}`).join(', ')} ; Suppr pour vider ; Entrée
        pour le détail (heures réelles, justificatif).
      </Text>
      <Group justify="flex-end">
        {changes.size > 0 && (
          <>
            <Badge color="orange">
              {countOf(changes.size, 'modification non enregistrée', 'modifications non enregistrées')}
            </Badge>
            <Button variant="default" onClick={() => setChanges(new Map())}>
              Annuler les modifications
            </Button>
          </>
        )}
        <Button onClick={() => void onSave()} disabled={changes.size === 0} loading={save.isPending}>
          Enregistrer les présences
        </Button>
      </Group>
      {w.annexTimes.length > 0 && (
        <Card withBorder>
          <Title order={3} mb="sm">
            Temps annexes de la semaine
          </Title>
          <Table aria-label="Temps annexes de la semaine">
            <Table.Tbody>
              {w.annexTimes.map((a) => {
                const who = w.participants.find((p) => p.participationId === a.participationId)?.name ?? '';
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>{who}</Table.Td>
                    <Table.Td>
                      {ANNEX_KIND_LABELS[a.kind]} le {formatFrenchDate(a.date)}, {a.start}–{a.end}
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        label="Effectué"
                        aria-label={`${ANNEX_KIND_LABELS[a.kind]} de ${who} effectué`}
                        disabled={a.notYet}
                        title={
                          a.notYet
                            ? 'Ce temps annexe n’a pas encore eu lieu : il se pointe une fois commencé.'
                            : undefined
                        }
                        checked={a.done === true}
                        onChange={(e) => markAnnex.mutate({ annexTimeId: a.id, done: e.currentTarget.checked })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <HoursCard worksiteId={id} />
      {printing && (
        <DocumentModal
          owner={{ worksiteId: id }}
          title={`Feuille d’émargement — ${w.worksiteName}`}
          choices={[{ kind: 'feuille_emargement', worksiteId: id, weekOf: w.weekOf }]}
          onClose={() => setPrinting(false)}
        />
      )}
      {lockedMessage && (
        <Modal opened onClose={() => setLockedMessage(null)} title="Mois déjà transmis">
          <Stack>
            <Text size="sm">{lockedMessage}</Text>
            <TextInput
              label="Motif de la correction"
              withAsterisk
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLockedMessage(null)}>
                Annuler
              </Button>
              <Button onClick={() => void onSave({ reason })} disabled={reason.trim() === ''} loading={save.isPending}>
                Corriger et régulariser
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {editing && (
        <MarkModal
          title={`${editing.participant.name}, ${sessionLabel(editing.session)}`}
          session={editing.session}
          initial={valueOf(editing.session.id, editing.participant.participationId) ?? simpleMark('present')}
          onApply={(mark) => {
            change([
              { sessionId: editing.session.id, participationId: editing.participant.participationId, cell: mark },
            ]);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
