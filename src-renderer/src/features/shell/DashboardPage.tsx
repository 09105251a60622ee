import { Alert, Anchor, Card, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { followsCaseload } from '@shared/capabilities';
import { formatFrenchDate } from '@shared/dates';
import { formatEuros } from '@shared/money';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { BackupButtons, LastBackup } from '../backup/BackupReminder';
import { CaseloadHint } from '../people/CaseloadHint';
import { FirstWeekChecklist } from './FirstWeekChecklist';
import { RoleGuide } from './RoleGuide';
import { TodoCards } from './TodoCards';
import { FseFollowUpsReminder } from '../fse/FseFollowUpsReminder';

function StructureSummary() {
  const settings = useApiQuery('settings/get');
  const { can } = useSignedIn();
  if (settings.isPending) return <Loader />;
  if (settings.error) return <Alert color="red">{errorMessage(settings.error)}</Alert>;
  const { employers, wageRateToday, hours } = settings.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder>
        <Text fw={700}>Employeurs</Text>
        <List size="sm" mt="xs">
          {employers
            .filter((e) => !e.archived)
            .map((e) => (
              <List.Item key={e.id}>{e.name}</List.Item>
            ))}
        </List>
      </Card>
      <Card withBorder>
        <Text fw={700}>Demi-journées</Text>
        <Text size="sm" mt="xs">
          Matin {hours.morningStart}–{hours.morningEnd}
          <br />
          Après-midi {hours.afternoonStart}–{hours.afternoonEnd}
        </Text>
      </Card>
      <Card withBorder>
        <Text fw={700}>SMIC horaire brut en vigueur</Text>
        <Text size="sm" mt="xs">
          {wageRateToday
            ? `${formatEuros(wageRateToday.hourlyCents)} depuis le ${formatFrenchDate(wageRateToday.effectiveFrom)}`
            : 'Aucun taux n’est en vigueur aujourd’hui : ajoutez-le.'}
        </Text>
        {can('settings/addWageRate') && (
          <Anchor component={Link} to="/settings" size="sm">
            Modifier dans Paramètres
          </Anchor>
        )}
      </Card>
    </SimpleGrid>
  );
}

/** The last verified USB backup; red after 7 days, with the way to make one. */
function BackupReminder() {
  const status = useApiQuery('backup/status');
  const info = useApiQuery('app/info');
  if (!status.data) return null;
  return (
    <Stack gap="xs">
      <LastBackup status={status.data} />
      {status.data.stale &&
        (status.data.configured || info.data?.filesFrom === 'client' ? (
          <BackupButtons status={status.data} />
        ) : (
          <Anchor component={Link} to="/backup" size="sm">
            Choisir la phrase de passe des sauvegardes
          </Anchor>
        ))}
    </Stack>
  );
}

export function DashboardPage() {
  const { user, can } = useSignedIn();
  return (
    <Stack>
      <Title order={1}>Tableau de bord</Title>
      <Text>Bonjour {user.displayName}.</Text>
      {followsCaseload(user.role) && <CaseloadHint />}
      {can('dashboard/checklist') && <FirstWeekChecklist />}
      {can('backup/status') && <BackupReminder />}
      {can('dashboard/summary') && <TodoCards />}
      {can('fse/followUps') && <FseFollowUpsReminder />}
      {can('settings/get') ? <StructureSummary /> : <RoleGuide />}
    </Stack>
  );
}
