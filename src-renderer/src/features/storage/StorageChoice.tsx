import { Alert, Button, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PairedServerView } from '@shared/contract/poste';
import type { EngineName } from '@shared/contract/storage';
import { ApiError, call, useApiQuery } from '../../api/client';
import { showServerErrors } from '../../ui/form-errors';
import { JoinServerForm } from '../poste/JoinServerForm';
import { JoinWithFile } from './JoinFile';
import { PostgresConnectionForm } from './PostgresConnectionForm';

/** The wizard’s first question: this PC’s own data (either engine), or the office’s Passerelle server (issue 29). */
export type StorageChoiceValue = EngineName | 'office';

const CHOICES: { value: StorageChoiceValue; label: string; description: string }[] = [
  {
    value: 'sqlite',
    label: 'Sur ce PC (recommandé)',
    description:
      'Un seul fichier sur cet ordinateur, sauvegardé sur clé USB. Rien à installer : le bon choix pour un seul poste.',
  },
  {
    value: 'postgres',
    label: 'Serveur PostgreSQL',
    description:
      'Pour plusieurs postes ou plusieurs bureaux : les données sur un serveur de la mairie ou de votre prestataire informatique, qui le sauvegarde.',
  },
  {
    value: 'office',
    label: 'Ce PC rejoint le serveur Passerelle du bureau',
    description:
      'Un autre PC du bureau garde déjà les données (Passerelle serveur) : ce PC s’y relie avec l’adresse et le code que l’administrateur vous donne.',
  },
];

/**
 * The wizard’s first question: « Où garder les données ? ». « Utiliser ce
 * serveur » moves the running app to the server at once: the wizard goes on
 * there (or the login shows, when another PC already set Passerelle up on it).
 * Once this PC is paired with the office’s server, the question is answered
 * for good: the choices go, what is true stays (which server, and signing in),
 * as the storage methods refuse a call from a client PC (`SERVER_PC_ONLY`).
 */
export function StorageChoice({
  value,
  onChange,
  onPaired,
}: {
  value: StorageChoiceValue;
  onChange: (engine: StorageChoiceValue) => void;
  onPaired?: (server: PairedServerView) => void;
}) {
  const client = useQueryClient();
  const [paired, setPaired] = useState(false);
  // Paired, every call but `poste/…` goes to the server: this PC’s own storage is no longer the question.
  const status = useApiQuery('storage/status', undefined, { enabled: !paired });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const unavailable = status.data?.postgresAvailable === false;
  const server = !paired && status.data?.engine === 'postgres' ? status.data.postgres : null;

  const backToThisPc = () => {
    setSaving(true);
    setRefusal(null);
    call('storage/chooseSqlite', undefined)
      .then(async () => {
        onChange('sqlite');
        await client.invalidateQueries();
      })
      .catch((error: unknown) => setRefusal(error instanceof ApiError ? error.message : 'Rien n’a été changé.'))
      .finally(() => setSaving(false));
  };

  const joined = (server: PairedServerView) => {
    setPaired(true);
    onPaired?.(server);
  };

  return (
    <Stack>
      {/* Kept in place (not another tree) so that the pairing form keeps its answer on screen. */}
      {!paired && (
        <Radio.Group
          value={value}
          onChange={(next) => onChange(next as StorageChoiceValue)}
          label={
            <Title order={2} size="h4">
              Où garder les données ?
            </Title>
          }
        >
          <Group mt="xs" grow align="stretch">
            {CHOICES.map((choice) => (
              <Radio.Card
                key={choice.value}
                value={choice.value}
                p="md"
                radius="md"
                // Once on a server, going back is the button below (it moves the data’s place, not just a radio).
                disabled={server !== null && choice.value !== 'postgres'}
              >
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600}>{choice.label}</Text>
                    <Text size="sm" c="dimmed">
                      {choice.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Group>
        </Radio.Group>
      )}
      {server && (
        <Alert color="green" title="Les données sont sur le serveur">
          <Stack gap="xs">
            <Text size="sm">
              Passerelle garde ses données sur le serveur « {server.host} » (base « {server.database} »). Continuez la
              configuration. Pour que les autres PC du bureau y travaillent aussi, le mieux est d’en faire le PC serveur
              Passerelle et d’y appairer les autres (Paramètres › Poste serveur) : le mot de passe de la base reste
              alors sur ce seul PC.
            </Text>
            <Group>
              <Button variant="default" size="xs" loading={saving} onClick={backToThisPc}>
                Revenir à « Sur ce PC »
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {value === 'postgres' && !server && (
        <Stack>
          {unavailable && (
            <Alert color="blue" title="Pas encore disponible dans cette version">
              Vous pouvez déjà tester la connexion au serveur avec votre prestataire informatique. Pour garder les
              données sur ce serveur, il faudra une version plus récente de Passerelle : en attendant, choisissez « Sur
              ce PC ».
            </Alert>
          )}
          {!unavailable && (
            <Alert color="gray" title="Rejoindre avec un fichier de raccordement">
              <JoinWithFile onJoined={() => client.invalidateQueries()} />
            </Alert>
          )}
          <Text fw={600}>Ou, pour le premier poste sur ce serveur :</Text>
          <PostgresConnectionForm
            passwordHint="Gardé protégé sur ce PC, jamais dans les données ni le journal"
            actions={(values, form) => (
              <Button
                loading={saving}
                onClick={() => {
                  setSaving(true);
                  setRefusal(null);
                  call('storage/choosePostgres', values)
                    .then(() => client.invalidateQueries())
                    .catch((error: unknown) => {
                      if (!showServerErrors(form, error))
                        setRefusal(error instanceof ApiError ? error.message : 'Le choix n’a pas été enregistré.');
                    })
                    .finally(() => setSaving(false));
                }}
              >
                Utiliser ce serveur
              </Button>
            )}
          />
        </Stack>
      )}
      {value === 'office' && !server && (
        <JoinServerForm
          onPaired={joined}
          intro="Sur le PC serveur, l’administrateur ouvre Paramètres › Poste serveur : il y lit l’adresse et l’empreinte du serveur, et crée un code d’appairage pour ce PC."
        />
      )}
      {refusal && (
        <Alert color="red" title={server ? 'Les données restent sur le serveur' : 'Les données restent sur ce PC'}>
          {refusal}
        </Alert>
      )}
    </Stack>
  );
}
