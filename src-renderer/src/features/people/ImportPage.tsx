import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField, type PreviewRow } from '@shared/contract/people-import';
import type { MethodOutput } from '@shared/contract';
import { call, errorMessage } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useChooseSource } from '../files/FileChooser';
import { countOf } from '@shared/french';

type Read = MethodOutput<'people/importRead'>;
type Preview = MethodOutput<'people/importPreview'>;

const ACTION_BADGES: Record<PreviewRow['action'], { label: string; color: string }> = {
  create: { label: 'Nouvelle fiche', color: 'teal' },
  update: { label: 'Mise à jour', color: 'blue' },
  unchanged: { label: 'Inchangée', color: 'gray' },
  invalid: { label: 'À corriger', color: 'red' },
};

const FIELD_OPTIONS = [
  { value: '', label: 'Ignorer cette colonne' },
  ...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] })),
];

/** Import people from a spreadsheet: choose, map the columns, check row by row, then import all or nothing. */
export function ImportPage() {
  const chooseSource = useChooseSource();
  const [file, setFile] = useState<Read | null>(null);
  const [mapping, setMapping] = useState<(ImportField | null)[]>([]);
  const [rows, setRows] = useState<string[][]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  /** Lines of the update proposals the user ticked; none by default. */
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<MethodOutput<'people/importCommit'> | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setProblem(null);
    setDone(null);
    try {
      const source = await chooseSource('import');
      if (!source) return;
      const read = await call('people/importRead', source);
      setFile(read);
      setMapping(read.mapping);
      setRows(read.rows);
      setPreview(null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const check = async (nextRows = rows) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      setPreview(await call('people/importPreview', { headers: file.headers, rows: nextRows, mapping }));
      setTicked(new Set());
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const accepted = (preview?.rows ?? [])
        .filter((r) => r.action === 'update' && ticked.has(r.line))
        .map((r) => ({ line: r.line, personId: r.personId!, version: r.version! }));
      const counts = await call('people/importCommit', { headers: file.headers, rows, mapping, accepted });
      setDone(counts);
      setFile(null);
      setPreview(null);
      notifySuccess(
        `Import terminé : ${countOf(counts.create, 'fiche créée', 'fiches créées')}, ${countOf(counts.update, 'mise à jour', 'mises à jour')}.`,
      );
    } catch (error) {
      notifyFailure(error, 'Rien n’a été importé');
    } finally {
      setBusy(false);
    }
  };

  const editCell = (rowIndex: number, column: number, value: string) =>
    setRows((current) => current.map((r, i) => (i === rowIndex ? r.map((c, j) => (j === column ? value : c)) : r)));

  const mappedColumns = mapping.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  const toImport = preview
    ? preview.counts.create + preview.rows.filter((r) => r.action === 'update' && ticked.has(r.line)).length
    : 0;
  const tick = (line: number, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(line);
      else next.delete(line);
      return next;
    });

  return (
    <Stack maw={1200}>
      <Text size="sm">
        <Link to="/people">Personnes</Link>
      </Text>
      <Title order={1}>Importer un tableau de personnes</Title>
      <Text maw={760}>
        Choisissez un fichier Excel (.xlsx) ou CSV. Passerelle vous montre ce qu’elle va faire ligne par ligne : rien
        n’est enregistré tant qu’une ligne est à corriger. Une personne déjà connue (même nom ou nom de naissance, même
        prénom et même date de naissance) n’est jamais créée en double : les changements sont montrés champ par champ et
        appliqués seulement aux lignes que vous cochez. Une case vide n’efface jamais ce qui est rempli, et une
        différence de majuscules ou d’accents garde l’écriture de la fiche.
      </Text>
      <Group>
        <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void pick()}>
          Choisir un fichier…
        </Button>
        {file && (
          <Text>
            {file.fileName} — {countOf(file.rows.length, 'ligne', 'lignes')}
          </Text>
        )}
      </Group>
      {problem && <Alert color="red">{problem}</Alert>}
      {done && (
        <Alert color="teal" title="Import terminé">
          {countOf(done.create, 'fiche créée', 'fiches créées')}, {countOf(done.update, 'mise à jour', 'mises à jour')},{' '}
          {countOf(done.unchanged, 'inchangée', 'inchangées')}.
        </Alert>
      )}

      {file && (
        <Paper withBorder p="md">
          <Title order={3}>1. Que contient chaque colonne ?</Title>
          {file.remembered && (
            <Text size="sm" c="dimmed">
              Les choix de la dernière fois pour ces colonnes sont repris.
            </Text>
          )}
          <ScrollArea>
            <Table aria-label="Colonnes du fichier" mt="sm">
              <Table.Thead>
                <Table.Tr>
                  {file.headers.map((h, i) => (
                    <Table.Th key={i}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  {file.headers.map((h, i) => (
                    <Table.Td key={i} miw={170}>
                      <Select
                        aria-label={`Contenu de la colonne ${h}`}
                        data={FIELD_OPTIONS}
                        value={mapping[i] ?? ''}
                        allowDeselect={false}
                        onChange={(v) => {
                          setMapping((m) => m.map((f, j) => (j === i ? ((v || null) as ImportField | null) : f)));
                          setPreview(null);
                        }}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
                {file.rows.slice(0, 3).map((r, ri) => (
                  <Table.Tr key={ri}>
                    {r.map((c, ci) => (
                      <Table.Td key={ci}>
                        <Text size="sm" c="dimmed">
                          {c}
                        </Text>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Button mt="md" onClick={() => void check()} loading={busy}>
            2. Vérifier les lignes
          </Button>
        </Paper>
      )}

      {file && preview && (
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Title order={3}>3. Vérification</Title>
            <Group gap="xs">
              <Badge color="teal">{countOf(preview.counts.create, 'nouvelle', 'nouvelles')}</Badge>
              <Badge color="blue">{countOf(preview.counts.update, 'mise à jour', 'mises à jour')}</Badge>
              <Badge color="gray">{countOf(preview.counts.unchanged, 'inchangée', 'inchangées')}</Badge>
              <Badge color="red">{preview.counts.invalid} à corriger</Badge>
            </Group>
          </Group>
          {preview.counts.update > 0 && (
            <Text size="sm" mt="xs">
              Cochez « Appliquer » sur les lignes « Mise à jour » dont les changements sont justes : les autres fiches
              restent telles qu’elles sont.
            </Text>
          )}
          {preview.counts.invalid > 0 && (
            <Text size="sm" mt="xs">
              Corrigez les cases en rouge directement ici, puis vérifiez à nouveau. Le fichier d’origine n’est pas
              modifié.
            </Text>
          )}
          <ScrollArea>
            <Table aria-label="Lignes à importer" mt="sm" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ligne</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Changements</Table.Th>
                  <Table.Th>Appliquer</Table.Th>
                  {mappedColumns.map((i) => (
                    <Table.Th key={i}>{IMPORT_FIELD_LABELS[mapping[i]!]}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row, ri) => (
                  <Table.Tr key={row.line} aria-label={`Ligne ${row.line}`}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td miw={150}>
                      <Badge color={ACTION_BADGES[row.action].color} variant="light" style={{ overflow: 'visible' }}>
                        {ACTION_BADGES[row.action].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td miw={280}>
                      {row.changes.map((c, k) => (
                        <Text size="sm" key={k}>
                          <b>{c.field}</b> : {c.from || '—'} → {c.to || '—'}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {row.action === 'update' && (
                        <Checkbox
                          aria-label={`Appliquer les changements de la ligne ${row.line}`}
                          checked={ticked.has(row.line)}
                          onChange={(e) => tick(row.line, e.currentTarget.checked)}
                        />
                      )}
                    </Table.Td>
                    {mappedColumns.map((ci) => (
                      <Table.Td key={ci} miw={140}>
                        {row.action === 'invalid' ? (
                          <TextInput
                            size="xs"
                            aria-label={`Ligne ${row.line}, ${IMPORT_FIELD_LABELS[mapping[ci]!]}`}
                            value={rows[ri]![ci] ?? ''}
                            error={row.errors[String(ci)]}
                            onChange={(e) => editCell(ri, ci, e.currentTarget.value)}
                          />
                        ) : (
                          <Text size="sm">{rows[ri]![ci]}</Text>
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Group mt="md">
            <Button variant="default" onClick={() => void check()} loading={busy}>
              Vérifier à nouveau
            </Button>
            <Button
              onClick={() => void commit()}
              loading={busy}
              disabled={preview.counts.invalid > 0 || toImport === 0}
            >
              Importer {countOf(toImport, 'ligne', 'lignes')}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
