import { Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { contactInput, type Contact, type ContactInput } from '@shared/contract/contacts';
import { useApiMutation, useApiQuery } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { FormActions } from '../../ui/FormActions';
import { DateField } from '../../ui/DateField';

/** A person of an organisation; a travailleur social's card is linked to their account (their caseload). */
export function ContactModal(props: { organisationId: number; contact: Contact | null; onClose: () => void }) {
  const accounts = useApiQuery('auth/users');
  const initial: ContactInput = props.contact
    ? (({ id: _id, organisationName: _o, ...rest }) => rest)(props.contact)
    : {
        organisationId: props.organisationId,
        firstName: '',
        lastName: '',
        service: '',
        phone: '',
        email: '',
        userId: null,
        leftOn: null,
      };
  const form = useForm<{ contact: ContactInput }>({ initialValues: { contact: initial } });
  const save = useApiMutation('contacts/saveContact');
  const userId = form.getValues().contact.userId;

  const submit = async () => {
    const values = form.getValues().contact;
    if (!validateSection(form, 'contact', contactInput, values)) return;
    try {
      await save.mutateAsync({ id: props.contact?.id, contact: values });
      notifySuccess(`${values.firstName} ${values.lastName} est enregistré·e.`);
      props.onClose();
    } catch (error) {
      if (!showServerErrors(form, error, 'contact.')) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={props.contact ? 'Modifier le contact' : 'Nouveau contact'} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Group grow>
            <TextInput label="Prénom" withAsterisk data-autofocus {...form.getInputProps('contact.firstName')} />
            <TextInput label="Nom" withAsterisk {...form.getInputProps('contact.lastName')} />
          </Group>
          <TextInput label="Service" {...form.getInputProps('contact.service')} />
          <Group grow>
            <TextInput label="Téléphone" {...form.getInputProps('contact.phone')} />
            <TextInput label="E-mail" {...form.getInputProps('contact.email')} />
          </Group>
          <Select
            label="Compte Passerelle (pour un travailleur social : ses personnes suivies)"
            data={(accounts.data ?? []).map((a) => ({ value: String(a.id), label: a.displayName }))}
            clearable
            value={userId === null ? null : String(userId)}
            onChange={(v) => form.setFieldValue('contact.userId', v === null ? null : Number(v))}
            error={form.errors['contact.userId']}
          />
          <DateField label="A quitté le service le" clearable {...form.getInputProps('contact.leftOn')} />
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
