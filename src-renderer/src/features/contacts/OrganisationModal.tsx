import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { organisationInput, type Organisation, type OrganisationInput } from '@shared/contract/contacts';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '@shared/contract/people-lists';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { FormActions } from '../../ui/FormActions';

export function OrganisationModal({
  organisation,
  onClose,
}: {
  organisation: Organisation | null;
  onClose: () => void;
}) {
  const form = useForm<{ organisation: OrganisationInput }>({
    initialValues: {
      organisation: organisation
        ? {
            name: organisation.name,
            kind: organisation.kind,
            address: organisation.address,
            phone: organisation.phone,
            email: organisation.email,
          }
        : { name: '', kind: 'prescripteur', address: '', phone: '', email: '' },
    },
  });
  const save = useApiMutation('contacts/saveOrganisation');

  const submit = async () => {
    const values = form.getValues().organisation;
    if (!validateSection(form, 'organisation', organisationInput, values)) return;
    try {
      await save.mutateAsync({ id: organisation?.id, organisation: values });
      notifySuccess(`${values.name} est enregistré.`);
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title={organisation ? 'Modifier l’organisme' : 'Nouvel organisme'} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <TextInput
            label="Nom de l’organisme"
            withAsterisk
            data-autofocus
            {...form.getInputProps('organisation.name')}
          />
          <Select
            label="Type"
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }))}
            allowDeselect={false}
            {...form.getInputProps('organisation.kind')}
          />
          <TextInput label="Adresse" {...form.getInputProps('organisation.address')} />
          <Group grow>
            <TextInput label="Téléphone" {...form.getInputProps('organisation.phone')} />
            <TextInput label="E-mail" {...form.getInputProps('organisation.email')} />
          </Group>
          <FormActions onCancel={onClose} submitLabel="Enregistrer" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
