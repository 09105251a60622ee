import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { IaeEligibility } from '@shared/contract/iae';
import { formatFrenchDate } from '@shared/dates';
import {
  IAE_CRITERIA,
  PROLONGATION_REASONS,
  PROLONGATION_REASON_LABELS,
  formatPassNumber,
  type IaeCriterion,
  type ProlongationReason,
} from '@shared/iae-criteria';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/client';
import { DateField } from '../../ui/DateField';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { sourceName, useChooseSource, type FileSource } from '../files/FileChooser';
import { PdfPreview } from '../documents/PdfPreview';

type Checked = IaeEligibility['criteria'][number];
type Editing =
  { kind: 'criterion'; criterion: IaeCriterion; checked: Checked | null } | { kind: 'pass' } | { kind: 'prolongation' };

/**
 * « Éligibilité IAE » on the person’s page: the platform’s administrative
 * criteria by level, each checked with its proof (type, date, validity, scan),
 * the result the rule computes with its reason, and the PASS IAE with its
 * prolongations.
 */
export function IaeCard({ personId }: { personId: number }) {
  const data = useApiQuery('iae/get', { personId });
  const remove = useApiMutation('iae/removeCriterion');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [shown, setShown] = useState<IaeCriterion | null>(null);
  if (!data.data) return data.error ? <Text c="red">{errorMessage(data.error)}</Text> : null;
  const e = data.data;
  const byCode = new Map(e.criteria.map((c) => [c.code, c]));

  const level = (n: 1 | 2) => (
    <Table aria-label={`Critères de niveau ${n}`} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="45%">Critère de niveau {n}</Table.Th>
          <Table.Th>Justificatif</Table.Th>
          <Table.Th w={170} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {IAE_CRITERIA.filter((c) => c.level === n).map((criterion) => {
          const checked = byCode.get(criterion.code) ?? null;
          const proof = checked && criterion.proofs.find((p) => p.code === checked.proofType);
          return (
            <Table.Tr key={criterion.code} data-testid={`critere-${criterion.code}`}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Badge
                    size="sm"
                    miw={92}
                    style={{ flexShrink: 0 }}
                    variant={checked ? 'filled' : 'light'}
                    color={checked ? (checked.notCounted ? 'orange' : 'teal') : 'gray'}
                  >
                    {checked ? (checked.notCounted ? 'Non compté' : 'Coché') : 'Non'}
                  </Badge>
                  <Text size="sm">{criterion.label}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                {checked && (
                  <>
                    <Text size="sm">
                      {proof?.label ?? checked.proofType} du {formatFrenchDate(checked.proofDate)}
                      {checked.lastDay ? `, valable jusqu’au ${formatFrenchDate(checked.lastDay)}` : ''}
                    </Text>
                    {checked.attachmentName && (
                      <Group gap={6}>
                        <Text size="xs" c="dimmed">
                          Document numérisé : {checked.attachmentName}
                        </Text>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          aria-label={`Voir le justificatif : ${criterion.label}`}
                          onClick={() => setShown(criterion)}
                        >
                          Voir
                        </Button>
                      </Group>
                    )}
                    {checked.notCounted && (
                      <Text size="xs" c="orange.9">
                        Non compté : {checked.notCounted}
                      </Text>
                    )}
                  </>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={`${checked ? 'Modifier' : 'Cocher'} : ${criterion.label}`}
                    onClick={() => setEditing({ kind: 'criterion', criterion, checked })}
                  >
                    {checked ? 'Modifier' : 'Cocher'}
                  </Button>
                  {checked && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Retirer : ${criterion.label}`}
                      onClick={async () => {
                        try {
                          await remove.mutateAsync({ personId, code: criterion.code });
                        } catch (error) {
                          notifyFailure(error, 'Le critère n’est pas retiré');
                        }
                      }}
                    >
                      Retirer
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );

  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        Éligibilité IAE
      </Title>
      <Alert color={e.result.eligible ? 'teal' : 'orange'} mb="sm" title={e.result.reason} data-testid="iae-resultat">
        <Text size="sm">
          Justificatifs appréciés au {formatFrenchDate(e.result.on)}
          {e.pass ? ', début du PASS IAE' : ', aujourd’hui'} ; en {e.result.structureKind}, un critère de niveau 1
          suffit, sinon {e.result.required} critères de niveau 2.
        </Text>
      </Alert>
      <PassSection
        e={e}
        onEdit={() => setEditing({ kind: 'pass' })}
        onProlong={() => setEditing({ kind: 'prolongation' })}
      />
      <Stack gap="xs" mt="sm">
        {level(1)}
        {level(2)}
      </Stack>
      {editing?.kind === 'criterion' && (
        <CriterionModal
          personId={personId}
          criterion={editing.criterion}
          checked={editing.checked}
          onClose={() => setEditing(null)}
        />
      )}
      {shown && <ProofModal personId={personId} criterion={shown} onClose={() => setShown(null)} />}
      {editing?.kind === 'pass' && <PassModal personId={personId} pass={e.pass} onClose={() => setEditing(null)} />}
      {editing?.kind === 'prolongation' && e.pass && (
        <ProlongationModal personId={personId} currentEnd={e.pass.currentEnd} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function PassSection({ e, onEdit, onProlong }: { e: IaeEligibility; onEdit: () => void; onProlong: () => void }) {
  const pass = e.pass;
  if (!pass)
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Aucun PASS IAE enregistré.
        </Text>
        <Button size="xs" variant="light" onClick={onEdit}>
          Enregistrer le PASS IAE
        </Button>
      </Group>
    );
  return (
    <Stack gap={4} data-testid="pass-iae">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>PASS IAE {formatPassNumber(pass.number)}</Text>
          <Text size="sm">
            du {formatFrenchDate(pass.startDate)} au {formatFrenchDate(pass.currentEnd)}
          </Text>
          {pass.endsSoon && (
            <Badge color="orange" variant="light">
              Expire le {formatFrenchDate(pass.currentEnd)}
            </Badge>
          )}
        </Group>
        <Group gap={4}>
          <Button size="xs" variant="subtle" onClick={onEdit}>
            Modifier
          </Button>
          <Button size="xs" variant="light" onClick={onProlong}>
            Prolonger
          </Button>
        </Group>
      </Group>
      {pass.prolongations.map((p) => (
        <Text size="sm" key={p.id}>
          Prolongé du {formatFrenchDate(p.startDate)} au {formatFrenchDate(p.endDate)} :{' '}
          {PROLONGATION_REASON_LABELS[p.reason]} (décision du {formatFrenchDate(p.decidedOn)}
          {p.decidedBy ? `, ${p.decidedBy}` : ''})
        </Text>
      ))}
    </Stack>
  );
}

/** The scan kept with a criterion: a PDF in the viewer, an image as is. */
function ProofModal(props: { personId: number; criterion: IaeCriterion; onClose: () => void }) {
  const content = useApiQuery(
    'iae/proofContent',
    { personId: props.personId, code: props.criterion.code },
    { gcTime: 0, retry: false },
  );
  const title = `Justificatif : ${props.criterion.label}`;
  return (
    <Modal opened onClose={props.onClose} title={title} size="xl">
      <Stack>
        {content.isPending && <Loader />}
        {content.error && <Text c="red">{errorMessage(content.error)}</Text>}
        {content.data &&
          (content.data.mediaType === 'application/pdf' ? (
            <PdfPreview base64={content.data.base64} label={title} />
          ) : (
            <Image
              src={`data:${content.data.mediaType};base64,${content.data.base64}`}
              alt={title}
              fit="contain"
              mah="65vh"
            />
          ))}
      </Stack>
    </Modal>
  );
}

function ModalError({ error }: { error: string | null }) {
  return error ? (
    <Text c="red" size="sm" role="alert">
      {error}
    </Text>
  ) : null;
}

function CriterionModal(props: {
  personId: number;
  criterion: IaeCriterion;
  checked: Checked | null;
  onClose: () => void;
}) {
  const { criterion, checked } = props;
  const chooseSource = useChooseSource();
  const save = useApiMutation('iae/saveCriterion');
  const [proofType, setProofType] = useState<string>(checked?.proofType ?? criterion.proofs[0]!.code);
  const [proofDate, setProofDate] = useState<string | null>(checked?.proofDate ?? null);
  const [validUntil, setValidUntil] = useState<string | null>(checked?.validUntil ?? null);
  const [source, setSource] = useState<FileSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const proof = criterion.proofs.find((p) => p.code === proofType);
  const submit = async () => {
    if (proofDate === null) return setError('Indiquez la date du justificatif.');
    try {
      await save.mutateAsync({
        personId: props.personId,
        criterion: {
          code: criterion.code,
          proofType,
          proofDate,
          validUntil: proof?.validity.kind === 'until' ? validUntil : null,
        },
        path: source && 'path' in source ? source.path : null,
        file: source && 'file' in source ? source.file : null,
      });
      notifySuccess('Le critère est enregistré avec son justificatif.');
      props.onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={criterion.label} size="lg">
      <Stack>
        <Select
          label="Justificatif"
          withAsterisk
          allowDeselect={false}
          data={criterion.proofs.map((p) => ({ value: p.code, label: p.label }))}
          value={proofType}
          onChange={(v) => v && setProofType(v)}
        />
        <DateField label="Date du justificatif" withAsterisk value={proofDate} onChange={setProofDate} />
        {proof?.validity.kind === 'until' && (
          <DateField
            label="Valable jusqu’au"
            description="La date de fin écrite sur la décision ou le titre."
            withAsterisk
            value={validUntil}
            onChange={setValidUntil}
          />
        )}
        {proof?.validity.kind === 'months' && (
          <Text size="sm" c="dimmed">
            Ce justificatif compte s’il date de moins de {proof.validity.months} mois à la délivrance du PASS IAE.
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={async () => setSource(await chooseSource('attachment'))}>
            Joindre le justificatif numérisé…
          </Button>
          <Text size="sm" c={source ? undefined : 'dimmed'}>
            {source
              ? sourceName(source)
              : checked?.attachmentName
                ? `Déjà joint : ${checked.attachmentName}`
                : 'PDF, JPEG ou PNG, 10 Mo au plus'}
          </Text>
        </Group>
        <ModalError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PassModal(props: { personId: number; pass: IaeEligibility['pass']; onClose: () => void }) {
  const save = useApiMutation('iae/savePass');
  const [number, setNumber] = useState(props.pass ? formatPassNumber(props.pass.number) : '');
  const [startDate, setStartDate] = useState<string | null>(props.pass?.startDate ?? null);
  const [endDate, setEndDate] = useState<string | null>(props.pass?.endDate ?? null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (startDate === null) return setError('Indiquez la date de début du PASS IAE.');
    try {
      await save.mutateAsync({ personId: props.personId, pass: { number, startDate, endDate } });
      notifySuccess('Le PASS IAE est enregistré.');
      props.onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title="PASS IAE">
      <Stack>
        <TextInput
          label="Numéro de PASS IAE ou d’agrément"
          description="12 chiffres ou lettres, par exemple 99999 26 12345."
          withAsterisk
          value={number}
          onChange={(ev) => setNumber(ev.currentTarget.value)}
        />
        <DateField label="Début" withAsterisk value={startDate} onChange={setStartDate} />
        <DateField
          label="Fin"
          description="Laissez vide : deux ans (730 jours), comme la plateforme de l’inclusion le délivre."
          value={endDate}
          onChange={setEndDate}
        />
        <ModalError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ProlongationModal(props: { personId: number; currentEnd: string; onClose: () => void }) {
  const add = useApiMutation('iae/addProlongation');
  const [reason, setReason] = useState<ProlongationReason | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const [decidedBy, setDecidedBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (reason === null) return setError('Choisissez le motif de la prolongation.');
    if (endDate === null) return setError('Indiquez la nouvelle date de fin.');
    if (decidedOn === null) return setError('Indiquez la date de la décision.');
    try {
      await add.mutateAsync({ personId: props.personId, prolongation: { reason, endDate, decidedOn, decidedBy } });
      notifySuccess('La prolongation est enregistrée.');
      props.onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title="Prolonger le PASS IAE" size="lg">
      <Stack>
        <Text size="sm">La prolongation part de la fin actuelle, le {formatFrenchDate(props.currentEnd)}.</Text>
        <Select
          label="Motif"
          withAsterisk
          data={PROLONGATION_REASONS.map((r) => ({ value: r, label: PROLONGATION_REASON_LABELS[r] }))}
          value={reason}
          onChange={(v) => setReason(v as ProlongationReason | null)}
        />
        <DateField label="Nouvelle date de fin" withAsterisk value={endDate} onChange={setEndDate} />
        <DateField label="Décision du" withAsterisk value={decidedOn} onChange={setDecidedOn} />
        <TextInput
          label="Prescripteur qui a décidé"
          description="Vide quand la structure décide seule (CDI à 57 ans, formation à terminer)."
          value={decidedBy}
          onChange={(ev) => setDecidedBy(ev.currentTarget.value)}
        />
        <ModalError error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button onClick={() => void submit()} loading={add.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
