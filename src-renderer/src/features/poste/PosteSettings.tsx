import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { call, errorMessage, useApiQuery } from '../../api/client';
import { useConfirm } from '../../ui/confirm';
import { FactsTable } from '../../ui/FactsTable';
import { Fingerprint } from '../../ui/Fingerprint';
import { notifyFailure } from '../../ui/notify';
import { JoinServerForm } from './JoinServerForm';
import { pairedServerFacts } from './paired-server-facts';
import { restartOnOtherData } from './restart';

/**
 * Paramètres › Ce poste (issue 29): whether this PC keeps its own data or
 * works through the office’s Passerelle server; join one, change it, or
 * detach this PC from it.
 */
export function PosteSettings() {
  const status = useApiQuery('poste/status');
  const { ask, modal } = useConfirm();
  const [joining, setJoining] = useState(false);

  if (status.isPending) return <Loader />;
  if (status.error) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const { server } = status.data;

  const detach = async () => {
    const confirmed = await ask({
      title: 'Détacher ce PC du serveur ?',
      message:
        'Ce PC ne travaillera plus avec le serveur Passerelle du bureau : il reprendra ses propres données (celles d’avant l’appairage, ou un Passerelle neuf à configurer). Les données du serveur ne changent pas. Pour le relier de nouveau, il faudra un nouveau code d’appairage.',
      confirmLabel: 'Détacher ce PC',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await call('poste/forget', {});
      restartOnOtherData();
    } catch (error) {
      notifyFailure(error, 'Ce PC reste relié au serveur');
    }
  };

  return (
    <Stack maw={1000}>
      {modal}
      <Title order={2} size="h3">
        Ce poste
      </Title>
      {server ? (
        <>
          <Text>
            Ce PC travaille avec le serveur Passerelle du bureau : les données y sont gardées, aucune n’est gardée sur
            ce PC. Chaque personne s’y connecte avec son propre compte.
          </Text>
          <FactsTable
            label="Serveur de ce poste"
            maw={760}
            facts={[
              ...pairedServerFacts(server),
              { label: 'Empreinte du serveur', value: <Fingerprint value={server.fingerprint} /> },
            ]}
          />
          <Group>
            <Button variant="default" onClick={() => setJoining((open) => !open)}>
              Relier ce PC à un autre serveur
            </Button>
            <Button variant="default" color="red" onClick={() => void detach()}>
              Détacher ce PC du serveur
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text>
            Ce PC garde ses propres données. Si un autre PC du bureau est le serveur Passerelle, ce PC peut s’y relier :
            il travaillera alors sur les données du serveur, et ses propres données resteront dans son dossier, sans
            être utilisées.
          </Text>
          {!joining && (
            <Group>
              <Button onClick={() => setJoining(true)}>Relier ce PC au serveur Passerelle du bureau</Button>
            </Group>
          )}
        </>
      )}
      {joining && <JoinServerForm />}
    </Stack>
  );
}
