import { Badge, Button, Table, Text, UnstyledButton } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import type { AttendanceWeek } from '@shared/contract/attendance';
import { MARK_KEYS, MARK_LABELS, type Mark } from '@shared/contract/attendance-codes';
import { HALF_DAY_LABELS, WEEKDAY_LABELS } from '@shared/contract/worksites';
import { formatFrenchDate, weekdayOf } from '@shared/dates';
import { cellKey, markColor, markForKey, simpleMark, type Cell } from './marks';

type Session = AttendanceWeek['sessions'][number];
type Participant = AttendanceWeek['participants'][number];

/** Said on a half-day that has not begun (the server refuses its marks the same way). */
export const NOT_YET_TITLE =
  'Cette demi-journée n’a pas encore eu lieu : elle s’émarge une fois commencée. Pour l’annuler, passez par le planning du chantier.';

export const sessionLabel = (s: Session) =>
  `${WEEKDAY_LABELS[weekdayOf(s.date)]} ${formatFrenchDate(s.date).slice(0, 5)} ${HALF_DAY_LABELS[s.halfDay].toLowerCase()}`;

/**
 * Rows are people, columns half-days. Every cell is a button: arrows move,
 * a letter sets the mark (P présent, R retard, M maladie…), Suppr empties,
 * Entrée opens the detail. Cells outside a person's contract are closed;
 * cells of a half-day that has not begun are shown, not editable.
 */
export function WeekGrid({
  week,
  sessions,
  valueOf,
  onChange,
  onOpen,
}: {
  week: AttendanceWeek;
  sessions: Session[];
  valueOf: (sessionId: number, participationId: number) => Cell;
  onChange: (changes: { sessionId: number; participationId: number; cell: Cell }[]) => void;
  onOpen: (session: Session, participant: Participant) => void;
}) {
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const open = (s: Session, p: Participant) => s.cancelled === null && s.date >= p.start && s.date <= p.end;

  const move = (row: number, col: number) => {
    const p = week.participants[row];
    const s = sessions[col];
    if (p && s) cells.current.get(cellKey(s.id, p.participationId))?.focus();
  };

  const onKey = (event: KeyboardEvent, row: number, col: number, s: Session, p: Participant) => {
    const arrows: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = arrows[event.key];
    if (step) {
      event.preventDefault();
      move(row + step[0], col + step[1]);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onChange([{ sessionId: s.id, participationId: p.participationId, cell: null }]);
      return;
    }
    const mark = event.key.length === 1 ? markForKey(event.key) : null;
    if (mark) {
      event.preventDefault();
      if (mark === 'retard') {
        onChange([
          {
            sessionId: s.id,
            participationId: p.participationId,
            cell: { ...simpleMark('retard'), actualStart: s.start, actualEnd: s.end },
          },
        ]);
        onOpen(s, p);
        return;
      }
      onChange([{ sessionId: s.id, participationId: p.participationId, cell: simpleMark(mark) }]);
      // Down to the next person: a column is filled in one pass.
      move(row + 1, col);
    }
  };

  const allPresent = (s: Session) =>
    onChange(
      week.participants
        .filter((p) => open(s, p))
        .map((p) => ({ sessionId: s.id, participationId: p.participationId, cell: simpleMark('present') })),
    );

  return (
    <Table withTableBorder withColumnBorders aria-label="Émargement de la semaine" style={{ tableLayout: 'fixed' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>Personne</Table.Th>
          {sessions.map((s) => (
            <Table.Th key={s.id} ta="center">
              <Text size="sm" fw={700}>
                {sessionLabel(s)}
              </Text>
              <Text size="xs" c="dimmed">
                {s.start}–{s.end}
              </Text>
              {s.cancelled ? (
                <Badge color="gray" variant="outline" size="sm" title={s.cancelledReason ?? ''}>
                  Annulée
                </Badge>
              ) : s.notYet ? (
                <Badge color="gray" variant="light" size="sm" title={NOT_YET_TITLE}>
                  À venir
                </Badge>
              ) : (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => allPresent(s)}
                  aria-label={`Tous présents le ${sessionLabel(s)}`}
                >
                  Tous présents
                </Button>
              )}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {week.participants.map((p, row) => (
          <Table.Tr key={p.participationId}>
            <Table.Td>
              <Text size="sm">{p.name}</Text>
            </Table.Td>
            {sessions.map((s, col) => {
              if (!open(s, p)) {
                return (
                  <Table.Td key={s.id} ta="center" bg="gray.1">
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  </Table.Td>
                );
              }
              const cell = valueOf(s.id, p.participationId);
              const mark = cell?.mark as Mark | undefined;
              const detail =
                mark === 'retard' && cell ? ` ${cell.actualStart ?? s.start}–${cell.actualEnd ?? s.end}` : '';
              if (s.notYet) {
                return (
                  <Table.Td key={s.id} p={2} ta="center" bg="gray.0" title={NOT_YET_TITLE}>
                    <UnstyledButton
                      disabled
                      aria-label={`${p.name}, ${sessionLabel(s)} : pas encore eu lieu, à venir`}
                      w="100%"
                      py={6}
                      style={{ cursor: 'not-allowed', display: 'flex', justifyContent: 'center' }}
                    >
                      <Text size="xs" c="dimmed">
                        à venir
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                );
              }
              return (
                <Table.Td key={s.id} p={2} ta="center">
                  <UnstyledButton
                    ref={(el) => {
                      if (el) cells.current.set(cellKey(s.id, p.participationId), el);
                    }}
                    onKeyDown={(e) => onKey(e, row, col, s, p)}
                    onClick={() => onOpen(s, p)}
                    // The name holds what the cell shows (RGAA 11.2 / WCAG 2.5.3): a voice user says « R 09:00 ».
                    aria-label={`${p.name}, ${sessionLabel(s)} : ${mark ? `${MARK_LABELS[mark]}, ${MARK_KEYS[mark]}${detail}` : 'à remplir'}`}
                    w="100%"
                    py={6}
                    style={{ borderRadius: 4, outlineOffset: -2, display: 'flex', justifyContent: 'center' }}
                  >
                    {mark ? (
                      <Badge
                        color={markColor(mark)}
                        variant={mark === 'present' ? 'light' : 'filled'}
                        size="lg"
                        radius="sm"
                      >
                        {MARK_KEYS[mark]}
                        {detail}
                      </Badge>
                    ) : (
                      <Text c="dimmed">·</Text>
                    )}
                  </UnstyledButton>
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
