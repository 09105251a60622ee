import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { countOf } from '@shared/french';
import { useApiQuery } from '../../api/client';

/** On the dashboard, when some six-month FSE+ situations are due: how many, and where to record them. */
export function FseFollowUpsReminder() {
  const list = useApiQuery('fse/followUps');
  const due = (list.data ?? []).filter((f) => f.state === 'a_faire').length;
  if (due === 0) return null;
  return (
    <Alert color="orange" title="Suivis FSE+ à 6 mois">
      <Text size="sm">
        {countOf(due, 'situation à 6 mois', 'situations à 6 mois')} à recueillir.{' '}
        <Anchor component={Link} to="/fse">
          Voir les suivis à 6 mois à faire
        </Anchor>
      </Text>
    </Alert>
  );
}
