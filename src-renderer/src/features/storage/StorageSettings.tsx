import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ENGINE_LABELS, TLS_MODE_LABELS } from '@shared/contract/storage';
import { ApiError, call, errorMessage, useApiQuery } from '../../api/client';
import { FactsTable } from '../../ui/FactsTable';
import { showServerErrors } from '../../ui/form-errors';
import { pairedServerFacts } from '../poste/paired-server-facts';
import { useSession } from '../auth/SessionContext';
import { JoinWithFile, WriteJoinFile } from './JoinFile';
import { AuthorityCertificates } from './AuthorityField';
import { PostgresConnectionForm } from './PostgresConnectionForm';

/**
 * Paramètres › Emplacement des données: where the data is now, a connection
 * test for a server, and the move to it (or back to this PC). A move takes
 * effect at once; everyone signs in again, on the accounts of the new place.
 */
export function StorageSettings() {
  const poste = useApiQuery('poste/status');
  // On a client PC `storage/status` would be the server PC’s own: not this screen’s question (see below).
  const status = useApiQuery('storage/status', undefined, { enabled: poste.isError || poste.data?.mode === 'local' });
  const client = useQueryClient();
  const { switchUser } = useSession();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const moved = async () => {
    switchUser();
    await client.invalidateQueries();
  };
  if (poste.isPending) return <Loader />;
  if (poste.data?.mode === 'client') {
    // A PC paired with the office’s server: the data is there, and where it is kept is set there only
    // (the storage methods refuse a call from a client PC: SERVER_PC_ONLY, app/downloads.ts).
    const server = poste.data.server;
    return (
      <Stack maw={860}>
        <Title order={2} size="h3">
          Où sont les données
        </Title>
        <FactsTable
          label="Emplacement actuel des données"
          facts={[
            { label: 'Emplacement', value: 'Sur le serveur Passerelle du bureau, aucune sur ce PC' },
            ...(server ? pairedServerFacts(server) : []),
          ]}
        />
        <Text>
          Ce PC est relié au serveur Passerelle du bureau : il n’a pas d’emplacement de données à choisir. Où le serveur
          garde les données (sur le PC serveur ou sur un serveur PostgreSQL) se règle sur le PC serveur, par un
          administrateur, dans Paramètres › Emplacement des données de ce PC-là.
        </Text>
        <Text>
          Pour relier ce PC à un autre serveur, ou l’en détacher pour qu’il garde ses propres données : onglet «&nbsp;Ce
          poste&nbsp;».
        </Text>
        <Group>
          <Button variant="default" component={Link} to="?onglet=poste">
            Ouvrir « Ce poste »
          </Button>
        </Group>
      </Stack>
    );
  }
  if (status.isPending) return <Loader />;
  if (status.error) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const { engine, postgres, databaseFile, postgresAvailable, authority } = status.data;
  return (
    <Stack maw={860}>
      <Title order={2} size="h3">
        Où sont les données
      </Title>
      <FactsTable
        label="Emplacement actuel des données"
        facts={[
          { label: 'Emplacement', value: ENGINE_LABELS[engine] },
          !!databaseFile && {
            label: 'Fichier',
            value: (
              <Text ff="monospace" size="sm">
                {databaseFile}
              </Text>
            ),
          },
          postgres && { label: 'Serveur', value: `${postgres.host}:${postgres.port}` },
          postgres && { label: 'Base et utilisateur', value: `${postgres.database} (${postgres.user})` },
          postgres && { label: 'Connexion chiffrée', value: TLS_MODE_LABELS[postgres.tls] },
          postgres &&
            authority && {
              label: 'Autorité de certification de la mairie',
              value: <AuthorityCertificates certificates={authority} />,
            },
        ]}
      />
      {refusal && (
        <Alert color="red" title="Rien n’a été changé">
          {refusal}
        </Alert>
      )}
      {engine === 'postgres' ? (
        <>
          <WriteJoinFile />
          <Title order={2} size="h3" mt="md">
            Revenir à « Sur ce PC »
          </Title>
          <Text>
            Passerelle reprend alors le fichier de ce PC tel qu’il a été laissé (vide s’il n’a jamais servi). Les
            données du serveur y restent, intactes : vous les retrouverez en choisissant de nouveau ce serveur. Chacun
            devra se reconnecter.
          </Text>
          <Group>
            <Button
              variant="default"
              loading={saving}
              onClick={() => {
                setSaving(true);
                setRefusal(null);
                call('storage/chooseSqlite', undefined)
                  .then(moved)
                  .catch((error: unknown) => setRefusal(errorMessage(error)))
                  .finally(() => setSaving(false));
              }}
            >
              Revenir à « Sur ce PC »
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Title order={2} size="h3" mt="md">
            Passer à un serveur PostgreSQL
          </Title>
          <Text>
            Pour plusieurs postes, les données peuvent être gardées sur un serveur PostgreSQL de la mairie ou de votre
            prestataire informatique. Vérifiez ici, avec lui, que ce PC peut s’y connecter.
            {postgresAvailable
              ? ''
              : ' Cette version de Passerelle ne sait pas encore y déplacer les données : elles restent sur ce PC.'}
          </Text>
          {postgresAvailable && (
            <Alert color="blue" title="Vos données actuelles restent sur ce PC">
              Le fichier {databaseFile} n’est ni copié ni effacé : le serveur commence vide (ou avec les données que
              d’autres postes y ont mises). Pour porter vos données sur le serveur, faites d’abord une sauvegarde
              (Sauvegardes), puis restaurez-la une fois le serveur choisi. Vous pourrez revenir à « Sur ce PC » à tout
              moment. Chacun devra se reconnecter.
            </Alert>
          )}
          <PostgresConnectionForm
            passwordHint={
              postgresAvailable ? 'Gardé protégé sur ce PC, jamais dans les données ni le journal' : undefined
            }
            actions={
              postgresAvailable
                ? (values, form) => (
                    <Button
                      loading={saving}
                      onClick={() => {
                        setSaving(true);
                        setRefusal(null);
                        call('storage/choosePostgres', values)
                          .then(moved)
                          .catch((error: unknown) => {
                            if (!showServerErrors(form, error))
                              setRefusal(error instanceof ApiError ? error.message : errorMessage(error));
                          })
                          .finally(() => setSaving(false));
                      }}
                    >
                      Utiliser ce serveur
                    </Button>
                  )
                : undefined
            }
          />
          {postgresAvailable && (
            <>
              <Title order={2} size="h3" mt="md">
                Rejoindre avec un fichier de raccordement
              </Title>
              <JoinWithFile onJoined={moved} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
