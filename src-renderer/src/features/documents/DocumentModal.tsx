import { Alert, Button, Group, List, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DOCUMENT_KIND_LABELS, type DocumentRequest, type DocumentRow } from '@shared/contract/documents';
import { formatFrenchDate } from '@shared/dates';
import { ApiError, errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { PdfPreview, printPdf } from './PdfPreview';
import { SaveCopyButtons } from './save-copy';
import { hrefFor } from '../../app/routes';

const choiceLabel = (r: DocumentRequest) =>
  `${DOCUMENT_KIND_LABELS[r.kind]}${r.kind === 'feuille_emargement' ? ` — semaine du ${formatFrenchDate(r.weekOf)}` : ''}${
    r.kind === 'bilan_chantier'
      ? r.named
        ? ' — version nominative (interne)'
        : ' — sans nom (financeurs, client)'
      : ''
  }`;

/**
 * Choose a document (of a participant, or of a worksite), see the real PDF,
 * generate it (numbered, stored, recorded), then save a copy or print it.
 */
export function DocumentModal({
  owner,
  title,
  choices,
  onClose,
}: {
  /** Where copies are saved from (the folder last used for this person or worksite). */
  owner: { personId: number } | { worksiteId: number };
  title: string;
  choices: readonly DocumentRequest[];
  onClose: () => void;
}) {
  const [choice, setChoice] = useState(0);
  // A document whose facts have not happened yet may be printed as a draft, marked "PROJET — non valable".
  const [draft, setDraft] = useState(false);
  const request: DocumentRequest =
    draft && (choices[choice]!.kind === 'bilan_chantier' || 'participationId' in choices[choice]!)
      ? ({ ...choices[choice]!, draft: true } as DocumentRequest)
      : choices[choice]!;
  const [generated, setGenerated] = useState<DocumentRow | null>(null);
  const preview = useApiQuery('documents/preview', request, { retry: false, gcTime: 0 });
  const stored = useApiQuery(
    'documents/content',
    { documentId: generated?.id ?? 0 },
    { enabled: generated !== null, gcTime: 0 },
  );
  const generate = useApiMutation('documents/generate');

  const onGenerate = async () => {
    try {
      const row = await generate.mutateAsync(request);
      setGenerated(row);
      notifySuccess(`${row.title} : n° ${row.number}, version ${row.version}.`);
    } catch (error) {
      notifyFailure(error, 'Le document n’est pas généré');
    }
  };

  const missing = preview.error instanceof ApiError ? preview.error.payload.missing : undefined;
  const draftPossible = preview.error instanceof ApiError && preview.error.payload.field === 'draft';
  const shown = generated ? stored.data?.pdfBase64 : preview.data?.pdfBase64;
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <Stack>
        {choices.length > 1 && (
          <Select
            label="Document"
            data={choices.map((c, index) => ({ value: String(index), label: choiceLabel(c) }))}
            value={String(choice)}
            allowDeselect={false}
            onChange={(value) => {
              setChoice(Number(value));
              setDraft(false);
              setGenerated(null);
            }}
            maw={360}
          />
        )}
        {preview.isPending && <Loader />}
        {preview.error && (
          <Alert color="orange" title="Ce document ne peut pas encore être établi">
            <Text size="sm">{errorMessage(preview.error)}</Text>
            {missing && (
              <List size="sm" mt="xs">
                {missing.map((m) => (
                  <List.Item key={m.label}>
                    <Link to={hrefFor(m.link)} onClick={onClose}>
                      Compléter {m.label}
                    </Link>
                  </List.Item>
                ))}
              </List>
            )}
            {draftPossible && (
              <Button mt="sm" size="xs" variant="light" color="orange" onClick={() => setDraft(true)}>
                Établir un projet (non valable)
              </Button>
            )}
          </Alert>
        )}
        {shown && (
          <>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {generated
                  ? `N° ${generated.number}, version ${generated.version} — enregistré`
                  : draft
                    ? 'Aperçu du projet, marqué « non valable » (non enregistré)'
                    : 'Aperçu (non enregistré)'}
              </Text>
              {generated ? (
                <Group gap="xs">
                  <SaveCopyButtons documentId={generated.id} {...owner} />
                  <Button size="xs" variant="light" onClick={() => printPdf(shown)}>
                    Imprimer
                  </Button>
                </Group>
              ) : (
                <Button onClick={() => void onGenerate()} loading={generate.isPending}>
                  Générer le document
                </Button>
              )}
            </Group>
            <PdfPreview base64={shown} label={DOCUMENT_KIND_LABELS[request.kind]} />
          </>
        )}
      </Stack>
    </Modal>
  );
}
