import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { AsyncForm } from '../../ui/AsyncForm';

/** The person's matricule at each employer they worked for: the key the employer's payroll software imports by. */
export function MatriculesCard({ personId }: { personId: number }) {
  const list = useApiQuery('payroll/matricules', { personId });
  if (!list.data || list.data.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={3} mb="xs">
        Matricules chez les employeurs
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Le matricule que l’employeur a donné à la personne : il accompagne ses heures dans le fichier des variables de
        paie.
      </Text>
      <Stack gap="xs">
        {list.data.map((row) => (
          <MatriculeField
            key={row.employerId}
            personId={personId}
            employerId={row.employerId}
            employerName={row.employerName}
            saved={row.matricule ?? ''}
          />
        ))}
      </Stack>
    </Card>
  );
}

function MatriculeField({
  personId,
  employerId,
  employerName,
  saved,
}: {
  personId: number;
  employerId: number;
  employerName: string;
  saved: string;
}) {
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('payroll/setMatricule');
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ personId, employerId, matricule: value.trim() });
      notifySuccess(`Matricule chez ${employerName} enregistré.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <AsyncForm onSubmit={submit}>
      <Group align="flex-end">
        <TextInput
          label={`Matricule chez ${employerName}`}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          w={420}
        />
        <Button type="submit" variant="light" loading={save.isPending} disabled={value.trim() === saved}>
          Enregistrer
        </Button>
      </Group>
    </AsyncForm>
  );
}
