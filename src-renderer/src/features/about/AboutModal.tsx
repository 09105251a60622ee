import { List, Modal, Stack, Text, Title } from '@mantine/core';
import { longFrenchDate } from '@shared/dates';
import { useApiQuery } from '../../api/client';

/**
 * Which Passerelle this is, and how to update it without a network service:
 * run the newer installer; the data stay where they are and the first start
 * copies them before changing anything.
 */
export function AboutModal({ onClose }: { onClose: () => void }) {
  const info = useApiQuery('app/info');
  const version = info.data;
  return (
    <Modal opened onClose={onClose} title="À propos de Passerelle" size="lg">
      <Stack gap="sm">
        {version && (
          <Text>
            Version <strong>{version.version}</strong>
            {version.builtOn ? ` du ${longFrenchDate(version.builtOn)}` : ' (version de développement)'},{' '}
            {version.mode === 'desktop' ? 'application de bureau' : 'mode navigateur'}.
          </Text>
        )}
        <Title order={2} size="h4">
          Mettre Passerelle à jour
        </Title>
        <List spacing="xs">
          <List.Item>Faites d’abord une sauvegarde sur clé USB (écran Sauvegardes).</List.Item>
          <List.Item>
            Lancez le nouvel installateur reçu (fichier « Passerelle-Setup-….exe ») sur ce PC, avec votre compte Windows
            habituel : il ne demande pas de droits d’administrateur.
          </List.Item>
          <List.Item>
            Vos données restent à leur place. Au premier démarrage, Passerelle en fait une copie avant de les mettre à
            jour.
          </List.Item>
          <List.Item>
            Un installateur plus ancien que la version installée refuse de la remplacer : vos données, déjà mises à
            jour, ne seraient plus lisibles par lui.
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Passerelle ne se connecte à aucun service sur internet : rien n’est vérifié ni téléchargé sans vous.
        </Text>
      </Stack>
    </Modal>
  );
}
