import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ENGINE_LABELS, TLS_MODE_LABELS } from '@shared/contract/storage';
import { errorMessage, useApiQuery } from '../../api/client';
import { PostgresConnectionForm } from './PostgresConnectionForm';

/** Paramètres › Emplacement des données: where the data is now, and a connection test for a server. */
export function StorageSettings() {
  const status = useApiQuery('storage/status');
  if (status.isPending) return <Loader />;
  if (status.error) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const { engine, postgres, databaseFile, postgresAvailable } = status.data;
  return (
    <Stack maw={860}>
      <Title order={2} size="h3">
        Où sont les données
      </Title>
      <Table variant="vertical" withTableBorder aria-label="Emplacement actuel des données">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={220}>Emplacement</Table.Th>
            <Table.Td>{ENGINE_LABELS[engine]}</Table.Td>
          </Table.Tr>
          {databaseFile && (
            <Table.Tr>
              <Table.Th>Fichier</Table.Th>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {databaseFile}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {postgres && (
            <>
              <Table.Tr>
                <Table.Th>Serveur</Table.Th>
                <Table.Td>
                  {postgres.host}:{postgres.port}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Base et utilisateur</Table.Th>
                <Table.Td>
                  {postgres.database} ({postgres.user})
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Connexion chiffrée</Table.Th>
                <Table.Td>{TLS_MODE_LABELS[postgres.tls]}</Table.Td>
              </Table.Tr>
            </>
          )}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h3" mt="md">
        Tester un serveur PostgreSQL
      </Title>
      <Text>
        Pour plusieurs postes, les données peuvent être gardées sur un serveur PostgreSQL de la mairie ou de votre
        prestataire informatique. Vérifiez ici, avec lui, que ce PC peut s’y connecter.
        {postgresAvailable
          ? ''
          : ' Cette version de Passerelle ne sait pas encore y déplacer les données : elles restent sur ce PC.'}
      </Text>
      <PostgresConnectionForm />
    </Stack>
  );
}
