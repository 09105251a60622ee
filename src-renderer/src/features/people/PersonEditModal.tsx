import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { personInput, type PersonInput, type PersonRecord } from '@shared/contract/people';
import { useApiMutation } from '../../api/client';
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

export function PersonEditModal({ record, onClose }: { record: PersonRecord; onClose: () => void }) {
  const form = useForm<{ person: PersonInput }>({ initialValues: { person: toInput(record) } });
  const update = useApiMutation('people/update');
  const duplicates = useDuplicateCheck();
  const nirCheck = useNirConfirmation();

  const save = async (confirmedNotDuplicate = false, confirmWarnings = false): Promise<void> => {
    const { person } = form.getValues();
    if (!validateSection(form, 'person', personInput, person)) return;
    try {
      await update.mutateAsync({ id: record.id, person, confirmedNotDuplicate, confirmWarnings });
      notifySuccess('La fiche est enregistrée.');
      onClose();
    } catch (error) {
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
