import { Alert, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { HALF_DAYS, HALF_DAY_LABELS, WEEKDAY_LABELS } from '@shared/contract/worksites';
import type { MethodOutput } from '@shared/contract';
import { addDays, formatFrenchDate, frenchMonth, mondayOf, weekdayOf } from '@shared/dates';
import { errorMessage, useApiQuery } from '../../api/client';
import { todayInFrance } from '../people/defaults';
import { countOf } from '@shared/french';

type Entry = MethodOutput<'worksites/planning'>[number];
const COLORS = ['teal', 'blue', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo'];

function Chip({ entry }: { entry: Entry }) {
  return (
    <Badge
      component={Link}
      to={`/worksites/${entry.worksiteId}`}
      color={COLORS[entry.worksiteId % COLORS.length]}
      variant={entry.cancelled ? 'outline' : 'light'}
      h="auto"
      py={2}
      style={{
        textTransform: 'none',
        cursor: 'pointer',
        textDecoration: entry.cancelled ? 'line-through' : undefined,
        maxWidth: '100%',
        whiteSpace: 'normal',
      }}
      aria-label={`${entry.worksiteName}, ${formatFrenchDate(entry.date)} ${HALF_DAY_LABELS[entry.halfDay].toLowerCase()}${entry.cancelled ? ', annulée' : `, ${countOf(entry.participants, 'participant', 'participants')}`}`}
    >
      {entry.worksiteName} ({entry.participants})
    </Badge>
  );
}

/** Every worksite's half-days, by week or by month, each worksite in its own colour. */
export function PlanningPage() {
  const [view, setView] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(todayInFrance());
  const monthStart = `${anchor.slice(0, 8)}01`;
  const from = view === 'week' ? mondayOf(anchor) : mondayOf(monthStart);
  const to = view === 'week' ? addDays(from, 4) : addDays(mondayOf(addDays(`${anchor.slice(0, 8)}28`, 7)), 4);
  const planning = useApiQuery('worksites/planning', { from, to });
  const entries = planning.data ?? [];
  const step = (direction: number) =>
    setAnchor(view === 'week' ? addDays(anchor, 7 * direction) : addDays(`${anchor.slice(0, 8)}15`, 30 * direction));
  const days = (monday: string) => [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
  const weeks: string[] = [];
  for (let monday = from; monday <= to; monday = addDays(monday, 7)) weeks.push(monday);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Planning</Title>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'week' | 'month')}
          data={[
            { value: 'week', label: 'Semaine' },
            { value: 'month', label: 'Mois' },
          ]}
        />
      </Group>
      <Group>
        <Button variant="default" leftSection={<IconChevronLeft size={16} />} onClick={() => step(-1)}>
          {view === 'week' ? 'Semaine précédente' : 'Mois précédent'}
        </Button>
        <Button variant="default" onClick={() => setAnchor(todayInFrance())}>
          Aujourd’hui
        </Button>
        <Button variant="default" rightSection={<IconChevronRight size={16} />} onClick={() => step(1)}>
          {view === 'week' ? 'Semaine suivante' : 'Mois suivant'}
        </Button>
        <Text fw={600} aria-live="polite">
          {view === 'week' ? `Semaine du ${formatFrenchDate(from)}` : frenchMonth(monthStart.slice(0, 7))}
        </Text>
      </Group>
      {planning.error && <Alert color="red">{errorMessage(planning.error)}</Alert>}
      {view === 'week' ? (
        <SimpleGrid cols={5} spacing="xs" aria-label="Planning de la semaine">
          {days(from).map((day) => (
            <Paper key={day} withBorder p="xs" mih={220}>
              <Text fw={700} size="sm">
                {WEEKDAY_LABELS[weekdayOf(day)]} {formatFrenchDate(day).slice(0, 5)}
              </Text>
              {HALF_DAYS.map((halfDay) => (
                <Stack key={halfDay} gap={4} mt="xs">
                  <Text size="xs" c="dimmed">
                    {HALF_DAY_LABELS[halfDay]}
                  </Text>
                  {entries
                    .filter((e) => e.date === day && e.halfDay === halfDay)
                    .map((e) => (
                      <Chip key={e.sessionId} entry={e} />
                    ))}
                </Stack>
              ))}
            </Paper>
          ))}
        </SimpleGrid>
      ) : (
        <Stack gap="xs" aria-label="Planning du mois">
          <SimpleGrid cols={5} spacing="xs">
            {WEEKDAY_LABELS.slice(0, 5).map((d) => (
              <Text key={d} fw={700} size="sm">
                {d}
              </Text>
            ))}
          </SimpleGrid>
          {weeks.map((monday) => (
            <SimpleGrid key={monday} cols={5} spacing="xs">
              {days(monday).map((day) => (
                <Paper
                  key={day}
                  withBorder
                  p={6}
                  mih={90}
                  bg={day.slice(0, 7) === monthStart.slice(0, 7) ? undefined : 'gray.0'}
                >
                  <Text size="xs" fw={600}>
                    {formatFrenchDate(day).slice(0, 5)}
                  </Text>
                  <Stack gap={2}>
                    {entries
                      .filter((e) => e.date === day)
                      .map((e) => (
                        <Chip key={e.sessionId} entry={e} />
                      ))}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          ))}
        </Stack>
      )}
      {planning.data?.length === 0 && <Text c="dimmed">Aucune demi-journée sur cette période.</Text>}
    </Stack>
  );
}
