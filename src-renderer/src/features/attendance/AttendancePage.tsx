import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Radio,
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
import type { AttendanceWeek, CellValue } from '@shared/contract/attendance';
import { formatFrenchInstant } from '@shared/paris-time';
import { isStale } from '../../ui/StaleRecord';
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

/** A cell both this user and someone else changed since the week was shown. */
interface Conflict {
  key: string;
  label: string;
  mine: Cell;
  theirs: CellValue | null;
  by: string | null;
  at: string | null;
  keep: 'mine' | 'theirs';
}

function cellText(
  cell: { mark: keyof typeof MARK_LABELS; actualStart?: string | null; actualEnd?: string | null } | null,
) {
  if (!cell) return 'vide';
  const times = [cell.actualStart && `arrivée ${cell.actualStart}`, cell.actualEnd && `départ ${cell.actualEnd}`]
    .filter(Boolean)
    .join(', ');
  return times ? `${MARK_LABELS[cell.mark]} (${times})` : MARK_LABELS[cell.mark];
}

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
  /**
   * Each changed cell as it was shown when the user changed it: sent with the
   * save, main merges it with what is stored now (domain/cell-merge.ts). The
   * grid refreshes as others save; a cell the user did not touch simply shows
   * their value, one both changed is asked about.
   */
  const [bases, setBases] = useState(new Map<string, CellValue | null>());
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
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
  const storedValues = useMemo(
    () =>
      new Map(
        (week.data?.marks ?? []).map(({ sessionId, participationId, ...value }) => [
          cellKey(sessionId, participationId),
          value,
        ]),
      ),
    [week.data],
  );
  const change = (list: { sessionId: number; participationId: number; cell: Cell }[]) => {
    const next = new Map(changes);
    const nextBases = new Map(bases);
    for (const c of list) {
      const key = cellKey(c.sessionId, c.participationId);
      next.set(key, c.cell);
      if (!nextBases.has(key)) nextBases.set(key, storedValues.get(key) ?? null);
    }
    setChanges(next);
    setBases(nextBases);
  };
  const goTo = (monday: string) => {
    if (
      changes.size > 0 &&
      !window.confirm('Des présences ne sont pas enregistrées. Changer de semaine sans les enregistrer ?')
    )
      return;
    setChanges(new Map());
    setBases(new Map());
    setParams({ semaine: monday });
  };
  const [printing, setPrinting] = useState(false);
  const [lockedMessage, setLockedMessage] = useState<string | null>(null);
  /** An annex time of a month already sent, marked: it waits for its reason in the same dialog. */
  const [pendingAnnex, setPendingAnnex] = useState<{ annexTimeId: number; done: boolean } | null>(null);
  const onMarkAnnex = async (annexTimeId: number, done: boolean, regularisation: { reason: string } | null = null) => {
    try {
      await markAnnex.mutateAsync({ annexTimeId, done, regularisation });
      if (regularisation) {
        setPendingAnnex(null);
        setLockedMessage(null);
        setReason('');
        notifySuccess('Temps annexe corrigé ; la régularisation partira avec le prochain envoi.');
      }
    } catch (error) {
      if (error instanceof ApiError && error.payload.field === 'regularisation') {
        setPendingAnnex({ annexTimeId, done });
        setLockedMessage(error.message);
      } else notifyFailure(error, 'Le temps annexe n’est pas enregistré');
    }
  };
  const closeLocked = () => {
    setLockedMessage(null);
    setPendingAnnex(null);
  };
  const [reason, setReason] = useState('');
  const [conflictMessage, setConflictMessage] = useState('');
  /** The user's choice for each cell both changed: theirs drops the change, mine saves it over theirs. */
  const resolve = () => {
    if (!conflicts) return;
    const nextChanges = new Map(changes);
    const nextBases = new Map(bases);
    for (const c of conflicts) {
      if (c.keep === 'theirs') {
        nextChanges.delete(c.key);
        nextBases.delete(c.key);
      } else nextBases.set(c.key, c.theirs);
    }
    setConflicts(null);
    setChanges(nextChanges);
    setBases(nextBases);
    void onSave(null, { changes: nextChanges, bases: nextBases });
  };
  const onSave = async (
    regularisation: { reason: string } | null = null,
    pending: { changes: Map<string, Cell>; bases: Map<string, CellValue | null> } = { changes, bases },
  ) => {
    const entries = [...pending.changes.entries()].map(([key, mark]) => {
      const [sessionId, participationId] = key.split(':').map(Number) as [number, number];
      return { sessionId, participationId, mark, base: pending.bases.get(key) ?? null };
    });
    if (entries.length === 0) {
      setChanges(new Map());
      setBases(new Map());
      return;
    }
    try {
      await save.mutateAsync({ worksiteId: id, entries, regularisation });
      setChanges(new Map());
      setBases(new Map());
      setLockedMessage(null);
      setReason('');
      notifySuccess(
        regularisation
          ? `${countOf(entries.length, 'présence corrigée', 'présences corrigées')} ; la régularisation partira avec le prochain envoi.`
          : `${countOf(entries.length, 'présence enregistrée', 'présences enregistrées')}.`,
      );
    } catch (error) {
      // Cells someone else changed meanwhile: the current values are fetched, and the user chooses.
      if (isStale(error) && error.payload.conflicts) {
        const current = (await week.refetch()).data;
        const now = new Map(
          (current?.marks ?? []).map(({ sessionId, participationId, ...value }) => [
            cellKey(sessionId, participationId),
            value,
          ]),
        );
        setConflicts(
          error.payload.conflicts.map((c) => {
            const key = cellKey(c.sessionId, c.participationId);
            const session = current?.sessions.find((s) => s.id === c.sessionId);
            const participant = current?.participants.find((p) => p.participationId === c.participationId);
            return {
              key,
              label: `${participant?.name ?? ''}, ${session ? sessionLabel(session) : ''}`,
              mine: pending.changes.get(key) ?? null,
              theirs: now.get(key) ?? null,
              by: c.changedBy,
              at: c.changedAt,
              keep: 'mine',
            };
          }),
        );
        setConflictMessage(error.message);
        setChanges(pending.changes);
        setBases(pending.bases);
        return;
      }
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
            <Button
              variant="default"
              onClick={() => {
                setChanges(new Map());
                setBases(new Map());
              }}
            >
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
                        onChange={(e) => void onMarkAnnex(a.id, e.currentTarget.checked)}
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
        <Modal opened onClose={closeLocked} title="Mois déjà transmis">
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
              <Button variant="default" onClick={closeLocked}>
                Annuler
              </Button>
              <Button
                onClick={() =>
                  void (pendingAnnex
                    ? onMarkAnnex(pendingAnnex.annexTimeId, pendingAnnex.done, { reason })
                    : onSave({ reason }))
                }
                disabled={reason.trim() === ''}
                loading={save.isPending || markAnnex.isPending}
              >
                Corriger et régulariser
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {conflicts && (
        <Modal opened onClose={() => setConflicts(null)} title="Présences modifiées par quelqu’un d’autre" size="lg">
          <Stack>
            <Text size="sm">{conflictMessage}</Text>
            {conflicts.map((c, index) => (
              <Card withBorder key={c.key} p="sm">
                <Text fw={600} size="sm" mb={4}>
                  {c.label}
                </Text>
                <Radio.Group
                  value={c.keep}
                  onChange={(keep) =>
                    setConflicts(
                      conflicts.map((other, i) =>
                        i === index ? { ...other, keep: keep as 'mine' | 'theirs' } : other,
                      ),
                    )
                  }
                  aria-label={`Valeur à garder : ${c.label}`}
                >
                  <Stack gap={4}>
                    <Radio value="mine" label={`Garder la vôtre : ${cellText(c.mine)}`} />
                    <Radio
                      value="theirs"
                      label={`Garder celle${c.by ? ` de ${c.by}` : ' enregistrée'}${c.at ? ` (le ${formatFrenchInstant(c.at)})` : ''} : ${cellText(c.theirs)}`}
                    />
                  </Stack>
                </Radio.Group>
              </Card>
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConflicts(null)}>
                Choisir plus tard
              </Button>
              <Button onClick={resolve} loading={save.isPending}>
                Enregistrer ces choix
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
