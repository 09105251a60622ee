import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatFrenchDayOf } from '@shared/paris-time';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type AttachmentRow,
  type DocumentKind,
  type DocumentRow,
} from '@shared/contract/documents';
import { errorMessage, useApiQuery } from '../../api/client';
import { AttachmentModal, StoredDocumentModal, type Owner } from './DocumentsCard';
import { DateField } from '../../ui/DateField';

const PAGE = 50;

/** Every generated document and attachment, found by person, worksite, type and date, with reprint. */
export function DocumentsPage() {
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 250);
  const [worksiteId, setWorksiteId] = useState<number | null>(null);
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const worksites = useApiQuery('worksites/list');
  // A date typed wrong comes as '': no list then, rather than one filtered by the last good date.
  const datesTyped = from !== '' && to !== '';
  const results = useApiQuery(
    'documents/search',
    { text: search, worksiteId, kind, from, to, page },
    { enabled: datesTyped },
  );
  const [viewing, setViewing] = useState<DocumentRow | null>(null);
  const [viewingScan, setViewingScan] = useState<AttachmentRow | null>(null);
  const ownerOf = (row: { personId: number | null; worksiteId: number | null }): Owner =>
    row.personId !== null ? { personId: row.personId } : { worksiteId: row.worksiteId ?? 0 };
  const reset = () => setPage(1);

  return (
    <Stack maw={1150}>
      <Title order={1}>Documents</Title>
      <Group align="flex-end">
        <TextInput
          label="Personne, titre ou numéro"
          placeholder="ex. lefevre, CT-2026"
          value={text}
          onChange={(e) => (setText(e.currentTarget.value), reset())}
          w={260}
        />
        <Select
          label="Chantier"
          clearable
          data={(worksites.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))}
          value={worksiteId === null ? null : String(worksiteId)}
          onChange={(v) => (setWorksiteId(v === null ? null : Number(v)), reset())}
          w={240}
        />
        <Select
          label="Type"
          clearable
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
          value={kind}
          onChange={(v) => (setKind(v as DocumentKind | null), reset())}
          w={230}
        />
        <DateField label="Du" clearable value={from} onChange={(v) => (setFrom(v), reset())} w={180} />
        <DateField label="Au" clearable value={to} onChange={(v) => (setTo(v), reset())} w={180} />
      </Group>
      {!datesTyped && <Alert color="yellow">Corrigez la date pour voir les documents.</Alert>}
      {datesTyped && results.isPending && <Loader />}
      {datesTyped && results.error && <Alert color="red">{errorMessage(results.error)}</Alert>}
      {datesTyped && results.data && (
        <Card withBorder>
          {results.data.documents.length + results.data.attachments.length === 0 ? (
            <Text c="dimmed">Aucun document ne correspond.</Text>
          ) : (
            <Table aria-label="Documents trouvés">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Document</Table.Th>
                  <Table.Th>Personne</Table.Th>
                  <Table.Th>Chantier</Table.Th>
                  <Table.Th>Date</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.documents.map((d) => (
                  <Table.Tr key={`d${d.id}`}>
                    <Table.Td>
                      <Text size="sm">{DOCUMENT_KIND_LABELS[d.kind]}</Text>
                      <Text size="xs" c="dimmed">
                        N° {d.number}, version {d.version}
                        {d.authorName ? ` · ${d.authorName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {d.personId !== null ? <Link to={`/people/${d.personId}`}>{d.personName}</Link> : '—'}
                    </Table.Td>
                    <Table.Td>
                      {d.worksiteId !== null ? <Link to={`/worksites/${d.worksiteId}`}>{d.worksiteName}</Link> : '—'}
                    </Table.Td>
                    <Table.Td>{formatFrenchDayOf(d.createdAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setViewing(d)}
                        aria-label={`Réimprimer ${d.title}, version ${d.version}`}
                      >
                        Réimprimer
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {results.data.attachments.map((a) => (
                  <Table.Tr key={`a${a.id}`}>
                    <Table.Td>
                      <Text size="sm">{a.label}</Text>
                      <Text size="xs" c="dimmed">
                        Pièce jointe · {a.originalName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {a.personId !== null ? <Link to={`/people/${a.personId}`}>{a.personName}</Link> : '—'}
                    </Table.Td>
                    <Table.Td>
                      {a.worksiteId !== null ? <Link to={`/worksites/${a.worksiteId}`}>{a.worksiteName}</Link> : '—'}
                    </Table.Td>
                    <Table.Td>{formatFrenchDayOf(a.createdAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setViewingScan(a)}
                        aria-label={`Voir ${a.label}`}
                      >
                        Voir
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {results.data.total > PAGE && (
            <Pagination mt="md" total={Math.ceil(results.data.total / PAGE)} value={page} onChange={setPage} />
          )}
        </Card>
      )}
      {viewing && <StoredDocumentModal row={viewing} owner={ownerOf(viewing)} onClose={() => setViewing(null)} />}
      {viewingScan && (
        <AttachmentModal row={viewingScan} owner={ownerOf(viewingScan)} onClose={() => setViewingScan(null)} />
      )}
    </Stack>
  );
}
