import { Checkbox, Grid, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { EMPLOYER_KINDS, EMPLOYER_KIND_LABELS, employerInput, type EmployerInput } from '@shared/contract/settings';
import { EMPLOYER_SIGNATORY_TITLE_EXAMPLE, signatoryQuality } from '@shared/organisation';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure } from '../../ui/notify';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { LogoFileField } from './LogoFileField';

interface EmployerFormValues extends Omit<EmployerInput, 'collectiveAgreement'> {
  collectiveAgreement: string;
  noCollectiveAgreement: boolean;
}

const EMPTY: EmployerFormValues = {
  name: '',
  kind: 'association_intermediaire',
  address: '',
  postcode: '',
  town: '',
  siret: '',
  collectiveAgreement: '',
  noCollectiveAgreement: false,
  pensionFund: '',
  providentBody: '',
  payrollEmail: '',
  signatoryName: '',
  signatoryTitle: '',
  logoFile: null,
};

function toInput(values: EmployerFormValues): EmployerInput {
  const { noCollectiveAgreement, collectiveAgreement, ...rest } = values;
  return { ...rest, collectiveAgreement: noCollectiveAgreement ? null : collectiveAgreement };
}

function toValues(employer: EmployerInput | undefined): EmployerFormValues {
  if (!employer) return EMPTY;
  return {
    ...EMPTY,
    ...employer,
    providentBody: employer.providentBody ?? '',
    logoFile: employer.logoFile ?? null,
    collectiveAgreement: employer.collectiveAgreement ?? '',
    noCollectiveAgreement: employer.collectiveAgreement === null,
  };
}

/**
 * One employer's details: the portage association of the MESP or the CCAS
 * carrying an ACI. Every field printed on a contract is asked here.
 */
export function EmployerFormModal(props: {
  initial?: EmployerInput;
  title: string;
  onSubmit: (employer: EmployerInput) => Promise<void> | void;
  onClose: () => void;
}) {
  const form = useForm<EmployerFormValues>({ initialValues: toValues(props.initial) });
  const [saving, setSaving] = useState(false);
  const field = (name: keyof EmployerFormValues) => form.getInputProps(name);

  const submit = async () => {
    const input = toInput(form.getValues());
    if (!validateSection(form, '', employerInput, input)) return;
    setSaving(true);
    try {
      await props.onSubmit(input);
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={props.title} size="xl">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput label="Nom de l'employeur" withAsterisk data-autofocus {...field('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label="Type"
                withAsterisk
                allowDeselect={false}
                data={EMPLOYER_KINDS.map((kind) => ({ value: kind, label: EMPLOYER_KIND_LABELS[kind] }))}
                {...field('kind')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label="Adresse" withAsterisk {...field('address')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Code postal" withAsterisk maxLength={5} {...field('postcode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label="Commune" withAsterisk {...field('town')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="SIRET" description="14 chiffres" withAsterisk {...field('siret')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="E-mail du service paie" withAsterisk {...field('payrollEmail')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput
                label="Convention collective"
                placeholder="Intitulé et IDCC"
                disabled={form.getValues().noCollectiveAgreement}
                withAsterisk={!form.getValues().noCollectiveAgreement}
                {...field('collectiveAgreement')}
              />
              <Checkbox
                mt="xs"
                label="Aucune convention collective ne s'applique"
                {...form.getInputProps('noCollectiveAgreement', { type: 'checkbox' })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Caisse de retraite complémentaire" withAsterisk {...field('pensionFund')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Organisme de prévoyance" {...field('providentBody')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Nom du signataire" withAsterisk {...field('signatoryName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Qualité du signataire"
                placeholder={EMPLOYER_SIGNATORY_TITLE_EXAMPLE}
                description={`Sur les documents : « ${signatoryQuality(form.getValues().signatoryTitle || EMPLOYER_SIGNATORY_TITLE_EXAMPLE, form.getValues().name || 'Association …')} »`}
                withAsterisk
                {...field('signatoryTitle')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <LogoFileField
                label="Logo de l'employeur (facultatif)"
                description="En en-tête des contrats, mises à disposition et certificats que cet employeur signe."
                alt={`Logo de ${form.getValues().name || "l'employeur"}`}
                value={form.getValues().logoFile ?? null}
                onChange={(file) => form.setFieldValue('logoFile', file)}
                error={form.errors.logoFile as string | undefined}
              />
            </Grid.Col>
          </Grid>
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer l'employeur" loading={saving} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
