import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { JOIN_PASSPHRASE_MIN } from '@shared/contract/storage';
import { call, errorMessage } from '../../api/client';
import { sourceName, useChooseFile, useChooseSource, type FileSource } from '../files/FileChooser';

/**
 * Paramètres › Emplacement des données, on a PC already on the server:
 * « Raccorder un autre poste » writes the fichier de raccordement (the
 * server's setting, its password and the journal's key, encrypted under a
 * passphrase the administrator chooses) into a folder, a USB stick most often.
 */
export function WriteJoinFile() {
  const chooseFile = useChooseFile();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const write = async () => {
    setError(null);
    setWritten(null);
    if (passphrase.length < JOIN_PASSPHRASE_MIN)
      return setError(`La phrase de passe doit avoir au moins ${JOIN_PASSPHRASE_MIN} caractères.`);
    const folder = await chooseFile('export', 'folder');
    if (!folder) return;
    setSaving(true);
    try {
      setWritten((await call('storage/writeJoinFile', { folder, passphrase })).file);
      setPassphrase('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      <Title order={2} size="h3" mt="md">
        Raccorder un autre poste
      </Title>
      <Text>
        Un autre PC rejoint ce serveur avec un « fichier de raccordement » : il contient l’adresse du serveur, le mot de
        passe de la base et la clé qui scelle le journal des accès, chiffrés par une phrase de passe que vous
        choisissez. Sur l’autre PC, choisissez « Rejoindre avec un fichier de raccordement » et tapez la même phrase de
        passe. Donnez-la de vive voix, jamais avec le fichier ; effacez le fichier une fois le poste raccordé. Pour
        plusieurs PC d’un même bureau, préférez faire de ce PC le serveur Passerelle du bureau et y appairer les autres
        (Paramètres › Poste serveur) : le mot de passe de la base reste alors sur ce seul PC.
      </Text>
      <Group align="flex-end">
        <PasswordInput
          label="Phrase de passe du fichier"
          description={`${JOIN_PASSPHRASE_MIN} caractères au moins`}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          w={360}
        />
        <Button loading={saving} onClick={() => void write()}>
          Écrire le fichier de raccordement…
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="Le fichier n’a pas été écrit">
          {error}
        </Alert>
      )}
      {written && (
        <Alert color="green" title="Fichier de raccordement écrit">
          <Text size="sm" ff="monospace">
            {written}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * « Rejoindre avec un fichier de raccordement », in the wizard and in
 * Paramètres: this PC moves to the server the file names, with the journal's
 * key, once main has checked the key against the server's journal.
 */
export function JoinWithFile({ onJoined }: { onJoined: () => Promise<void> | void }) {
  const chooseSource = useChooseSource();
  const [source, setSource] = useState<FileSource | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const join = async () => {
    setError(null);
    if (!source) return setError('Choisissez le fichier de raccordement.');
    setSaving(true);
    try {
      await call('storage/joinWithFile', { ...source, passphrase });
      await onJoined();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      <Text>
        Un poste déjà raccordé au serveur a fait un « fichier de raccordement » (Paramètres › Emplacement des données ›
        Raccorder un autre poste). Choisissez-le et tapez sa phrase de passe : ce PC rejoint les mêmes données et le
        même journal des accès.
      </Text>
      <Group align="flex-end">
        <Button
          variant="default"
          onClick={() => void chooseSource('join').then((chosen) => chosen && setSource(chosen))}
        >
          {source ? sourceName(source) : 'Choisir le fichier…'}
        </Button>
        <PasswordInput
          label="Phrase de passe du fichier"
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
          w={320}
        />
        <Button loading={saving} onClick={() => void join()}>
          Rejoindre le serveur
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="Ce PC n’a pas rejoint le serveur">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
