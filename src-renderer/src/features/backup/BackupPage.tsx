import { Alert, Button, Card, Group, Loader, Modal, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { PasswordStrength } from '../auth/PasswordStrength';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { AsyncForm } from '../../ui/AsyncForm';
import { PdfPreview, printPdf } from '../documents/PdfPreview';
import { BackupButtons, BackupOnServer, LastBackup, when } from './BackupReminder';
import { countOf } from '@shared/french';

/** The recovery sheet, printed straight away; never saved to a file (it holds the passphrase). */
function RecoverySheetModal({ passphrase, onClose }: { passphrase: string; onClose: () => void }) {
  const sheet = useApiQuery('backup/recoverySheet', { passphrase }, { gcTime: 0, retry: false });
  return (
    <Modal opened onClose={onClose} title="Fiche de secours" size="xl">
      <Stack>
        {sheet.isPending && <Loader />}
        {sheet.error && <Alert color="red">{errorMessage(sheet.error)}</Alert>}
        {sheet.data && (
          <>
            <Group justify="space-between">
              <Text size="sm">Imprimez-la et rangez-la au coffre du CCAS ; elle n’est enregistrée nulle part.</Text>
              <Button onClick={() => printPdf(sheet.data.pdfBase64)}>Imprimer</Button>
            </Group>
            <PdfPreview base64={sheet.data.pdfBase64} label="Fiche de secours" />
          </>
        )}
      </Stack>
    </Modal>
  );
}

function ReprintSheet() {
  const [passphrase, setPassphrase] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  return (
    <Group align="flex-end">
      <PasswordInput
        label="Phrase de passe actuelle"
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        w={320}
      />
      <Button variant="light" disabled={passphrase === ''} onClick={() => setShown(passphrase)}>
        Réimprimer la fiche de secours
      </Button>
      {shown && <RecoverySheetModal passphrase={shown} onClose={() => setShown(null)} />}
    </Group>
  );
}

function PassphraseForm({ onSaved }: { onSaved: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  // Main's refusal goes under the phrase (the meter then keeps quiet), a mismatch under the confirmation: each said once.
  const [error, setError] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState<string | null>(null);
  const suggest = useApiMutation('backup/suggestPassphrase');
  const save = useApiMutation('backup/setPassphrase');
  const submit = async () => {
    setError(null);
    if (passphrase !== again) return setMismatch('Les deux saisies ne sont pas identiques.');
    try {
      await save.mutateAsync({ passphrase });
      notifySuccess(
        'La phrase de passe des sauvegardes est enregistrée. Imprimez la fiche de secours et rangez-la au coffre du CCAS.',
      );
      onSaved(passphrase);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <AsyncForm onSubmit={submit}>
      <Stack maw={560}>
        <Text size="sm">
          Les sauvegardes sont chiffrées : sans cette phrase de passe, personne ne peut les lire — pas même vous sur un
          autre ordinateur. Écrivez-la sur une feuille rangée au coffre du CCAS.
        </Text>
        <Group align="flex-end">
          <PasswordInput
            label="Phrase de passe des sauvegardes"
            value={passphrase}
            error={error}
            onChange={(e) => {
              setPassphrase(e.currentTarget.value);
              setError(null);
            }}
            w={380}
            visible
          />
          <Button
            variant="subtle"
            onClick={async () => {
              const { passphrase: suggested } = await suggest.mutateAsync(undefined as never);
              setPassphrase(suggested);
              setAgain('');
              setError(null);
              setMismatch(null);
            }}
          >
            Proposer une phrase
          </Button>
        </Group>
        <PasswordStrength password={passphrase} purpose="backup" quiet={error !== null} />
        <PasswordInput
          label="Confirmez la phrase de passe"
          value={again}
          error={mismatch}
          onChange={(e) => {
            setAgain(e.currentTarget.value);
            setMismatch(null);
          }}
          w={380}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Enregistrer la phrase de passe
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}

function RestoreModal({ path, onClose }: { path: string; onClose: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const inspect = useApiMutation('backup/inspect');
  const restore = useApiMutation('backup/restore');
  const [error, setError] = useState<string | null>(null);
  const look = async () => {
    setError(null);
    try {
      await inspect.mutateAsync({ path, passphrase: needsPassphrase ? passphrase : null });
    } catch (failure) {
      if (failure instanceof ApiError && failure.payload.field === 'passphrase') setNeedsPassphrase(true);
      setError(errorMessage(failure));
    }
  };
  const preview = inspect.data;
  return (
    <Modal opened onClose={onClose} title="Restaurer une sauvegarde" size="lg">
      <Stack>
        <Text size="sm">{path}</Text>
        {needsPassphrase && (
          <PasswordInput
            label="Phrase de passe de cette sauvegarde"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
        )}
        {!preview && (
          <Group>
            <Button onClick={() => void look()} loading={inspect.isPending}>
              Lire la sauvegarde
            </Button>
          </Group>
        )}
        {error && <Alert color="red">{error}</Alert>}
        {preview && (
          <>
            <Table aria-label="Contenu de la sauvegarde">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>Structure</Table.Td>
                  <Table.Td>{preview.structureName}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Faite le</Table.Td>
                  <Table.Td>{when(preview.createdAt)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Contenu</Table.Td>
                  <Table.Td>
                    {countOf(preview.counts.persons, 'personne', 'personnes')},{' '}
                    {countOf(preview.counts.worksites, 'chantier', 'chantiers')},{' '}
                    {countOf(preview.counts.documents, 'document', 'documents')},{' '}
                    {countOf(preview.files, 'fichier', 'fichiers')}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Alert color="orange" title="Les données actuelles seront remplacées">
              Elles sont d’abord gardées dans une copie « pré-restauration » du dossier des données. Tout le monde devra
              se reconnecter.
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Annuler
              </Button>
              <Button
                color="red"
                loading={restore.isPending}
                onClick={async () => {
                  try {
                    await restore.mutateAsync({ path, passphrase: needsPassphrase ? passphrase : null, confirm: true });
                    notifySuccess('La sauvegarde est restaurée. Reconnectez-vous.');
                    window.location.reload();
                  } catch (failure) {
                    notifyFailure(failure, 'La sauvegarde n’est pas restaurée');
                  }
                }}
              >
                Restaurer cette sauvegarde
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

/** Encrypted backups to a USB stick, verified; restore with a preview first. */
export function BackupPage() {
  const status = useApiQuery('backup/status');
  const info = useApiQuery('app/info');
  const choose = useChooseFile();
  const [changing, setChanging] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  // Shown right after a passphrase is chosen: the sheet is printed before anything else.
  const [sheetFor, setSheetFor] = useState<string | null>(null);
  if (status.isPending) return <Loader />;
  if (status.error) return <Alert color="red">{errorMessage(status.error)}</Alert>;
  const s = status.data;
  if (info.data?.filesFrom === 'client')
    return (
      <Stack maw={900}>
        <Title order={1}>Sauvegardes</Title>
        <LastBackup status={s} />
        <BackupOnServer />
      </Stack>
    );
  return (
    <Stack maw={900}>
      <Title order={1}>Sauvegardes</Title>
      {!s.configured || changing ? (
        <Card withBorder>
          <Title order={3} mb="sm">
            {s.configured ? 'Changer la phrase de passe' : 'Première sauvegarde : choisissez la phrase de passe'}
          </Title>
          <PassphraseForm
            onSaved={(passphrase) => {
              setChanging(false);
              setSheetFor(passphrase);
            }}
          />
        </Card>
      ) : (
        <>
          <LastBackup status={s} />
          <Card withBorder>
            <Title order={3} mb="sm">
              Sauvegarder sur clé USB
            </Title>
            <BackupButtons status={s} />
          </Card>
          <Card withBorder>
            <Title order={3} mb="sm">
              Restaurer
            </Title>
            <Group>
              <Button variant="light" color="red" onClick={async () => setRestoring(await choose('backup'))}>
                Restaurer une sauvegarde…
              </Button>
              <Button variant="subtle" onClick={() => setChanging(true)}>
                Changer la phrase de passe
              </Button>
            </Group>
          </Card>
          <Card withBorder>
            <Title order={3} mb="sm">
              Fiche de secours
            </Title>
            <ReprintSheet />
          </Card>
        </>
      )}
      {restoring && <RestoreModal path={restoring} onClose={() => setRestoring(null)} />}
      {sheetFor && <RecoverySheetModal passphrase={sheetFor} onClose={() => setSheetFor(null)} />}
    </Stack>
  );
}
