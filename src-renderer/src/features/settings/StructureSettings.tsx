import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { structureInput, type Settings } from '@shared/contract/settings';
import { call, useApiMutation, useApiQuery } from '../../api/client';
import { StaleNotice, useStaleRecord, YourEntries } from '../../ui/StaleRecord';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { LogoField, type LogoValue } from './LogoField';
import { StructureFields } from './StructureFields';
import { AsyncForm } from '../../ui/AsyncForm';

const LABELS: Record<string, string> = {
  'structure.name': 'Nom de la structure',
  'structure.address': 'Adresse',
  'structure.postcode': 'Code postal',
  'structure.town': 'Commune',
  'structure.siret': 'SIRET',
  'structure.phone': 'Téléphone',
  'structure.email': 'E-mail',
  'structure.signatoryName': 'Nom du signataire',
  'structure.signatoryTitle': 'Qualité du signataire',
  'structure.openSaturday': 'Ouvert le samedi',
};

export function StructureSettings({ settings }: { settings: Settings }) {
  const { logoFile, version, ...structure } = settings.structure;
  const form = useForm({ initialValues: { structure } });
  const stale = useStaleRecord(form, version);
  const storedLogo = useApiQuery('settings/getLogo', { file: logoFile ?? '' }, { enabled: logoFile !== null });
  const [logo, setLogo] = useState<LogoValue | null | undefined>(undefined);
  useEffect(() => setLogo(undefined), [logoFile]);
  const update = useApiMutation('settings/updateStructure');

  const shownLogo = logo === undefined ? (logoFile ? (storedLogo.data ?? null) : null) : logo;

  const save = async () => {
    const values = form.getValues();
    if (!validateSection(form, 'structure', structureInput, values.structure)) return;
    try {
      const after = await update.mutateAsync({
        structure: values.structure,
        logoFile: shownLogo?.file ?? null,
        expectedVersion: stale.version,
      });
      stale.saved(after.structure.version);
      notifySuccess('Les informations de la structure sont enregistrées.');
    } catch (error) {
      if (stale.handle(error)) return;
      // Said once: under the field main named, or in a notice when it named none.
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <AsyncForm onSubmit={save}>
      <Stack maw={760}>
        <StaleNotice
          stale={stale}
          onReload={() =>
            stale.reload(async () => {
              const { logoFile: _l, version: current, ...values } = (await call('settings/get')).structure;
              return { values: { structure: values }, version: current };
            })
          }
        />
        <YourEntries form={form} stale={stale} labels={LABELS} />
        <StructureFields form={form} prefix="structure." />
        <Checkbox
          label="Ouvert le samedi"
          description="Une demi-journée peut alors être placée ou déplacée un samedi. Jamais un dimanche."
          {...form.getInputProps('structure.openSaturday', { type: 'checkbox' })}
        />
        <LogoField value={shownLogo} onChange={setLogo} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </AsyncForm>
  );
}
