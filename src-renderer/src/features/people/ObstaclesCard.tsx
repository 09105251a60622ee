import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { OBSTACLE_KIND_LABELS } from '@shared/contract/journey-lists';
import type { Obstacle } from '@shared/contract/people';
import { formatFrenchDate } from '@shared/dates';
import { useSignedIn } from '../auth/SessionContext';
import { ObstacleModal } from './ObstacleModal';
import { WithHelp } from '../../ui/TermHelp';

/** Freins: when each was identified, what was done, when it was lifted. */
export function ObstaclesCard({ personId, obstacles }: { personId: number; obstacles: Obstacle[] }) {
  const { can } = useSignedIn();
  const [editing, setEditing] = useState<Obstacle | 'new' | null>(null);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <WithHelp term="frein">
          <Title order={3}>Freins</Title>
        </WithHelp>
        {can('people/saveObstacle') && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Ajouter un frein
          </Button>
        )}
      </Group>
      {obstacles.length === 0 ? (
        <Text c="dimmed">Aucun frein repéré.</Text>
      ) : (
        <Table aria-label="Freins">
          <Table.Tbody>
            {obstacles.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Text fw={600}>{OBSTACLE_KIND_LABELS[o.kind]}</Text>
                </Table.Td>
                <Table.Td>repéré le {formatFrenchDate(o.identifiedOn)}</Table.Td>
                <Table.Td>{o.actions}</Table.Td>
                <Table.Td>
                  {o.resolvedOn ? (
                    <Badge color="teal">levé le {formatFrenchDate(o.resolvedOn)}</Badge>
                  ) : (
                    <Badge color="orange">en cours</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {can('people/saveObstacle') && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(o)}>
                      Modifier
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <ObstacleModal
          personId={personId}
          obstacle={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
