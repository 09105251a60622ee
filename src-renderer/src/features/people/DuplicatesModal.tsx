import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PersonSummary } from '@shared/contract/people';
import { formatFrenchDate } from '@shared/dates';

/** "This person may already have a record": open it, or confirm it is someone else. */
export function DuplicatesModal(props: { candidates: PersonSummary[]; onConfirm: () => void; onClose: () => void }) {
  return (
    <Modal opened onClose={props.onClose} title="Cette personne a peut-être déjà une fiche" size="lg">
      <Stack>
        <Text>
          Une fiche existe avec le même nom et la même date de naissance (ou le même n° de sécurité sociale). Ouvrez-la
          plutôt que d’en créer une seconde.
        </Text>
        <Table withTableBorder aria-label="Fiches existantes">
          <Table.Tbody>
            {props.candidates.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.firstNames} {c.lastName}
                  {c.birthName ? ` (née ${c.birthName})` : ''}
                </Table.Td>
                <Table.Td>{formatFrenchDate(c.birthDate)}</Table.Td>
                <Table.Td>{c.town}</Table.Td>
                <Table.Td>
                  <Button component={Link} to={`/people/${c.id}`} size="xs" variant="light" onClick={props.onClose}>
                    Ouvrir cette fiche
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button color="orange" onClick={props.onConfirm}>
            C’est une autre personne : créer la fiche
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
