import { Alert, Button, Center, Container, Group, Loader, MantineProvider, Stack, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { HashRouter } from 'react-router';
import type { ErrorPayload } from '@shared/errors';
import { errorMessage, onPairingLost, useApiQuery } from './api/client';
import { PairingLost } from './features/poste/PairingLost';
import { CreateAdministratorScreen } from './features/auth/CreateAdministratorScreen';
import { LoginScreen } from './features/auth/LoginScreen';
import { SessionProvider, useSession } from './features/auth/SessionContext';
import { FileChooserProvider } from './features/files/FileChooser';
import { SetupWizard } from './features/setup/SetupWizard';
import { LockableShell } from './features/auth/LockableShell';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { ServerUnreachable } from './ui/ServerUnreachable';
import { cssVariablesResolver, theme } from './ui/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    // Writes refresh what they touch through main's data version (see SessionProvider).
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
});

function SetupGate() {
  const status = useApiQuery('setup/status');
  const { session, restoring } = useSession();
  if (status.isPending || restoring) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.error) {
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title="Passerelle n’a pas pu ouvrir vos données">
          <Stack gap="sm">
            <Text size="sm">{errorMessage(status.error)}</Text>
            <Group>
              <Button variant="default" onClick={() => void status.refetch()} loading={status.isFetching}>
                Réessayer
              </Button>
            </Group>
          </Stack>
        </Alert>
      </Container>
    );
  }
  if (!status.data.completed) return <SetupWizard />;
  if (session) return <LockableShell structureName={status.data.structureName} />;
  if (status.data.needsAdministrator) return <CreateAdministratorScreen />;
  return <LoginScreen structureName={status.data.structureName} />;
}

/**
 * A PC the office's server no longer accepts (or whose person asks to pair it again) shows only how to pair
 * it again (features/poste/PairingLost.tsx), without the unreachable banner over its fields.
 */
function Screens() {
  const [lost, setLost] = useState<ErrorPayload | null>(null);
  useEffect(() => onPairingLost(setLost), []);
  return (
    <>
      {!lost && <ServerUnreachable />}
      <ErrorBoundary>
        <SessionProvider>
          <FileChooserProvider>
            <HashRouter>
              {lost ? (
                // Asked by the person while the server does not answer: she may go back to her screen.
                <PairingLost
                  error={lost}
                  onCancel={lost.code === 'SERVER_UNREACHABLE' ? () => setLost(null) : undefined}
                />
              ) : (
                <SetupGate />
              )}
            </HashRouter>
          </FileChooserProvider>
        </SessionProvider>
      </ErrorBoundary>
    </>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" limit={3} />
        <QueryClientProvider client={queryClient}>
          <Screens />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
