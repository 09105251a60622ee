import { Alert, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ACTIVITY_LABELS } from '@shared/contract/worksites';
import { formatFrenchDate } from '@shared/dates';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { BilanTab } from './BilanTab';
import { EvaluationTab } from './EvaluationTab';
import { HealthChecksTab } from './HealthChecksTab';
import { ObservationsTab } from './ObservationsTab';
import { deName } from '@shared/french';

/** One person on one worksite: evaluations, observations, health checks and, for social staff, the bilan. */
export function FollowUpPage() {
  const { id, participationId } = useParams();
  const { can } = useSignedIn();
  const sheet = useApiQuery('evaluations/get', { participationId: Number(participationId) });
  if (sheet.isPending) return <Loader />;
  if (sheet.error) return <Alert color="red">{errorMessage(sheet.error)}</Alert>;
  const p = sheet.data.participation;
  return (
    <Stack maw={1100}>
      <Text size="sm">
        <Link to="/worksites">Chantiers</Link> › <Link to={`/worksites/${id}`}>{p.worksiteName}</Link>
      </Text>
      <Title order={1}>Suivi {deName(p.name)}</Title>
      <Text size="sm">
        {ACTIVITY_LABELS[p.activity]} — du {formatFrenchDate(p.startDate)} au {formatFrenchDate(p.end)}
      </Text>
      <Tabs defaultValue="evaluations" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="evaluations">Évaluations</Tabs.Tab>
          <Tabs.Tab value="observations">Observations</Tabs.Tab>
          <Tabs.Tab value="health">Visites de santé</Tabs.Tab>
          {can('bilans/get') && <Tabs.Tab value="bilan">Bilan</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="evaluations" pt="lg">
          <EvaluationTab sheet={sheet.data} />
        </Tabs.Panel>
        <Tabs.Panel value="observations" pt="lg">
          <ObservationsTab participationId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="health" pt="lg">
          <HealthChecksTab participationId={p.id} />
        </Tabs.Panel>
        {can('bilans/get') && (
          <Tabs.Panel value="bilan" pt="lg">
            <BilanTab participationId={p.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
