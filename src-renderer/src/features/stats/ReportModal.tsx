import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StatsFilter } from '@shared/contract/stats';
import { errorMessage, useApiMutation } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { PdfPreview, printPdf } from '../documents/PdfPreview';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure, notifySuccess } from '../../ui/notify';

/** The funder report: a title and a commentary, then the PDF to read, print or save. */
export function ReportModal({ filter, onClose }: { filter: Required<StatsFilter>; onClose: () => void }) {
  const { can } = useSignedIn();
  const [title, setTitle] = useState('Bilan d’activité des chantiers d’insertion');
  const [commentary, setCommentary] = useState('');
  const report = useApiMutation('stats/report');
  const choose = useChooseFile();
  const make = async (folder: string | null) => {
    try {
      const made = await report.mutateAsync({ filter, title, commentary, folder });
      if (made.path) notifySuccess(`Rapport enregistré : ${made.path}`);
    } catch (error) {
      notifyFailure(error, 'Le rapport n’a pas pu être fait');
    }
  };
  return (
    <Modal opened onClose={onClose} title="Rapport pour un financeur" size="xl">
      <Stack>
        {filter.showSmall ? (
          <Alert color="orange" title="Petits effectifs affichés">
            Les chiffres de moins de 5 personnes y sont en clair : ce rapport est pour l’usage interne, son titre le
            dit. Ne le transmettez pas à un financeur.
          </Alert>
        ) : (
          <Text size="sm">
            Le rapport ne nomme personne ; toute case de moins de 5 personnes y est masquée, ainsi que les cases qui,
            avec les totaux ou les autres tableaux, permettraient de la retrouver.
          </Text>
        )}
        <TextInput label="Titre" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={150} />
        <Textarea
          label="Commentaire (facultatif)"
          autosize
          minRows={3}
          value={commentary}
          onChange={(e) => setCommentary(e.currentTarget.value)}
          maxLength={4000}
        />
        <Group>
          <Button onClick={() => void make(null)} loading={report.isPending}>
            Voir le rapport
          </Button>
          {can('files/chooseFolder') && (
            <Button
              variant="light"
              onClick={async () => void make(await choose('export', 'folder'))}
              disabled={report.isPending}
            >
              Enregistrer le PDF…
            </Button>
          )}
          {report.data && (
            <Button variant="default" onClick={() => printPdf(report.data.pdfBase64)}>
              Imprimer
            </Button>
          )}
        </Group>
        {report.error && <Alert color="red">{errorMessage(report.error)}</Alert>}
        {report.data && <PdfPreview base64={report.data.pdfBase64} label="Rapport" />}
      </Stack>
    </Modal>
  );
}
