import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Contact, Organisation } from '@shared/contract/contacts';
import { ORGANISATION_KIND_LABELS } from '@shared/contract/people-lists';
import { formatFrenchDate } from '@shared/dates';
import { errorMessage, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { ContactModal } from './ContactModal';
import { OrganisationModal } from './OrganisationModal';
import { formatPhone } from '@shared/french';

/** Prescribers, partners, funders and their people: changed once, seen everywhere. */
export function ContactsPage() {
  const { can } = useSignedIn();
  const editable = can('contacts/saveOrganisation');
  const directory = useApiQuery('contacts/list', { includeArchived: false });
  const [organisation, setOrganisation] = useState<Organisation | 'new' | null>(null);
  const [contact, setContact] = useState<{ organisationId: number; contact: Contact | null } | null>(null);

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>Contacts</Title>
        {editable && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setOrganisation('new')}>
            Nouvel organisme
          </Button>
        )}
      </Group>
      {directory.isPending && <Loader />}
      {directory.error && <Alert color="red">{errorMessage(directory.error)}</Alert>}
      {directory.data?.length === 0 && (
        <Text c="dimmed">Aucun organisme pour l’instant : ajoutez vos prescripteurs et partenaires.</Text>
      )}
      {directory.data?.map((o) => (
        <Card withBorder key={o.id} aria-label={`Organisme ${o.name}`}>
          <Group justify="space-between" mb="xs">
            <div>
              <Text fw={700}>{o.name}</Text>
              <Text size="sm" c="dimmed">
                {ORGANISATION_KIND_LABELS[o.kind]}
                {o.phone ? ` · ${formatPhone(o.phone)}` : ''}
                {o.email ? ` · ${o.email}` : ''}
              </Text>
            </div>
            {editable && (
              <Group gap="xs">
                <Button size="xs" variant="subtle" onClick={() => setOrganisation(o)}>
                  Modifier
                </Button>
                <Button size="xs" variant="light" onClick={() => setContact({ organisationId: o.id, contact: null })}>
                  Ajouter un contact
                </Button>
              </Group>
            )}
          </Group>
          {o.contacts.length > 0 && (
            <Table>
              <Table.Tbody>
                {o.contacts.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {c.firstName} {c.lastName}
                      {c.leftOn && (
                        <Badge color="orange" ml="xs" size="sm">
                          parti·e le {formatFrenchDate(c.leftOn)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{c.service}</Table.Td>
                    <Table.Td>{c.phone ? formatPhone(c.phone) : ''}</Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    <Table.Td>
                      {editable && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setContact({ organisationId: o.id, contact: c })}
                        >
                          Modifier
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
      {organisation !== null && (
        <OrganisationModal
          organisation={organisation === 'new' ? null : organisation}
          onClose={() => setOrganisation(null)}
        />
      )}
      {contact !== null && (
        <ContactModal
          organisationId={contact.organisationId}
          contact={contact.contact}
          onClose={() => setContact(null)}
        />
      )}
    </Stack>
  );
}
