import { Button, Card, Group, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { followsCaseload } from '@shared/capabilities';
import { useSignedIn } from '../auth/SessionContext';
import { CaseloadHint } from './CaseloadHint';

/** The people list before the first record: what to do first, for the role that can. */
export function PeopleEmptyState() {
  const { user, can } = useSignedIn();
  if (followsCaseload(user.role)) return <CaseloadHint />;
  if (!can('people/create')) {
    return (
      <Text>
        Aucune personne sur vos chantiers pour l’instant. Les participants apparaissent ici dès que la coordination les
        inscrit sur un chantier dont vous êtes l’encadrant.
      </Text>
    );
  }
  return (
    <Card withBorder>
      <Text fw={700} size="lg" component="h2">
        Aucune personne enregistrée pour l’instant
      </Text>
      <Text mt="xs">
        Créez la première fiche, ou reprenez d’un coup le tableau (Excel ou CSV) que vous teniez jusqu’ici.
      </Text>
      <Group mt="md">
        <Button component={Link} to="/people/new" leftSection={<IconPlus size={18} />}>
          Créer une fiche
        </Button>
        {can('people/importCommit') && (
          <Button component={Link} to="/people/import" variant="light" leftSection={<IconFileImport size={18} />}>
            Importer un tableau
          </Button>
        )}
      </Group>
    </Card>
  );
}
