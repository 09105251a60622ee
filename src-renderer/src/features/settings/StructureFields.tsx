import { Grid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SIGNATORY_TITLE_EXAMPLE, signatoryQuality, STRUCTURE_NAME_EXAMPLE } from '@shared/organisation';

/** The CCAS identity fields, used by the setup wizard and by Paramètres. `prefix` is e.g. `structure.`. */
export function StructureFields({ form, prefix }: { form: UseFormReturnType<any>; prefix: string }) {
  const field = (name: string) => form.getInputProps(`${prefix}${name}`);
  const values = (prefix ? form.getValues()[prefix.replace(/\.$/, '')] : form.getValues()) as
    { name?: string; signatoryTitle?: string } | undefined;
  return (
    <Grid>
      <Grid.Col span={12}>
        <TextInput label="Nom de la structure" placeholder={STRUCTURE_NAME_EXAMPLE} withAsterisk {...field('name')} />
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
        <TextInput label="Téléphone" placeholder="02 98 00 00 00" {...field('phone')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="E-mail" type="email" withAsterisk {...field('email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Nom du signataire" placeholder="Prénom Nom" withAsterisk {...field('signatoryName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          label="Qualité du signataire"
          placeholder={SIGNATORY_TITLE_EXAMPLE}
          description={`Sur les documents : « ${signatoryQuality(values?.signatoryTitle || SIGNATORY_TITLE_EXAMPLE, values?.name || STRUCTURE_NAME_EXAMPLE)} »`}
          withAsterisk
          {...field('signatoryTitle')}
        />
      </Grid.Col>
    </Grid>
  );
}
