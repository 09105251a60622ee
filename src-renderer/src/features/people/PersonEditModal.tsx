import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { personInput, type PersonInput, type PersonRecord } from '@shared/contract/people';
import {
  CIVILITY_LABELS,
  NATIONALITY_GROUP_LABELS,
  SEX_LABELS,
  YES_NO_UNKNOWN_LABELS,
} from '@shared/contract/people-lists';
import { call, useApiMutation } from '../../api/client';
import { StaleNotice, useStaleRecord, YourEntries } from '../../ui/StaleRecord';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useNirConfirmation } from './useNirConfirmation';
import { PersonFields } from './PersonFields';
import { FormActions } from '../../ui/FormActions';

function toInput(record: PersonRecord): PersonInput {
  const {
    id: _id,
    archived: _a,
    nirMasked: _n,
    version: _v,
    prescriberName: _p,
    referentName: _r,
    situations: _s,
    obstacles: _o,
    journeys: _j,
    collectNationality: _c,
    ...identity
  } = record;
  return { ...identity, nir: '' };
}

/** The identity's fields, as the form labels them (« Vos saisies » after a stale save). */
const LABELS: Record<string, string> = {
  'person.civility': 'Civilité',
  'person.lastName': 'Nom',
  'person.birthName': 'Nom de naissance',
  'person.firstNames': 'Prénom(s)',
  'person.birthDate': 'Date de naissance',
  'person.sex': 'Sexe',
  'person.address': 'Adresse',
  'person.postcode': 'Code postal',
  'person.town': 'Commune',
  'person.priorityArea': 'Résidant en QPV',
  'person.phone': 'Téléphone',
  'person.email': 'E-mail',
  'person.nationalityGroup': 'Nationalité',
  'person.emergencyContact': 'Personne à prévenir',
  'person.prescriberId': 'Prescripteur',
  'person.referentId': 'Référent social',
  'person.nir': 'N° de sécurité sociale',
};

function showPersonValue(path: string, value: unknown): string | undefined {
  if (value === null || value === '') return undefined;
  const lists: Record<string, Record<string, string>> = {
    'person.civility': CIVILITY_LABELS,
    'person.sex': SEX_LABELS,
    'person.priorityArea': YES_NO_UNKNOWN_LABELS,
    'person.nationalityGroup': NATIONALITY_GROUP_LABELS,
  };
  if (path in lists) return lists[path]![String(value)];
  if (path === 'person.prescriberId' || path === 'person.referentId') return 'un autre choix de la liste';
  return undefined;
}

export function PersonEditModal({ record, onClose }: { record: PersonRecord; onClose: () => void }) {
  const form = useForm<{ person: PersonInput }>({ initialValues: { person: toInput(record) } });
  const update = useApiMutation('people/update');
  const duplicates = useDuplicateCheck();
  const nirCheck = useNirConfirmation();
  const stale = useStaleRecord(form, record.version);

  const save = async (confirmedNotDuplicate = false, confirmWarnings = false): Promise<void> => {
    const { person } = form.getValues();
    if (!validateSection(form, 'person', personInput, person)) return;
    try {
      await update.mutateAsync({
        id: record.id,
        expectedVersion: stale.version,
        person,
        confirmedNotDuplicate,
        confirmWarnings,
      });
      notifySuccess('La fiche est enregistrée.');
      onClose();
    } catch (error) {
      if (stale.handle(error)) return;
      if (await nirCheck.handle(error, () => void save(confirmedNotDuplicate, true))) return;
      if (
        !(await duplicates.handle(error, person, record.id, () => void save(true, confirmWarnings))) &&
        !showServerErrors(form, error)
      ) {
        notifyFailure(error);
      }
    }
  };

  return (
    <Modal opened onClose={onClose} title="Modifier l’identité" size="xl">
      <AsyncForm onSubmit={() => save()}>
        <Stack>
          <StaleNotice
            stale={stale}
            onReload={() =>
              stale.reload(async () => {
                const current = await call('people/get', { id: record.id });
                return { values: { person: toInput(current) }, version: current.version };
              })
            }
          />
          <YourEntries form={form} stale={stale} labels={LABELS} show={showPersonValue} />
          <PersonFields
            form={form}
            prefix="person."
            nirMasked={record.nirMasked}
            collectNationality={record.collectNationality}
          />
          <FormActions onCancel={onClose} submitLabel="Enregistrer" loading={update.isPending} />
        </Stack>
      </AsyncForm>
      {duplicates.modal}
      {nirCheck.modal}
    </Modal>
  );
}
