import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ContractUpdateInput, EarlyEndInput, RenewalInput } from '@shared/contract/contracts';
import { EARLY_END_REASONS, EARLY_END_REASON_LABELS, type Participant } from '@shared/contract/worksites';
import { formatFrenchDate } from '@shared/dates';
import { useState } from 'react';
import { ApiError, call, useApiMutation } from '../../api/client';
import { StaleNotice, useStaleRecord, YourEntries } from '../../ui/StaleRecord';
import { AsyncForm } from '../../ui/AsyncForm';
import { useConfirm } from '../../ui/confirm';
import { saveForm } from '../../ui/form-errors';
import { DateField } from '../../ui/DateField';
import { WarningToConfirm } from '../../ui/WarningToConfirm';
import { WithHelp } from '../../ui/TermHelp';
import { deName } from '@shared/french';

/** The life of one contract after it is drafted: its content, hand-over and signature, renewal, early end. */
export function ContractModal({
  worksiteId,
  participant,
  onClose,
}: {
  worksiteId: number;
  participant: Participant;
  onClose: () => void;
}) {
  const { contract } = participant;
  return (
    <Modal opened onClose={onClose} title={`Contrat ${deName(participant.name)}`} size="lg">
      <Text size="sm" mb="sm">
        Du {formatFrenchDate(contract.startDate)} au {formatFrenchDate(contract.endDate)}
        {participant.renewals.length > 0 && ` (renouvelé ${participant.renewals.length} fois)`}
      </Text>
      {participant.suspensions.map((s) => (
        <Text size="sm" mb="sm" key={s.from}>
          Suspendu du {formatFrenchDate(s.from)} au {formatFrenchDate(s.to)} : immersion (PMSMP) chez un autre employeur
          pendant le contrat (article L5132-15-1 du Code du travail) ; le salarié retrouve son poste à l’issue (article
          L5135-3).
        </Text>
      ))}
      <Tabs defaultValue="update">
        <Tabs.List mb="md">
          <Tabs.Tab value="update">Contenu et signature</Tabs.Tab>
          <Tabs.Tab value="renew">Renouveler</Tabs.Tab>
          <Tabs.Tab value="end">Fin anticipée</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="update">
          <UpdateForm worksiteId={worksiteId} participant={participant} onDone={onClose} />
        </Tabs.Panel>
        <Tabs.Panel value="renew">
          <RenewForm participant={participant} onDone={onClose} />
        </Tabs.Panel>
        <Tabs.Panel value="end">
          <EarlyEndForm participant={participant} onDone={onClose} />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}

interface FormProps {
  participant: Participant;
  onDone: () => void;
}

/** What the content form edits of a contract. */
function contentOf({ contract }: Participant): ContractUpdateInput {
  return {
    position: contract.position,
    handedOn: contract.handedOn,
    signedOn: contract.signedOn,
    derogationUntil: contract.derogationUntil,
    classification: contract.classification,
    tasks: contract.tasks,
    particularRisk: contract.particularRisk,
    passIae: contract.passIae,
  };
}

const CONTENT_LABELS: Record<string, string> = {
  'contract.position': 'Poste',
  'contract.classification': 'Qualification et classification',
  'contract.tasks': 'Tâches confiées',
  'contract.particularRisk': 'Poste à risques particuliers',
  'contract.passIae': 'Numéro de PASS IAE',
  'contract.handedOn': 'Contrat remis le',
  'contract.signedOn': 'Signé le',
  'contract.derogationUntil': 'Dérogation du préfet valable jusqu’au',
};

function UpdateForm({ worksiteId, participant, onDone }: FormProps & { worksiteId: number }) {
  const { contract } = participant;
  const form = useForm<{ contract: ContractUpdateInput }>({ initialValues: { contract: contentOf(participant) } });
  const stale = useStaleRecord(form, participant.version);
  const update = useApiMutation('contracts/update');
  const submit = () =>
    saveForm(
      form,
      () =>
        update.mutateAsync({
          participationId: participant.id,
          expectedVersion: stale.version,
          contract: form.getValues().contract,
        }),
      'Le contrat est mis à jour.',
      onDone,
      stale.handle,
    );
  const reload = () =>
    stale.reload(async () => {
      const current = (await call('worksites/get', { id: worksiteId })).participants.find(
        (p) => p.id === participant.id,
      );
      if (!current) throw new Error('contract gone');
      return { values: { contract: contentOf(current) }, version: current.version };
    });
  return (
    <AsyncForm onSubmit={submit}>
      <Stack>
        <StaleNotice stale={stale} onReload={reload} />
        <YourEntries form={form} stale={stale} labels={CONTENT_LABELS} />
        <SimpleGrid cols={2}>
          <TextInput label="Poste" withAsterisk {...form.getInputProps('contract.position')} />
          <TextInput
            label="Qualification et classification"
            description="Selon la convention collective, par exemple « niveau 1, coefficient 200 »."
            {...form.getInputProps('contract.classification')}
          />
        </SimpleGrid>
        <Textarea
          label="Tâches confiées"
          description={
            <>
              Reprises dans le contrat et dans la convention de{' '}
              <WithHelp term="miseADisposition">mise à disposition</WithHelp> (article R5132-20).
            </>
          }
          autosize
          minRows={2}
          {...form.getInputProps('contract.tasks')}
        />
        <Checkbox
          label="Poste à risques particuliers pour la santé ou la sécurité (liste de l’employeur, article L4154-2)"
          description="Le contrat prévoit alors une formation renforcée à la sécurité."
          {...form.getInputProps('contract.particularRisk', { type: 'checkbox' })}
        />
        {contract.type === 'cddi' && (
          <TextInput
            label="Numéro de PASS IAE"
            description="Si le PASS IAE a été délivré."
            {...form.getInputProps('contract.passIae')}
          />
        )}
        <SimpleGrid cols={2}>
          <DateField label="Contrat remis le" clearable {...form.getInputProps('contract.handedOn')} />
          <DateField label="Signé le" clearable {...form.getInputProps('contract.signedOn')} />
        </SimpleGrid>
        {contract.type === 'cddi' && (
          <DateField
            label="Dérogation du préfet (moins de 20 h) valable jusqu’au"
            clearable
            {...form.getInputProps('contract.derogationUntil')}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}

function RenewForm({ participant, onDone }: FormProps) {
  const form = useForm<{ renewal: RenewalInput }>({ initialValues: { renewal: { newEndDate: '', agreedOn: '' } } });
  const renew = useApiMutation('contracts/renew');
  const [warning, setWarning] = useState<string | null>(null);
  if (participant.earlyEnd)
    return <Text c="dimmed">Ce contrat a pris fin avant son terme : il ne peut plus être renouvelé.</Text>;
  const submit = (confirmWarnings = false) =>
    saveForm(
      form,
      async () => {
        try {
          await renew.mutateAsync({
            participationId: participant.id,
            renewal: form.getValues().renewal,
            confirmWarnings,
          });
        } catch (error) {
          // A new end far past the worksite is a warning: shown, then confirmed.
          if (error instanceof ApiError && error.payload.field === 'worksiteEnd') setWarning(error.message);
          throw error;
        }
      },
      'Le contrat est renouvelé.',
      onDone,
    );
  return (
    <AsyncForm onSubmit={() => submit()}>
      <Stack>
        {participant.renewals.map((r) => (
          <Text key={r.newEndDate} size="sm">
            Renouvelé jusqu’au {formatFrenchDate(r.newEndDate)} (accord du {formatFrenchDate(r.agreedOn)}, fin
            précédente le {formatFrenchDate(r.previousEndDate)})
          </Text>
        ))}
        <SimpleGrid cols={2}>
          <DateField label="Nouvelle date de fin" withAsterisk {...form.getInputProps('renewal.newEndDate')} />
          <DateField label="Accord du salarié le" withAsterisk {...form.getInputProps('renewal.agreedOn')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Un CDD se renouvelle deux fois au plus ; un CDDI, dans la limite de 24 mois en tout. Le salarié accepte le
          renouvellement avant le terme.
        </Text>
        {warning && (
          <WarningToConfirm
            warning={warning}
            confirmLabel="Renouveler quand même"
            onConfirm={() => void submit(true)}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={renew.isPending}>
            Renouveler
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}

function EarlyEndForm({ participant, onDone }: FormProps) {
  const form = useForm<{ earlyEnd: EarlyEndInput }>({
    initialValues: { earlyEnd: { date: '', reason: null as never } },
  });
  const end = useApiMutation('contracts/endEarly');
  const withdraw = useApiMutation('contracts/withdrawEarlyEnd');
  const confirm = useConfirm();
  const reasons = EARLY_END_REASONS.filter((r) => r !== 'emploi_ou_formation' || participant.contract.type === 'cddi');

  if (participant.earlyEnd) {
    const undo = () =>
      saveForm(
        form,
        () => withdraw.mutateAsync({ participationId: participant.id }),
        'La fin anticipée est retirée : le contrat court jusqu’à son terme.',
        onDone,
      );
    return (
      <Stack>
        <Alert color="orange">
          Dernier jour : {formatFrenchDate(participant.earlyEnd.date)}. Motif :{' '}
          {EARLY_END_REASON_LABELS[participant.earlyEnd.reason]}.
        </Alert>
        <Group justify="flex-end">
          <Button variant="light" color="red" onClick={() => void undo()} loading={withdraw.isPending}>
            Retirer la fin anticipée (saisie par erreur)
          </Button>
        </Group>
      </Stack>
    );
  }
  const submit = async () => {
    const { earlyEnd } = form.getValues();
    if (earlyEnd.date && earlyEnd.reason) {
      const confirmed = await confirm.ask({
        title: 'Mettre fin au contrat avant son terme ?',
        message: `Le contrat ${deName(participant.name)} s’arrêtera le ${formatFrenchDate(earlyEnd.date)} au lieu du ${formatFrenchDate(participant.contract.endDate)}, pour le motif « ${EARLY_END_REASON_LABELS[earlyEnd.reason]} ».`,
        confirmLabel: 'Enregistrer la fin anticipée',
        danger: true,
      });
      if (!confirmed) return;
    }
    await saveForm(
      form,
      () => end.mutateAsync({ participationId: participant.id, earlyEnd }),
      'La fin anticipée est enregistrée.',
      onDone,
    );
  };
  return (
    <AsyncForm onSubmit={submit}>
      <Stack>
        <Text size="sm">
          Un contrat à durée déterminée ne prend fin avant son terme que pour les motifs prévus par le Code du travail.
        </Text>
        <DateField label="Dernier jour du contrat" withAsterisk {...form.getInputProps('earlyEnd.date')} />
        <Select
          label="Motif"
          data={reasons.map((r) => ({ value: r, label: EARLY_END_REASON_LABELS[r] }))}
          withAsterisk
          {...form.getInputProps('earlyEnd.reason')}
        />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={end.isPending}>
            Enregistrer la fin anticipée
          </Button>
        </Group>
      </Stack>
      {confirm.modal}
    </AsyncForm>
  );
}
