import { Badge, Button, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { JOURNEY_STATUS_LABELS, OUTCOME_CATEGORY_LABELS, type JourneyStatus } from '@shared/contract/journey-lists';
import { agreeLabel, type Civility } from '@shared/agreement';
import type { Journey } from '@shared/contract/people';
import { formatFrenchDate } from '@shared/dates';
import { useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useSignedIn } from '../auth/SessionContext';
import { todayInFrance } from './defaults';
import { OutcomeModal } from './OutcomeModal';
import { StepModal } from './StepModal';

/** An immersion (PMSMP) on the parcours, between its steps. */
interface ImmersionStep {
  startDate: string;
  endDate: string;
  hostName: string;
}

function JourneyTimeline({
  journey,
  civility,
  immersions,
}: {
  journey: Journey;
  civility: Civility;
  immersions: ImmersionStep[];
}) {
  const items = [
    ...journey.events.map((e) => ({
      on: e.happenedOn,
      title: agreeLabel(civility, JOURNEY_STATUS_LABELS[e.status]),
      detail: `${formatFrenchDate(e.happenedOn)}${e.reason ? ` — ${e.reason}` : ''}`,
    })),
    ...immersions.map((i) => ({
      on: i.startDate,
      title: `Immersion chez ${i.hostName}`,
      detail: `du ${formatFrenchDate(i.startDate)} au ${formatFrenchDate(i.endDate)}`,
    })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  return (
    <Timeline active={items.length - 1} bulletSize={14} lineWidth={2}>
      {items.map((item, i) => (
        <Timeline.Item key={i} title={item.title}>
          <Text size="sm" c="dimmed">
            {item.detail}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** The current parcours with its next steps, and the earlier ones; the steps agree with the person's civility ("Admise", "Admis"). */
export function JourneyCard({
  personId,
  journeys,
  civility,
}: {
  personId: number;
  journeys: Journey[];
  civility: Civility;
}) {
  const { can } = useSignedIn();
  const editable = can('people/moveJourney');
  const open = useApiMutation('people/openJourney');
  const [step, setStep] = useState<{ journeyId: number; status: JourneyStatus } | null>(null);
  const [outcomeOf, setOutcomeOf] = useState<Journey | null>(null);
  const immersions = useApiQuery('pmsmp/list', { personId }, { enabled: can('pmsmp/list') }).data ?? [];
  // Each immersion on the parcours during which it began (the parcours are listed most recent first).
  const immersionsOf = (index: number) =>
    immersions
      .filter(
        (i) =>
          i.fields.startDate >= journeys[index]!.openedOn &&
          (index === 0 || i.fields.startDate < journeys[index - 1]!.openedOn),
      )
      .map((i) => ({ startDate: i.fields.startDate, endDate: i.fields.endDate, hostName: i.hostName }));
  const current = journeys[0];
  const closed = !current || current.next.length === 0;

  const openJourney = async () => {
    try {
      await open.mutateAsync({ personId, openedOn: todayInFrance() });
      notifySuccess('Un nouveau parcours commence : la personne est orientée.');
    } catch (error) {
      notifyFailure(error);
    }
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Parcours</Title>
        {editable && closed && (
          <Button size="xs" variant="light" onClick={() => void openJourney()} loading={open.isPending}>
            {current ? 'Ouvrir un nouveau parcours' : 'Orienter vers un chantier'}
          </Button>
        )}
      </Group>
      {!current && <Text c="dimmed">Aucun parcours pour l’instant.</Text>}
      {journeys.map((journey, index) => (
        <Stack key={journey.id} gap="xs" mb="md">
          <Group gap="xs">
            <Text fw={600}>
              {index === 0
                ? 'Parcours en cours ou le plus récent'
                : `Parcours du ${formatFrenchDate(journey.openedOn)}`}
            </Text>
            <Badge variant="light">{agreeLabel(civility, JOURNEY_STATUS_LABELS[journey.status])}</Badge>
          </Group>
          <JourneyTimeline journey={journey} civility={civility} immersions={immersionsOf(index)} />
          {journey.outcome && (
            <Text size="sm">
              Sortie : {OUTCOME_CATEGORY_LABELS[journey.outcome.category]}
              {journey.outcome.detail ? ` — ${journey.outcome.detail}` : ''}
              {journey.outcome.afterThreeMonths ? ` · à 3 mois : ${journey.outcome.afterThreeMonths}` : ''}
              {journey.outcome.afterSixMonths ? ` · à 6 mois : ${journey.outcome.afterSixMonths}` : ''}
            </Text>
          )}
          {editable && index === 0 && (
            <Group gap="xs">
              {journey.next
                .filter((s) => s !== 'sortie')
                .map((status) => (
                  <Button
                    key={status}
                    size="xs"
                    variant="default"
                    onClick={() => setStep({ journeyId: journey.id, status })}
                  >
                    {agreeLabel(civility, JOURNEY_STATUS_LABELS[status])}
                  </Button>
                ))}
              {journey.next.includes('sortie') && (
                <Button size="xs" color="orange" variant="light" onClick={() => setOutcomeOf(journey)}>
                  Enregistrer la sortie
                </Button>
              )}
              {journey.status === 'sortie' && can('people/recordOutcome') && (
                <Button size="xs" variant="subtle" onClick={() => setOutcomeOf(journey)}>
                  Suivi à 3 et 6 mois
                </Button>
              )}
            </Group>
          )}
        </Stack>
      ))}
      {step && (
        <StepModal journeyId={step.journeyId} status={step.status} civility={civility} onClose={() => setStep(null)} />
      )}
      {outcomeOf && (
        <OutcomeModal journeyId={outcomeOf.id} outcome={outcomeOf.outcome} onClose={() => setOutcomeOf(null)} />
      )}
    </Card>
  );
}
