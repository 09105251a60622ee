import { Grid, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { EMPLOYER_KINDS, EMPLOYER_KIND_LABELS, employerInput, type EmployerInput } from '@shared/contract/settings';
import { COLLECTIVE_AGREEMENT_CODES, COLLECTIVE_AGREEMENTS } from '@shared/collective-agreements';
import { eurosToCents } from '@shared/money';
import { EMPLOYER_SIGNATORY_TITLE_EXAMPLE, signatoryQuality } from '@shared/organisation';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure } from '../../ui/notify';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { StaleNotice, useStaleRecord, YourEntries } from '../../ui/StaleRecord';
import type { EmployerDetails } from './EmployerCard';
import { LogoFileField } from './LogoFileField';
import { WithHelp } from '../../ui/TermHelp';

/** The agreement is chosen from the list (null until chosen); the price is typed in euros. */
interface EmployerFormValues extends Omit<EmployerInput, 'collectiveAgreement' | 'hourlyPriceCents'> {
  collectiveAgreement: EmployerInput['collectiveAgreement'] | null;
  hourlyPriceEuros: number | string;
}

const EMPTY: EmployerFormValues = {
  name: '',
  kind: 'association_intermediaire',
  address: '',
  postcode: '',
  town: '',
  siret: '',
  collectiveAgreement: null,
  pensionFund: '',
  pensionFundAddress: '',
  providentBody: '',
  providentBodyAddress: '',
  hourlyPriceEuros: '',
  payrollEmail: '',
  signatoryName: '',
  signatoryTitle: '',
  logoFile: null,
};

function toInput(values: EmployerFormValues): EmployerInput {
  const { hourlyPriceEuros: euros, ...rest } = values;
  return {
    ...rest,
    // An unchosen agreement reaches the schema as null, which says in French to choose one.
    collectiveAgreement: rest.collectiveAgreement as EmployerInput['collectiveAgreement'],
    // Only an association intermédiaire puts its employees at the disposal of the CCAS.
    hourlyPriceCents:
      rest.kind === 'association_intermediaire' && typeof euros === 'number' ? eurosToCents(euros) : null,
  };
}

function toValues(employer: EmployerDetails | undefined): EmployerFormValues {
  if (!employer) return EMPTY;
  const cents = employer.hourlyPriceCents;
  return {
    ...EMPTY,
    ...employer,
    providentBody: employer.providentBody ?? '',
    providentBodyAddress: employer.providentBodyAddress ?? '',
    hourlyPriceEuros: typeof cents === 'number' ? cents / 100 : '',
    logoFile: employer.logoFile ?? null,
  };
}

/** The fields, as the form labels them (« Vos saisies » after a stale save). */
const LABELS: Record<string, string> = {
  name: 'Nom de l’employeur',
  kind: 'Type',
  address: 'Adresse',
  postcode: 'Code postal',
  town: 'Commune',
  siret: 'SIRET',
  payrollEmail: 'E-mail du service paie',
  collectiveAgreement: 'Convention collective',
  pensionFund: 'Caisse de retraite complémentaire',
  pensionFundAddress: 'Adresse de la caisse de retraite',
  providentBody: 'Organisme de prévoyance',
  providentBodyAddress: 'Adresse de l’organisme de prévoyance',
  hourlyPriceEuros: 'Prix de la mise à disposition (par heure travaillée)',
  signatoryName: 'Nom du signataire',
  signatoryTitle: 'Qualité du signataire',
  logoFile: 'Logo de l’employeur',
};

/**
 * One employer's details: the portage association of the MESP or the CCAS
 * carrying an ACI. Every field printed on a contract is asked here.
 */
export function EmployerFormModal(props: {
  initial?: EmployerDetails;
  title: string;
  /** An employer already saved: the version the form opens on, and how to load the current one. */
  versioned?: { version: number; load: () => Promise<{ employer: EmployerDetails; version: number }> };
  /** `expectedVersion`: the version the save is made on, for an employer already saved. */
  onSubmit: (employer: EmployerInput, expectedVersion?: number) => Promise<void> | void;
  onClose: () => void;
}) {
  const form = useForm<EmployerFormValues>({ initialValues: toValues(props.initial) });
  const stale = useStaleRecord(form, props.versioned?.version ?? 1);
  const [saving, setSaving] = useState(false);
  const field = (name: keyof EmployerFormValues) => form.getInputProps(name);

  const submit = async () => {
    const input = toInput(form.getValues());
    if (!validateSection(form, '', employerInput, input)) {
      // The price is typed in euros: its message goes beside that input.
      const priceError = form.errors.hourlyPriceCents;
      if (priceError) form.setFieldError('hourlyPriceEuros', priceError);
      return;
    }
    setSaving(true);
    try {
      await props.onSubmit(input, props.versioned ? stale.version : undefined);
    } catch (error) {
      if (stale.handle(error)) return;
      if (!showServerErrors(form, error)) notifyFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={props.title} size="xl">
      <AsyncForm onSubmit={submit}>
        <Stack>
          {props.versioned && (
            <StaleNotice
              stale={stale}
              onReload={() =>
                stale.reload(async () => {
                  const current = await props.versioned!.load();
                  return { values: toValues(current.employer), version: current.version };
                })
              }
            />
          )}
          <YourEntries form={form} stale={stale} labels={LABELS} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Nom de l’employeur" withAsterisk data-autofocus {...field('name')} />
            </Grid.Col>
            {/* Room for the whole « Association intermédiaire (portage des MESP) »: a truncated type reads as another one. */}
            <Grid.Col span={{ base: 12, sm: 6 }}>
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
              <Select
                label="Convention collective"
                description="Le contrat de travail en donne l’intitulé et l’IDCC (article L1242-12 du Code du travail)."
                placeholder="Choisissez dans la liste"
                withAsterisk
                allowDeselect={false}
                data={COLLECTIVE_AGREEMENT_CODES.map((code) => ({
                  value: code,
                  label: COLLECTIVE_AGREEMENTS[code].label,
                }))}
                {...field('collectiveAgreement')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput label="Caisse de retraite complémentaire" withAsterisk {...field('pensionFund')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput
                label="Adresse de la caisse de retraite"
                placeholder="Rue, code postal et commune"
                withAsterisk
                {...field('pensionFundAddress')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput label="Organisme de prévoyance" {...field('providentBody')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <TextInput
                label="Adresse de l’organisme de prévoyance"
                placeholder="Rue, code postal et commune"
                withAsterisk={form.getValues().providentBody.trim() !== ''}
                {...field('providentBodyAddress')}
              />
            </Grid.Col>
            {form.getValues().kind === 'association_intermediaire' && (
              <Grid.Col span={12}>
                <NumberInput
                  label={
                    <WithHelp term="miseADisposition">Prix de la mise à disposition (par heure travaillée)</WithHelp>
                  }
                  description="Facturé au CCAS utilisateur : une association intermédiaire met ses salariés à disposition à titre onéreux (article L5132-7)."
                  decimalSeparator=","
                  decimalScale={2}
                  fixedDecimalScale
                  suffix=" €"
                  hideControls
                  maw={360}
                  {...field('hourlyPriceEuros')}
                />
              </Grid.Col>
            )}
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
                label="Logo de l’employeur (facultatif)"
                description="En en-tête des contrats, mises à disposition et certificats que cet employeur signe."
                alt={`Logo de ${form.getValues().name || 'l’employeur'}`}
                value={form.getValues().logoFile ?? null}
                onChange={(file) => form.setFieldValue('logoFile', file)}
                error={form.errors.logoFile as string | undefined}
              />
            </Grid.Col>
          </Grid>
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer l’employeur" loading={saving} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
