import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ErrorPayload } from '@shared/errors';
import { JoinServerForm } from './JoinServerForm';

/**
 * The server no longer accepts this PC (revoked by the administrator, a secret
 * this PC cannot read back) or another certificate answers at its address:
 * the French reason, and pairing again (a new code, the fingerprint compared
 * again) in place of every screen.
 */
export function PairingLost({ error, onCancel }: { error: ErrorPayload; onCancel?: () => void }) {
  const untrusted = error.code === 'SERVER_UNTRUSTED';
  const unreachable = error.code === 'SERVER_UNREACHABLE';
  return (
    <Container component="main" size="lg" py="xl">
      <Stack>
        <Title order={1}>
          {untrusted
            ? 'Le serveur Passerelle n’est pas reconnu'
            : unreachable
              ? 'Relier ce PC au serveur Passerelle'
              : 'Ce PC n’est plus relié au serveur Passerelle'}
        </Title>
        <Alert
          color={untrusted ? 'red' : 'orange'}
          title={untrusted ? 'Connexion refusée' : unreachable ? 'Le serveur ne répond pas' : 'Poste non reconnu'}
        >
          <Stack gap="xs">
            <Text size="sm">{error.message}</Text>
            {onCancel && (
              <Group>
                <Button variant="default" size="xs" onClick={onCancel}>
                  Revenir à l’écran précédent
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Title order={2} size="h4">
              Appairer ce PC de nouveau
            </Title>
            <JoinServerForm
              intro={
                unreachable
                  ? 'Saisissez la nouvelle adresse du serveur, comparez son empreinte avec celle qu’il affiche, puis saisissez un code d’appairage que l’administrateur crée sur le serveur.'
                  : untrusted
                    ? 'Si le PC serveur a été réinstallé ou remplacé, l’administrateur vous donne sa nouvelle empreinte et un code : comparez l’empreinte avant de saisir le code. Sinon, n’allez pas plus loin et prévenez-le.'
                    : 'Demandez un nouveau code d’appairage à l’administrateur (Paramètres › Poste serveur, sur un PC où il est connecté).'
              }
            />
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
