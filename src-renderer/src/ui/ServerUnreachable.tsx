import { Alert, Button, Group, Portal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { askToPairAgain, call, useApiQuery } from '../api/client';
import { currentReach, onReachChange, RECHECK_EVERY_MS } from '../api/connection';

/** Any answer will do: `app/info` reads nothing and needs no session. */
async function ask(): Promise<void> {
  await call('app/info').catch(() => undefined);
}

/**
 * « Le serveur Passerelle ne répond pas » (issue 29): shown over every screen,
 * modals included, while main does not answer. The screen underneath stays as
 * it is, typing included (`api/connection.ts`); the app asks again every few
 * seconds by itself, and « Réessayer » asks at once.
 */
export function ServerUnreachable() {
  const [reach, setReach] = useState(currentReach);
  const [asking, setAsking] = useState(false);
  // Answered by this PC even when the server does not: a PC paired with the office's server may be paired again.
  const poste = useApiQuery('poste/status', undefined, { enabled: reach === 'unreachable' });

  useEffect(
    () =>
      onReachChange((next) => {
        setReach(next);
        if (next === 'ok') {
          notifications.show({
            color: 'teal',
            title: 'Le serveur Passerelle répond de nouveau',
            message: 'Vous pouvez reprendre : enregistrez ce qui ne l’a pas été.',
          });
        }
      }),
    [],
  );

  useEffect(() => {
    if (reach !== 'unreachable') return;
    const timer = setInterval(() => void ask(), RECHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [reach]);

  if (reach !== 'unreachable') return null;
  return (
    <Portal>
      <Alert
        role="alert"
        color="red"
        variant="filled"
        icon={<IconPlugConnectedX aria-hidden />}
        title="Le serveur Passerelle ne répond pas"
        style={{ position: 'fixed', left: 16, bottom: 16, width: 560, maxWidth: 'calc(100vw - 32px)', zIndex: 1000 }}
      >
        <Stack gap="xs">
          <Text size="sm">
            Vos saisies restent à l’écran, mais rien n’est enregistré tant qu’il ne répond pas. Vérifiez que le PC du
            serveur est allumé et relié au réseau (ou, sur ce PC, que Passerelle est toujours ouvert). Passerelle
            réessaie tout seul ; enregistrez de nouveau quand il répond.
          </Text>
          <Group>
            <Button
              size="xs"
              variant="white"
              color="red"
              loading={asking}
              onClick={() => {
                setAsking(true);
                void ask().finally(() => setAsking(false));
              }}
            >
              Réessayer
            </Button>
            {poste.data?.mode === 'client' && (
              <Button size="xs" variant="subtle" color="white" onClick={askToPairAgain}>
                Le serveur a changé d’adresse ? Appairer ce PC de nouveau
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
    </Portal>
  );
}
