import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ACTIVITY_LABELS, WORKSITE_STATUS_LABELS } from '@shared/contract/worksites';
import { formatFrenchDate } from '@shared/dates';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { WorksiteFormModal } from './WorksiteFormModal';

export function WorksitesPage() {
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const worksites = useApiQuery('worksites/list');
  const settings = useApiQuery('settings/get', undefined, { enabled: can('worksites/save') });
  const [creating, setCreating] = useState(false);

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>Chantiers</Title>
        {can('worksites/save') && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} disabled={!settings.data}>
            Nouveau chantier
          </Button>
        )}
      </Group>
      {worksites.isPending && <Loader />}
      {worksites.error && <Alert color="red">{errorMessage(worksites.error)}</Alert>}
      {worksites.data?.length === 0 && <Text c="dimmed">Aucun chantier pour l’instant.</Text>}
      {worksites.data && worksites.data.length > 0 && (
        <Table withTableBorder striped highlightOnHover aria-label="Chantiers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Chantier</Table.Th>
              <Table.Th>Activité</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Demi-journées</Table.Th>
              <Table.Th>Encadrant</Table.Th>
              <Table.Th>État</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {worksites.data.map((w) => (
              <Table.Tr key={w.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/worksites/${w.id}`)}>
                <Table.Td>
                  <Link to={`/worksites/${w.id}`} onClick={(e) => e.stopPropagation()}>
                    {w.name}
                  </Link>
                  <Badge ml="xs" size="sm" variant="outline">
                    {w.kind.toUpperCase()}
                  </Badge>
                </Table.Td>
                <Table.Td>{ACTIVITY_LABELS[w.activity]}</Table.Td>
                <Table.Td>
                  {formatFrenchDate(w.startDate)} → {formatFrenchDate(w.endDate)}
                </Table.Td>
                <Table.Td>{w.sessionCount}</Table.Td>
                <Table.Td>{w.supervisorName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{WORKSITE_STATUS_LABELS[w.status]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && settings.data && (
        <WorksiteFormModal
          worksite={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => navigate(`/worksites/${id}`)}
        />
      )}
    </Stack>
  );
}
