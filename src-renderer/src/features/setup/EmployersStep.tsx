import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { EmployerInput } from '@shared/contract/settings';
import { EmployerCard } from '../settings/EmployerCard';
import { EmployerFormModal } from '../settings/EmployerFormModal';
import { WithHelp } from '../../ui/TermHelp';

/** The employers named on contracts; edited locally until the wizard is finished. */
export function EmployersStep(props: { employers: EmployerInput[]; onChange: (employers: EmployerInput[]) => void }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  const save = (employer: EmployerInput) => {
    const next = [...props.employers];
    if (editing === 'new') next.push(employer);
    else if (editing !== null) next[editing] = employer;
    props.onChange(next);
    setEditing(null);
  };

  return (
    <Stack mt="md">
      <Alert color="blue" variant="light">
        Passerelle n’est jamais l’employeur : elle prépare les contrats et les heures au nom de l’employeur choisi pour
        chaque chantier. Pour une MESP, c’est l’<WithHelp term="employeurPortage">association de portage</WithHelp>{' '}
        (souvent une association intermédiaire) ; pour un ACI, le CCAS lui-même.
      </Alert>
      {props.employers.map((employer, index) => (
        <EmployerCard
          key={`${employer.siret}-${index}`}
          employer={employer}
          actions={[
            { label: 'Modifier', onClick: () => setEditing(index) },
            {
              label: 'Retirer',
              color: 'red',
              onClick: () => props.onChange(props.employers.filter((_, i) => i !== index)),
            },
          ]}
        />
      ))}
      {props.employers.length === 0 && <Text c="dimmed">Aucun employeur pour l’instant.</Text>}
      <Button leftSection={<IconPlus size={18} />} variant="light" onClick={() => setEditing('new')} w="fit-content">
        Ajouter un employeur
      </Button>
      {editing !== null && (
        <EmployerFormModal
          title={editing === 'new' ? 'Nouvel employeur' : 'Modifier l’employeur'}
          initial={editing === 'new' ? undefined : props.employers[editing]}
          onSubmit={save}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
