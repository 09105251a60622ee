import { Badge, Button, Card, Checkbox, Group, Image, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { funderInput, type Funder, type FunderInput } from '@shared/contract/funders';
import { useApiMutation, useApiQuery } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { saveForm, validateSection } from '../../ui/form-errors';
import { useSignedIn } from '../auth/SessionContext';
import { LogoFileField } from './LogoFileField';
import { de } from '@shared/french';

/** The FSE+ sentence most co-funded worksites must print, offered as an example. */
const FSE_EXAMPLE =
  'Ce projet est cofinancé par le Fonds social européen plus (FSE+) dans le cadre du programme national « Emploi et inclusion » 2021-2027.';

function FunderLogo({ file, name }: { file: string | null; name: string }) {
  const logo = useApiQuery('settings/getLogo', { file: file ?? '' }, { enabled: file !== null });
  if (!file)
    return (
      <Text size="xs" c="dimmed">
        Sans logo
      </Text>
    );
  return logo.data ? <Image src={logo.data.dataUrl} alt={`Logo ${de(name)}`} h={48} w={110} fit="contain" /> : null;
}

function FunderFormModal({ funder, onClose }: { funder: Funder | null; onClose: () => void }) {
  const { id: _id, ...initial } = funder ?? { id: 0, name: '', logoFile: null, fundingMention: '', archived: false };
  const form = useForm<{ funder: FunderInput }>({ initialValues: { funder: initial } });
  const save = useApiMutation('funders/save');
  const values = form.getValues().funder;
  const submit = async () => {
    if (!validateSection(form, 'funder', funderInput, values)) return;
    await saveForm(
      form,
      () => save.mutateAsync({ id: funder?.id, funder: form.getValues().funder }),
      `Le financeur « ${values.name.trim()} » est enregistré.`,
      onClose,
    );
  };
  return (
    <Modal opened onClose={onClose} title={funder ? 'Modifier le financeur' : 'Nouveau financeur'} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <TextInput
            label="Nom du financeur"
            placeholder="Union européenne — FSE+"
            withAsterisk
            data-autofocus
            {...form.getInputProps('funder.name')}
          />
          <LogoFileField
            label="Logo ou emblème (facultatif)"
            description="Imprimé sur les feuilles d’émargement des chantiers qu’il finance."
            alt={values.name ? `Logo ${de(values.name)}` : 'Logo de ce financeur'}
            value={values.logoFile}
            onChange={(file) => form.setFieldValue('funder.logoFile', file)}
            error={form.errors['funder.logoFile'] as string | undefined}
          />
          <Textarea
            label="Mention de financement"
            description="La phrase que le financeur demande sur les documents (facultative)."
            placeholder={FSE_EXAMPLE}
            autosize
            minRows={2}
            {...form.getInputProps('funder.fundingMention')}
          />
          {funder && (
            <Checkbox
              label="Archivé (ne finance plus de nouveau chantier)"
              {...form.getInputProps('funder.archived', { type: 'checkbox' })}
            />
          )}
          <FormActions onCancel={onClose} submitLabel="Enregistrer le financeur" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

/**
 * Paramètres › Financeurs: who co-funds the worksites (organisations of kind
 * « financeur » of the directory) and what their documents must show.
 */
export function FundersSettings() {
  const funders = useApiQuery('funders/list', { includeArchived: true });
  const { can } = useSignedIn();
  const [editing, setEditing] = useState<Funder | 'new' | null>(null);
  return (
    <Stack maw={900}>
      <Text size="sm" c="dimmed">
        Leur logo et leur mention de financement sont imprimés sur les feuilles d’émargement des chantiers qu’ils
        financent (choisis dans la fiche du chantier, avec la référence de l’opération). Ils figurent aussi dans les
        Contacts, où l’on note leur adresse et leurs interlocuteurs.
      </Text>
      {funders.data?.length === 0 && <Text>Aucun financeur pour l’instant.</Text>}
      {funders.data?.map((f) => (
        <Card key={f.id} withBorder padding="md" aria-label={`Financeur ${f.name}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group align="flex-start" wrap="nowrap">
              <FunderLogo file={f.logoFile} name={f.name} />
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={700}>{f.name}</Text>
                  {f.archived && <Badge color="gray">Archivé</Badge>}
                </Group>
                <Text size="sm" c={f.fundingMention ? undefined : 'dimmed'}>
                  {f.fundingMention || 'Pas de mention de financement'}
                </Text>
              </Stack>
            </Group>
            {can('funders/save') && (
              <Button variant="subtle" size="sm" style={{ flex: 'none' }} onClick={() => setEditing(f)}>
                Modifier
              </Button>
            )}
          </Group>
        </Card>
      ))}
      {can('funders/save') && (
        <Button leftSection={<IconPlus size={18} />} variant="light" w="fit-content" onClick={() => setEditing('new')}>
          Ajouter un financeur
        </Button>
      )}
      {editing !== null && (
        <FunderFormModal funder={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
