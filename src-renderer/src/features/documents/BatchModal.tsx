import { Alert, Button, Group, List, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DocumentRequest } from '@shared/contract/documents';
import type { Worksite } from '@shared/contract/worksites';
import { formatFrenchDate, mondayOf } from '@shared/dates';
import { ApiError, call, errorMessage, useApiMutation } from '../../api/client';
import { useChooseFile } from '../files/FileChooser';
import { notifyFailure } from '../../ui/notify';
import { notifications } from '@mantine/notifications';
import { PdfPreview, printPdf } from './PdfPreview';
import { countOf } from '@shared/french';

type Batch = 'contrat_travail' | 'convocation' | 'feuille_emargement';
const BATCH_LABELS: Record<Batch, string> = {
  contrat_travail: 'Tous les contrats de travail',
  convocation: 'Toutes les convocations',
  feuille_emargement: 'Toutes les feuilles d’émargement',
};

function requestsFor(batch: Batch, worksite: Worksite): { who: string; request: DocumentRequest }[] {
  if (batch === 'feuille_emargement') {
    const mondays = [...new Set(worksite.sessions.map((s) => mondayOf(s.date)))];
    return mondays.map((weekOf) => ({
      who: `Semaine du ${formatFrenchDate(weekOf)}`,
      request: { kind: batch, worksiteId: worksite.id, weekOf },
    }));
  }
  return worksite.participants.map((p) => ({ who: p.name, request: { kind: batch, participationId: p.id } }));
}

/**
 * A whole worksite's documents at once: each one generated and recorded in
 * turn (the bar shows where it is), a failure named and skipped, then one
 * merged PDF to print or save.
 */
export function BatchModal({ worksite, onClose }: { worksite: Worksite; onClose: () => void }) {
  const [batch, setBatch] = useState<Batch>('contrat_travail');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [merged, setMerged] = useState<{ pdfBase64: string; ids: number[]; pages: number } | null>(null);
  const merge = useApiMutation('documents/merge');
  const choose = useChooseFile();

  const run = async () => {
    const items = requestsFor(batch, worksite);
    setFailures([]);
    setMerged(null);
    setProgress({ done: 0, total: items.length });
    const ids: number[] = [];
    const failed: string[] = [];
    for (const [index, item] of items.entries()) {
      try {
        ids.push((await call('documents/generate', item.request)).id);
      } catch (error) {
        failed.push(`${item.who} : ${error instanceof ApiError ? error.message : errorMessage(error)}`);
      }
      setProgress({ done: index + 1, total: items.length });
    }
    setFailures(failed);
    if (ids.length === 0) return;
    try {
      const result = await merge.mutateAsync({ documentIds: ids, folder: null });
      setMerged({ pdfBase64: result.pdfBase64, ids, pages: result.pages });
    } catch (error) {
      notifyFailure(error, 'Les documents n’ont pas pu être rassemblés');
    }
  };
  const save = async () => {
    const folder = await choose('export', 'folder');
    if (!folder || !merged) return;
    try {
      const { path } = await merge.mutateAsync({ documentIds: merged.ids, folder });
      notifications.show({ color: 'teal', title: 'Fichier enregistré', message: path ?? '' });
    } catch (error) {
      notifyFailure(error, 'Le fichier n’est pas enregistré');
    }
  };

  const running = progress !== null && progress.done < progress.total;
  return (
    <Modal opened onClose={onClose} title={`Imprimer en lot — ${worksite.name}`} size="xl">
      <Stack>
        <Group align="flex-end">
          <Select
            label="Documents"
            data={(Object.keys(BATCH_LABELS) as Batch[]).map((b) => ({ value: b, label: BATCH_LABELS[b] }))}
            value={batch}
            allowDeselect={false}
            onChange={(b) => b && setBatch(b as Batch)}
            w={320}
          />
          <Button onClick={() => void run()} loading={running}>
            Générer le lot
          </Button>
        </Group>
        {progress && (
          <Stack gap={4}>
            <Progress value={(100 * progress.done) / Math.max(1, progress.total)} aria-label="Avancement du lot" />
            <Text size="sm">
              {progress.done} / {countOf(progress.total, 'document traité', 'documents traités')}
            </Text>
          </Stack>
        )}
        {failures.length > 0 && (
          <Alert color="orange" title="Non générés (les autres sont enregistrés)">
            <List size="sm">
              {failures.map((f) => (
                <List.Item key={f}>{f}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {merged && (
          <>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {countOf(merged.ids.length, 'document enregistré', 'documents enregistrés')},{' '}
                {countOf(merged.pages, 'page', 'pages')} en un seul PDF
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => void save()}>
                  Enregistrer le PDF…
                </Button>
                <Button size="xs" variant="light" onClick={() => printPdf(merged.pdfBase64)}>
                  Imprimer
                </Button>
              </Group>
            </Group>
            <PdfPreview base64={merged.pdfBase64} label="Lot" />
          </>
        )}
      </Stack>
    </Modal>
  );
}
