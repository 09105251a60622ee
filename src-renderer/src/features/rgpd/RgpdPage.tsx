import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { RIGHTS_KIND_LABELS, RIGHTS_KINDS, type RetentionReview, type RightsKind } from '@shared/contract/rgpd';
import { formatFrenchDate } from '@shared/dates';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { PdfPreview, printPdf } from '../documents/PdfPreview';
import { todayInFrance } from '../people/defaults';
import { PersonPicker } from '../../ui/PersonPicker';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { AsyncForm } from '../../ui/AsyncForm';
import { DateField } from '../../ui/DateField';
import { countOf, deName } from '@shared/french';

function ExtendModal({ review, onClose }: { review: RetentionReview; onClose: () => void }) {
  const [until, setUntil] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const extend = useApiMutation('rgpd/extend');
  return (
    <Modal opened onClose={onClose} title={`Garder le dossier ${deName(review.name)}`}>
      <Stack>
        <DateField label="Jusqu’au" value={until} onChange={setUntil} withAsterisk />
        <Textarea
          label="Pourquoi (obligation légale, contrôle, litige…)"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          withAsterisk
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button
            loading={extend.isPending}
            onClick={async () => {
              try {
                await extend.mutateAsync({ personId: review.personId, until: until ?? '', reason });
                notifySuccess('La conservation est prolongée.');
                onClose();
              } catch (error) {
                notifyFailure(error, 'La conservation n’est pas prolongée');
              }
            }}
          >
            Prolonger
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Files 2 years without activity: keep (with a reason and a date) or anonymise, one by one or together. */
function Reviews() {
  const reviews = useApiQuery('rgpd/reviews');
  const [chosen, setChosen] = useState<number[]>([]);
  const [extending, setExtending] = useState<RetentionReview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const anonymise = useApiMutation('rgpd/anonymise');
  if (reviews.isPending) return <Loader />;
  if (reviews.error) return <Alert color="red">{errorMessage(reviews.error)}</Alert>;
  const rows = reviews.data;
  return (
    <Stack>
      <Text size="sm">
        Ces dossiers n’ont connu aucune activité depuis 2 ans (ou leur prolongation est échue). Gardez-les seulement
        s’il y a une raison (contrôle, litige) ; sinon anonymisez-les : nom, coordonnées, textes et documents
        disparaissent, les chiffres restent.
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">Aucun dossier à revoir.</Text>
      ) : (
        <Table aria-label="Dossiers à revoir">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label="Tout choisir"
                  checked={chosen.length === rows.length}
                  onChange={(e) => setChosen(e.currentTarget.checked ? rows.map((r) => r.personId) : [])}
                />
              </Table.Th>
              <Table.Th>Personne</Table.Th>
              <Table.Th>Dernière activité</Table.Th>
              <Table.Th>À revoir depuis</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.personId}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Choisir ${r.name}`}
                    checked={chosen.includes(r.personId)}
                    onChange={(e) =>
                      setChosen(
                        e.currentTarget.checked ? [...chosen, r.personId] : chosen.filter((x) => x !== r.personId),
                      )
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Link to={`/people/${r.personId}`}>{r.name}</Link>
                  {r.retentionUntil && (
                    <Text size="xs" c="dimmed">
                      Prolongé jusqu’au {formatFrenchDate(r.retentionUntil)} : {r.retentionReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatFrenchDate(r.lastActivity)}</Table.Td>
                <Table.Td>{formatFrenchDate(r.reviewOn)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" onClick={() => setExtending(r)}>
                    Garder plus longtemps
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > 0 && (
        <Group>
          <Button color="red" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
            Anonymiser {chosen.length > 0 ? countOf(chosen.length, 'dossier', 'dossiers') : 'les dossiers choisis'}…
          </Button>
        </Group>
      )}
      {extending && <ExtendModal review={extending} onClose={() => setExtending(null)} />}
      {confirming && (
        <Modal opened onClose={() => setConfirming(false)} title="Anonymiser définitivement">
          <Stack>
            <Alert color="red">
              {countOf(chosen.length, 'dossier', 'dossiers')} : le nom, les coordonnées, le NIR, les textes, les notes
              et tous les documents de ces personnes seront effacés sans retour possible. Les statistiques passées ne
              changent pas.
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Annuler
              </Button>
              <Button
                color="red"
                loading={anonymise.isPending}
                onClick={async () => {
                  try {
                    const done = await anonymise.mutateAsync({ personIds: chosen, confirm: true });
                    notifySuccess(`${countOf(done.anonymised, 'dossier anonymisé', 'dossiers anonymisés')}.`);
                    setChosen([]);
                    setConfirming(false);
                  } catch (error) {
                    notifyFailure(error, 'L’anonymisation n’est pas faite');
                  }
                }}
              >
                Anonymiser
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

/** The log of what people asked about their data, with the one-month deadline. */
function Requests() {
  const list = useApiQuery('rgpd/requests');
  const [personError, setPersonError] = useState<string | null>(null);
  const save = useApiMutation('rgpd/saveRequest');
  const [draft, setDraft] = useState<{ personId: string; kind: RightsKind; receivedOn: string | null; notes: string }>({
    personId: '',
    kind: 'acces',
    receivedOn: todayInFrance(),
    notes: '',
  });
  const submit = async () => {
    if (!draft.personId) return setPersonError('Choisissez la personne qui a fait la demande.');
    try {
      await save.mutateAsync({
        request: {
          personId: draft.personId ? Number(draft.personId) : null,
          kind: draft.kind,
          receivedOn: draft.receivedOn ?? '',
          answeredOn: null,
          notes: draft.notes,
        },
      });
      notifySuccess('La demande est enregistrée.');
      setDraft({ ...draft, notes: '' });
    } catch (error) {
      notifyFailure(error, 'La demande n’est pas enregistrée');
    }
  };
  return (
    <Stack>
      <Card withBorder>
        <Title order={3} mb="sm">
          Nouvelle demande
        </Title>
        <AsyncForm onSubmit={submit}>
          <Group align="flex-end">
            <PersonPicker
              label="Personne"
              w={340}
              value={draft.personId ? Number(draft.personId) : null}
              onChange={(id) => {
                setDraft({ ...draft, personId: id === null ? '' : String(id) });
                setPersonError(null);
              }}
              error={personError}
            />
            <NativeSelect
              label="Droit exercé"
              data={RIGHTS_KINDS.map((k) => ({ value: k, label: RIGHTS_KIND_LABELS[k] }))}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as RightsKind })}
            />
            <DateField
              label="Reçue le"
              w={160}
              value={draft.receivedOn}
              onChange={(v) => setDraft({ ...draft, receivedOn: v })}
            />
            <TextInput
              label="Notes"
              w={260}
              value={draft.notes}
              onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })}
            />
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
          </Group>
        </AsyncForm>
      </Card>
      {list.data && list.data.length > 0 && (
        <Table aria-label="Demandes des personnes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Personne</Table.Th>
              <Table.Th>Droit</Table.Th>
              <Table.Th>Reçue le</Table.Th>
              <Table.Th>Réponse due le</Table.Th>
              <Table.Th>Réponse</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.personName ?? '—'}</Table.Td>
                <Table.Td>{RIGHTS_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{formatFrenchDate(r.receivedOn)}</Table.Td>
                <Table.Td>
                  {formatFrenchDate(r.dueOn)} {r.late && <Badge color="red">en retard</Badge>}
                </Table.Td>
                <Table.Td>
                  {r.answeredOn ? (
                    formatFrenchDate(r.answeredOn)
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() =>
                        void save
                          .mutateAsync({
                            id: r.id,
                            request: {
                              personId: r.personId,
                              kind: r.kind,
                              receivedOn: r.receivedOn,
                              answeredOn: todayInFrance(),
                              notes: r.notes,
                            },
                          })
                          .catch((e) => notifyFailure(e))
                      }
                    >
                      Répondue aujourd’hui
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function RgpdDocuments() {
  const { can } = useSignedIn();
  const [shown, setShown] = useState<{ title: string; base64: string } | null>(null);
  const notice = useApiMutation('rgpd/notice');
  const register = useApiMutation('rgpd/register');
  const open = async (title: string, make: () => Promise<{ pdfBase64: string }>) => {
    try {
      setShown({ title, base64: (await make()).pdfBase64 });
    } catch (error) {
      notifyFailure(error);
    }
  };
  return (
    <Stack>
      <Group>
        <Button
          variant="light"
          onClick={() => void open('Notice d’information', () => notice.mutateAsync(undefined as never))}
        >
          Notice d’information des personnes
        </Button>
        {can('rgpd/register') && (
          <>
            <Button
              variant="light"
              onClick={() => void open('Fiche du registre', () => register.mutateAsync({ kind: 'registre' }))}
            >
              Fiche du registre des traitements
            </Button>
            <Button
              variant="light"
              onClick={() => void open('Support d’AIPD', () => register.mutateAsync({ kind: 'aipd' }))}
            >
              Support d’analyse d’impact (AIPD)
            </Button>
          </>
        )}
      </Group>
      {shown && (
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={3}>{shown.title}</Title>
            <Button onClick={() => printPdf(shown.base64)}>Imprimer</Button>
          </Group>
          <PdfPreview base64={shown.base64} label={shown.title} />
        </Card>
      )}
    </Stack>
  );
}

/** Personal data: retention reviews, people's requests, the RGPD documents. */
export function RgpdPage() {
  const { can } = useSignedIn();
  return (
    <Stack maw={1100}>
      <Title order={1}>Données personnelles</Title>
      <Tabs defaultValue={can('rgpd/reviews') ? 'reviews' : 'requests'} keepMounted={false}>
        <Tabs.List>
          {can('rgpd/reviews') && <Tabs.Tab value="reviews">Dossiers à revoir</Tabs.Tab>}
          <Tabs.Tab value="requests">Demandes des personnes</Tabs.Tab>
          <Tabs.Tab value="documents">Notice et registre</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reviews" pt="lg">
          <Reviews />
        </Tabs.Panel>
        <Tabs.Panel value="requests" pt="lg">
          <Requests />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="lg">
          <RgpdDocuments />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
