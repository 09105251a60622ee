import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PMSMP_OBJECTIVE_LABELS, PMSMP_OUTCOME_LABELS, type Pmsmp } from '@shared/contract/pmsmp';
import { formatFrenchDate } from '@shared/dates';
import { formatDuration } from '@shared/time';
import { useApiMutation, useApiQuery } from '../../api/client';
import { PdfPreview, printPdf } from '../documents/PdfPreview';
import { notifyFailure } from '../../ui/notify';
import { ImmersionModal } from './ImmersionModal';
import { ImmersionBilanModal } from './ImmersionBilanModal';

type Editing =
  | { kind: 'new' }
  | { kind: 'edit'; immersion: Pmsmp }
  | { kind: 'renew'; immersion: Pmsmp }
  | { kind: 'bilan'; immersion: Pmsmp };

/**
 * Immersions (PMSMP, L5135-1): each convention with its host, dates, hours and
 * bilan; renewal once for the same object; the convention and the bilan printed.
 */
export function ImmersionsCard({ personId, birthDate }: { personId: number; birthDate: string | null }) {
  const list = useApiQuery('pmsmp/list', { personId });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [shown, setShown] = useState<{ title: string; base64: string } | null>(null);
  const convention = useApiMutation('pmsmp/printConvention');
  const bilan = useApiMutation('pmsmp/printBilan');

  const print = async (title: string, make: () => Promise<{ pdfBase64: string }>) => {
    try {
      setShown({ title, base64: (await make()).pdfBase64 });
    } catch (error) {
      notifyFailure(error, 'Le document n’est pas établi');
    }
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Immersions (PMSMP)</Title>
        <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'new' })}>
          Nouvelle immersion
        </Button>
      </Group>
      {list.data && list.data.length === 0 && <Text c="dimmed">Aucune immersion en entreprise.</Text>}
      {list.data && list.data.length > 0 && (
        <Table aria-label="Immersions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Entreprise d’accueil</Table.Th>
              <Table.Th>Période</Table.Th>
              <Table.Th>Objet</Table.Th>
              <Table.Th>Heures</Table.Th>
              <Table.Th>Bilan</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text fw={600}>{i.hostName}</Text>
                  <Text size="sm">
                    {i.fields.trade} — tuteur : {i.fields.tutorName}
                  </Text>
                  {i.renewalOf !== null && <Badge variant="light">Renouvellement</Badge>}
                  {i.suspensions.map((s) => (
                    <Text size="sm" c="orange.8" key={s.participationId}>
                      CDDI « {s.worksiteName} » suspendu du {formatFrenchDate(s.from)} au {formatFrenchDate(s.to)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  du {formatFrenchDate(i.fields.startDate)} au {formatFrenchDate(i.fields.endDate)}
                </Table.Td>
                <Table.Td>{PMSMP_OBJECTIVE_LABELS[i.fields.objective]}</Table.Td>
                <Table.Td>
                  {formatDuration(i.weekMinutes)} par semaine
                  <Text size="sm" c="dimmed">
                    {formatDuration(i.plannedMinutes)} en tout
                  </Text>
                </Table.Td>
                <Table.Td>
                  {i.bilan ? (
                    <Badge color={i.bilan.outcome === 'realisee' ? 'teal' : 'orange'}>
                      {PMSMP_OUTCOME_LABELS[i.bilan.outcome]}
                    </Badge>
                  ) : (
                    <Text c="dimmed">à faire</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing({ kind: 'edit', immersion: i })}
                    >
                      Modifier
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={convention.isPending}
                      onClick={() => print('Convention d’immersion', () => convention.mutateAsync({ id: i.id }))}
                    >
                      Imprimer la convention
                    </Button>
                    {i.renewalOf === null && i.renewedBy === null && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing({ kind: 'renew', immersion: i })}
                      >
                        Renouveler
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditing({ kind: 'bilan', immersion: i })}
                    >
                      {i.bilan ? 'Modifier le bilan' : 'Écrire le bilan'}
                    </Button>
                    {i.bilan && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        loading={bilan.isPending}
                        onClick={() => print('Bilan d’immersion', () => bilan.mutateAsync({ id: i.id }))}
                      >
                        Imprimer le bilan
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing?.kind === 'new' && (
        <ImmersionModal personId={personId} birthDate={birthDate} immersion={null} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'edit' && (
        <ImmersionModal
          personId={personId}
          birthDate={birthDate}
          immersion={editing.immersion}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'renew' && (
        <ImmersionModal
          personId={personId}
          birthDate={birthDate}
          immersion={editing.immersion}
          renewing
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'bilan' && (
        <ImmersionBilanModal immersion={editing.immersion} onClose={() => setEditing(null)} />
      )}
      {shown && (
        <Modal opened onClose={() => setShown(null)} title={shown.title} size="xl">
          <Stack>
            <Group>
              <Button onClick={() => printPdf(shown.base64)}>Imprimer</Button>
            </Group>
            <PdfPreview base64={shown.base64} label={shown.title} />
          </Stack>
        </Modal>
      )}
    </Card>
  );
}
