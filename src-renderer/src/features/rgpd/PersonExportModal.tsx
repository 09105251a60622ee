import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { PdfPreview, printPdf } from '../documents/PdfPreview';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/** Right of access: everything held about the person, to print or save (PDF and JSON) for them. */
export function PersonExportModal({ personId, onClose }: { personId: number; onClose: () => void }) {
  const { can } = useSignedIn();
  const preview = useApiQuery(
    'rgpd/exportPerson',
    { personId, folder: null, keep: false },
    { gcTime: 0, retry: false },
  );
  const save = useApiMutation('rgpd/exportPerson');
  const choose = useChooseFile();
  return (
    <Modal opened onClose={onClose} title="Données de la personne (droit d’accès)" size="xl">
      <Stack>
        <Text size="sm">
          Tout ce que Passerelle détient sur cette personne, y compris les notes de la psychologue à son sujet : à lui
          remettre, à elle seule.
        </Text>
        {preview.isPending && <Loader />}
        {preview.error && <Alert color="red">{errorMessage(preview.error)}</Alert>}
        {preview.data && (
          <>
            <Group>
              <Button
                loading={save.isPending}
                onClick={async () => {
                  try {
                    // What is handed over is numbered and kept with the person's documents.
                    const kept = await save.mutateAsync({ personId, folder: null, keep: true });
                    printPdf(kept.pdfBase64);
                  } catch (error) {
                    notifyFailure(error, 'L’export n’est pas imprimé');
                  }
                }}
              >
                Imprimer
              </Button>
              {can('files/chooseFolder') && (
                <Button
                  variant="light"
                  loading={save.isPending}
                  onClick={async () => {
                    const folder = await choose('export', 'folder');
                    if (!folder) return;
                    try {
                      const done = await save.mutateAsync({ personId, folder, keep: true });
                      notifySuccess(`Enregistré : ${done.paths.join(' et ')}`);
                    } catch (error) {
                      notifyFailure(error, 'L’export n’est pas enregistré');
                    }
                  }}
                >
                  Enregistrer le PDF et le fichier JSON…
                </Button>
              )}
            </Group>
            <PdfPreview base64={preview.data.pdfBase64} label="Données de la personne" />
          </>
        )}
      </Stack>
    </Modal>
  );
}
