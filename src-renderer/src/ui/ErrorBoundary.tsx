import { Alert, Button, Container, Stack, Text } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/** A rendering fault never shows a blank screen: it says what to do, in French. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Container size="sm" py="xl">
        <Alert color="red" title="Cet écran n’a pas pu s’afficher">
          <Stack>
            <Text>
              Vos données enregistrées ne sont pas touchées. Revenez à l’accueil ; si le problème se reproduit,
              redémarrez Passerelle.
            </Text>
            <Button
              variant="white"
              color="red"
              onClick={() => {
                window.location.hash = '#/';
                this.setState({ failed: false });
              }}
            >
              Revenir à l’accueil
            </Button>
          </Stack>
        </Alert>
      </Container>
    );
  }
}
