import { Grid, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import {
  ACTIVITY_LABELS,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  type ContractInput,
  type Worksite,
} from '@shared/contract/worksites';
import { eurosToCents } from '@shared/money';
import { defaultContractDates } from '@shared/cddi-duration';
import { todayInFrance } from '../people/defaults';
import { ApiError, useApiMutation, useApiQuery } from '../../api/client';
import { PersonPicker } from '../../ui/PersonPicker';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { DateField } from '../../ui/DateField';
import { WarningToConfirm } from '../../ui/WarningToConfirm';
import { WithHelp } from '../../ui/TermHelp';

interface Values {
  personId: string | null;
  contract: Omit<ContractInput, 'hourlyCents'> & { euros: number | string };
}

/** An admitted person joins the worksite; their contract record is drafted with the worksite's defaults. */
export function AddParticipantModal({ worksite, onClose }: { worksite: Worksite; onClose: () => void }) {
  const settings = useApiQuery('settings/get');
  const add = useApiMutation('worksites/addParticipant');
  const [warning, setWarning] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      personId: null,
      contract: {
        type: worksite.kind === 'aci' ? 'cddi' : 'cdd_usage',
        ...defaultContractDates(worksite, todayInFrance()),
        position: `Agent ${ACTIVITY_LABELS[worksite.activity].toLowerCase()}`,
        euros: settings.data?.wageRateToday ? settings.data.wageRateToday.hourlyCents / 100 : '',
        handedOn: null,
        signedOn: null,
        derogationUntil: null,
      },
    },
  });

  const submit = async (confirmWarnings = false) => {
    const { personId, contract } = form.getValues();
    if (personId === null) return form.setFieldError('personId', 'Choisissez une personne admise.');
    const { euros, ...rest } = contract;
    try {
      await add.mutateAsync({
        id: worksite.id,
        personId: Number(personId),
        contract: { ...rest, hourlyCents: typeof euros === 'number' ? eurosToCents(euros) : Number.NaN },
        confirmWarnings,
      });
      notifySuccess('La personne rejoint le chantier ; son parcours passe à « En chantier ».');
      onClose();
    } catch (error) {
      if (
        error instanceof ApiError &&
        ['capacity', 'clash', 'worksiteEnd', 'minor', 'wageRaise'].includes(error.payload.field ?? '')
      ) {
        setWarning(error.message);
        return;
      }
      if (error instanceof ApiError && error.payload.field === 'contract.hourlyCents')
        form.setFieldError('contract.euros', error.message);
      else if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Ajouter un participant" size="lg">
      <AsyncForm onSubmit={() => submit()}>
        <Stack>
          <PersonPicker
            label="Personne admise"
            filters={{ status: 'admise' }}
            nothingFound="Aucune personne admise ne porte ce nom : faites avancer son parcours jusqu’à « Admis·e »."
            value={form.getValues().personId === null ? null : Number(form.getValues().personId)}
            onChange={(id) => form.setFieldValue('personId', id === null ? null : String(id))}
            error={form.errors.personId}
          />
          <Grid>
            <Grid.Col span={12}>
              <Select
                label="Type de contrat"
                description={
                  <>
                    <WithHelp term="cddUsage">CDD d’usage</WithHelp> pour une MESP,{' '}
                    <WithHelp term="cddi">CDDI</WithHelp> pour un ACI (avec des immersions possibles :{' '}
                    <WithHelp term="pmsmp">PMSMP</WithHelp>).
                  </>
                }
                data={CONTRACT_TYPES.map((t) => ({ value: t, label: CONTRACT_TYPE_LABELS[t] }))}
                allowDeselect={false}
                {...form.getInputProps('contract.type')}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <DateField label="Début du contrat" withAsterisk {...form.getInputProps('contract.startDate')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <DateField label="Fin du contrat" withAsterisk {...form.getInputProps('contract.endDate')} />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label="Poste" withAsterisk {...form.getInputProps('contract.position')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <NumberInput
                label="Taux horaire brut"
                decimalSeparator=","
                decimalScale={2}
                suffix=" €"
                hideControls
                {...form.getInputProps('contract.euros')}
              />
            </Grid.Col>
            <Grid.Col span={6}>
              <DateField label="Contrat remis le" clearable {...form.getInputProps('contract.handedOn')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <DateField label="Signé le" clearable {...form.getInputProps('contract.signedOn')} />
            </Grid.Col>
            {form.getValues().contract.type === 'cddi' && (
              <Grid.Col span={12}>
                <DateField
                  label="Dérogation du préfet (moins de 20 h par semaine) valable jusqu’au"
                  description="Seulement si la personne a obtenu une dérogation : sinon un CDDI compte au moins 20 heures par semaine."
                  clearable
                  {...form.getInputProps('contract.derogationUntil')}
                />
              </Grid.Col>
            )}
          </Grid>
          {warning && (
            <WarningToConfirm
              warning={warning}
              confirmLabel="Confirmer quand même"
              onConfirm={() => void submit(true)}
            />
          )}
          <FormActions onCancel={onClose} submitLabel="Ajouter au chantier" loading={add.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
