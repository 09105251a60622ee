import { Alert, Badge, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LanDevice } from '@shared/contract/lan';
import { formatFrenchInstant } from '@shared/paris-time';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useConfirm } from '../../ui/confirm';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/**
 * Paramètres › Poste serveur (issue 29): the Passerelle server’s address and
 * certificate fingerprint, one-time pairing codes, and the paired PCs, each
 * of which can be revoked.
 */
export function LanServerSettings() {
  const status = useApiQuery('lan/status');
  const createCode = useApiMutation('lan/createPairingCode');
  const revoke = useApiMutation('lan/revokeDevice');
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const { ask, modal } = useConfirm();

  const makeCode = async () => {
    try {
      setCode(await createCode.mutateAsync({}));
    } catch (error) {
      notifyFailure(error, 'Le code n’a pas été créé');
    }
  };

  const revokeDevice = async (device: LanDevice) => {
    const confirmed = await ask({
      title: `Révoquer « ${device.name} » ?`,
      message:
        'Ce PC ne pourra plus joindre le serveur, et les personnes connectées depuis ce PC sont déconnectées. Pour le relier de nouveau, il faudra un nouveau code d’appairage.',
      confirmLabel: 'Révoquer ce poste',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await revoke.mutateAsync({ id: device.id });
      notifySuccess(`Le poste « ${device.name} » est révoqué.`);
    } catch (error) {
      notifyFailure(error);
    }
  };

  if (status.isPending) return <Loader />;
  if (status.error) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const { server, devices, liveCodes } = status.data;
  const where = server
    ? server.address.includes(':')
      ? `[${server.address}]:${server.port}`
      : `${server.address}:${server.port}`
    : '';
  return (
    <Stack maw={1000}>
      {modal}
      <Title order={2} size="h3">
        Le serveur Passerelle du bureau
      </Title>
      {server ? (
        <Table variant="vertical" withTableBorder aria-label="Poste serveur">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={260}>Adresse à saisir sur les autres PC</Table.Th>
              <Table.Td>
                <Code>{where}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Empreinte du certificat (SHA-256)</Table.Th>
              <Table.Td>
                {/* In two halves of 16 bytes, easier to compare than one wrapped line. */}
                <Text ff="monospace" size="sm" data-testid="lan-fingerprint">
                  {server.fingerprint.slice(0, 47)}
                  <br />
                  {server.fingerprint.slice(48)}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : (
        <Text>
          Ce Passerelle ne fonctionne pas en poste serveur : les autres PC du bureau ne peuvent pas encore s’y relier.
          Pour en faire le serveur du bureau, votre prestataire informatique l’installe en répondant « Oui » à « Ce PC
          est-il le serveur Passerelle du bureau ? » (voir le guide « Plusieurs postes »).
        </Text>
      )}
      <Text>
        Sur chaque PC à relier, saisissez l’adresse ci-dessus, vérifiez que l’empreinte affichée est la même, groupe par
        groupe, puis saisissez un code d’appairage. Un code sert une seule fois et expire au bout de 10 minutes.
      </Text>
      <Group>
        <Button onClick={makeCode} loading={createCode.isPending}>
          Créer un code d’appairage
        </Button>
        {liveCodes > 0 && !code && (
          <Text c="dimmed" size="sm">
            {liveCodes === 1 ? 'Un code attend d’être utilisé.' : `${liveCodes} codes attendent d’être utilisés.`}
          </Text>
        )}
      </Group>
      {code && (
        <Alert color="blue" title="Code d’appairage">
          <Text size="xl" ff="monospace" fw={700} data-testid="lan-pairing-code">
            {code.code}
          </Text>
          <Text size="sm">
            Valable jusqu’au {formatFrenchInstant(code.expiresAt)}, pour un seul PC. Il ne sera plus affiché ensuite.
          </Text>
        </Alert>
      )}
      <Title order={2} size="h3" mt="md">
        Postes appairés
      </Title>
      {devices.length === 0 ? (
        <Text>Aucun PC n’est encore appairé.</Text>
      ) : (
        <Table striped withTableBorder aria-label="Postes appairés">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Poste</Table.Th>
              <Table.Th>Appairé le</Table.Th>
              <Table.Th>Vu pour la dernière fois</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {devices.map((device) => (
              <Table.Tr key={device.id}>
                <Table.Td>{device.name}</Table.Td>
                <Table.Td>{formatFrenchInstant(device.createdAt)}</Table.Td>
                <Table.Td>{device.lastSeenAt ? formatFrenchInstant(device.lastSeenAt) : '—'}</Table.Td>
                <Table.Td>
                  {device.revokedAt ? (
                    <Text size="sm" c="dimmed">
                      Révoqué le {formatFrenchInstant(device.revokedAt)}
                      {device.revokedByName ? ` par ${device.revokedByName}` : ''}
                    </Text>
                  ) : (
                    <Badge color="green" variant="light">
                      Autorisé
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!device.revokedAt && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => revokeDevice(device)}
                      aria-label={`Révoquer ${device.name}`}
                    >
                      Révoquer
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
