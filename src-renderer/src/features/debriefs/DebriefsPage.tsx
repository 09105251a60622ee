import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { Debrief } from '@shared/contract/debriefs';
import { formatFrenchDate } from '@shared/dates';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';

function NoteField({ debrief }: { debrief: Debrief }) {
  const [note, setNote] = useState(debrief.note);
  const save = useApiMutation('debriefs/saveNote');
  return (
    <Group align="flex-end" wrap="nowrap">
      <Textarea
        aria-label={`Note — ${debrief.personName}, ${formatFrenchDate(debrief.date)}`}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        maxLength={600}
        autosize
        minRows={1}
        style={{ flex: 1 }}
      />
      <Button
        size="xs"
        variant="light"
        loading={save.isPending}
        disabled={note === debrief.note}
        onClick={async () => {
          try {
            await save.mutateAsync({ annexTimeId: debrief.annexTimeId, note });
            notifySuccess('La note est enregistrée.');
          } catch (error) {
            notifyFailure(error, 'La note n’est pas enregistrée');
          }
        }}
      >
        Enregistrer
      </Button>
    </Group>
  );
}

/** The psychologist's debriefs: when and with whom, and her own short note that nobody else reads. */
export function DebriefsPage() {
  const list = useApiQuery('debriefs/list');
  return (
    <Stack maw={1000}>
      <Title order={1}>Entretiens</Title>
      <Alert color="blue" variant="light">
        Vos notes ne sont visibles que par vous. Elles n’apparaissent dans aucun document, bilan ni export ; n’y écrivez
        rien de clinique (quelques mots pour vous souvenir de l’entretien).
      </Alert>
      {list.isPending && <Loader />}
      {list.error && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.data?.length === 0 && <Text c="dimmed">Aucun entretien prévu.</Text>}
      {list.data && list.data.length > 0 && (
        <Card withBorder>
          <Table aria-label="Entretiens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Chantier</Table.Th>
                <Table.Th>Votre note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((d) => (
                <Table.Tr key={d.annexTimeId}>
                  <Table.Td>
                    {formatFrenchDate(d.date)}
                    <Text size="xs" c="dimmed">
                      {d.start}–{d.end}
                    </Text>
                    {d.done === false && (
                      <Badge size="xs" color="gray">
                        N’a pas eu lieu
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{d.personName}</Table.Td>
                  <Table.Td>{d.worksiteName}</Table.Td>
                  <Table.Td>
                    <NoteField debrief={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
