import { Button, Card, Group, Image, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { formatFrenchDayOf } from '@shared/paris-time';
import { useState } from 'react';
import { documentKindsFor, requestOf, type AttachmentRow, type DocumentRow } from '@shared/contract/documents';
import { formatFrenchDate, fileSizeLabel } from '@shared/dates';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { sourceName, useChooseSource, type FileSource } from '../files/FileChooser';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { DocumentModal } from './DocumentModal';
import { PdfPreview, printPdf } from './PdfPreview';
import { SaveCopyButtons } from './save-copy';

export type Owner = { personId: number; worksiteId?: undefined } | { worksiteId: number; personId?: undefined };

/** The documents generated for a person or a worksite and the scans kept with them: see, reprint, regenerate, attach. */
export function DocumentsCard(owner: Owner) {
  const query = owner.personId !== undefined ? { personId: owner.personId } : { worksiteId: owner.worksiteId };
  const listing = useApiQuery('documents/list', query);
  const regenerate = useApiMutation('documents/generate');
  const [viewing, setViewing] = useState<DocumentRow | null>(null);
  const [viewingScan, setViewingScan] = useState<AttachmentRow | null>(null);
  const [attaching, setAttaching] = useState(false);
  const [making, setMaking] = useState<{ id: number; worksiteName: string; worksiteKind: string } | null>(null);

  const onRegenerate = async (row: DocumentRow) => {
    try {
      const request = requestOf(row);
      if (!request) return;
      const next = await regenerate.mutateAsync(request);
      notifySuccess(`Nouvelle version ${next.version} du n° ${next.number}.`);
    } catch (error) {
      notifyFailure(error, 'Le document n’est pas régénéré');
    }
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3}>Documents</Title>
        <Group gap="xs">
          {listing.data?.participations.map((p) => (
            <Button key={p.id} size="xs" onClick={() => setMaking(p)}>
              Établir un document pour {p.worksiteName}
            </Button>
          ))}
          {owner.personId !== undefined && (
            <Button
              size="xs"
              variant="light"
              loading={regenerate.isPending}
              onClick={async () => {
                try {
                  const made = await regenerate.mutateAsync({ kind: 'notice_donnees', personId: owner.personId });
                  notifySuccess(`${made.title} : n° ${made.number}, version ${made.version}.`);
                } catch (error) {
                  notifyFailure(error, 'La notice n’est pas établie');
                }
              }}
            >
              Notice d’information sur ses données
            </Button>
          )}
          <Button size="xs" variant="light" onClick={() => setAttaching(true)}>
            Joindre un document numérisé
          </Button>
        </Group>
      </Group>
      {listing.isPending && <Loader size="sm" />}
      {listing.error && <Text c="red">{errorMessage(listing.error)}</Text>}
      {listing.data && listing.data.documents.length + listing.data.attachments.length === 0 && (
        <Text c="dimmed">Aucun document pour l’instant.</Text>
      )}
      {listing.data && listing.data.documents.length + listing.data.attachments.length > 0 && (
        <Table aria-label="Documents">
          <Table.Tbody>
            {listing.data.documents.map((d) => (
              <Table.Tr key={`d${d.id}`}>
                <Table.Td>
                  <Text size="sm">{d.title}</Text>
                  <Text size="xs" c="dimmed">
                    N° {d.number}, version {d.version} · {formatFrenchDayOf(d.createdAt)}
                    {d.authorName ? ` · ${d.authorName}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setViewing(d)}
                      aria-label={`Réimprimer ${d.title}, version ${d.version}`}
                    >
                      Réimprimer
                    </Button>
                    {requestOf(d) !== null && (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={regenerate.isPending}
                        onClick={() => void onRegenerate(d)}
                        aria-label={`Régénérer ${d.title}, version ${d.version}`}
                      >
                        Régénérer
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {listing.data.attachments.map((a) => (
              <Table.Tr key={`a${a.id}`}>
                <Table.Td>
                  <Text size="sm">{a.label}</Text>
                  <Text size="xs" c="dimmed">
                    Pièce jointe · {a.originalName} · {fileSizeLabel(a.size)} · {formatFrenchDayOf(a.createdAt)}
                    {a.weekOf ? ` · semaine du ${formatFrenchDate(a.weekOf)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="light" onClick={() => setViewingScan(a)} aria-label={`Voir ${a.label}`}>
                      Voir
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {viewing && <StoredDocumentModal row={viewing} owner={owner} onClose={() => setViewing(null)} />}
      {viewingScan && <AttachmentModal row={viewingScan} owner={owner} onClose={() => setViewingScan(null)} />}
      {attaching && <AttachModal owner={owner} onClose={() => setAttaching(false)} />}
      {making && owner.personId !== undefined && (
        <DocumentModal
          owner={{ personId: owner.personId }}
          title={`Documents — ${making.worksiteName}`}
          choices={documentKindsFor(making.worksiteKind).map((kind) => ({ kind, participationId: making.id }))}
          onClose={() => setMaking(null)}
        />
      )}
    </Card>
  );
}

export function StoredDocumentModal({ row, owner, onClose }: { row: DocumentRow; owner: Owner; onClose: () => void }) {
  const content = useApiQuery('documents/content', { documentId: row.id }, { gcTime: 0, retry: false });
  return (
    <Modal opened onClose={onClose} title={`${row.title} — n° ${row.number}, version ${row.version}`} size="xl">
      <Stack>
        {content.isPending && <Loader />}
        {content.error && <Text c="red">{errorMessage(content.error)}</Text>}
        {content.data && (
          <>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Le fichier tel qu’il a été généré (empreinte vérifiée).
              </Text>
              <Group gap="xs">
                <SaveCopyButtons documentId={row.id} {...owner} />
                <Button size="xs" variant="light" onClick={() => printPdf(content.data.pdfBase64)}>
                  Imprimer
                </Button>
              </Group>
            </Group>
            <PdfPreview base64={content.data.pdfBase64} label={row.title} />
          </>
        )}
      </Stack>
    </Modal>
  );
}

export function AttachmentModal({ row, owner, onClose }: { row: AttachmentRow; owner: Owner; onClose: () => void }) {
  const content = useApiQuery('documents/attachmentContent', { attachmentId: row.id }, { gcTime: 0, retry: false });
  return (
    <Modal opened onClose={onClose} title={row.label} size="xl">
      <Stack>
        {content.isPending && <Loader />}
        {content.error && <Text c="red">{errorMessage(content.error)}</Text>}
        {content.data && (
          <>
            <Group justify="flex-end">
              <SaveCopyButtons attachmentId={row.id} {...owner} />
            </Group>
            {content.data.mediaType === 'application/pdf' ? (
              <PdfPreview base64={content.data.base64} label={row.label} />
            ) : (
              <Image
                src={`data:${content.data.mediaType};base64,${content.data.base64}`}
                alt={row.label}
                fit="contain"
                mah="65vh"
              />
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}

function AttachModal({ owner, onClose }: { owner: Owner; onClose: () => void }) {
  const chooseSource = useChooseSource();
  const [label, setLabel] = useState('');
  const [source, setSource] = useState<FileSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attach = useApiMutation('documents/attach');
  const submit = async () => {
    if (label.trim() === '') return setError('Indiquez ce que contient le document (par exemple « Contrat signé »).');
    if (source === null) return setError('Choisissez le fichier numérisé.');
    try {
      await attach.mutateAsync({
        target: owner.personId !== undefined ? { personId: owner.personId } : { worksiteId: owner.worksiteId },
        ...source,
        label,
      });
      notifySuccess('Le document numérisé est joint.');
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Joindre un document numérisé">
      <Stack>
        <TextInput
          label="Libellé"
          placeholder="Contrat signé, feuille d’émargement signée…"
          withAsterisk
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <Group>
          <Button variant="default" onClick={async () => setSource(await chooseSource('attachment'))}>
            Choisir le fichier…
          </Button>
          <Text size="sm" c={source ? undefined : 'dimmed'}>
            {source ? sourceName(source) : 'PDF, JPEG ou PNG, 10 Mo au plus'}
          </Text>
        </Group>
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button onClick={() => void submit()} loading={attach.isPending}>
            Joindre
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
