import { Grid, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  CIVILITIES,
  CIVILITY_LABELS,
  NATIONALITY_GROUPS,
  NATIONALITY_GROUP_LABELS,
  SEXES,
  SEX_LABELS,
  YES_NO_UNKNOWN,
  YES_NO_UNKNOWN_LABELS,
} from '@shared/contract/people-lists';
import { checkNirAgainstPerson } from '@shared/nir-check';
import { compactDigits } from '@shared/identifiers';
import { useApiQuery } from '../../api/client';
import { idSelectProps } from '../../ui/id-select';
import { useSignedIn } from '../auth/SessionContext';
import { DateField } from '../../ui/DateField';
import { WithHelp } from '../../ui/TermHelp';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** Prescriber and référent come from the contacts directory, so a change of service is made once. */
function useDirectoryOptions() {
  const { can } = useSignedIn();
  const directory = useApiQuery('contacts/list', { includeArchived: false }, { enabled: can('contacts/list') });
  const organisations = (directory.data ?? []).map((o) => ({ value: String(o.id), label: o.name }));
  const contacts = (directory.data ?? []).flatMap((o) =>
    o.contacts.map((c) => ({
      value: String(c.id),
      label: `${c.firstName} ${c.lastName} — ${o.name}${c.leftOn ? ' (parti·e)' : ''}`,
    })),
  );
  return { organisations, contacts };
}

/** Identity fields of a person; `prefix` is e.g. `person.`. */
export function PersonFields(props: {
  form: UseFormReturnType<any>;
  prefix: string;
  nirMasked?: string | null;
  collectNationality: boolean;
}) {
  const { form, prefix, nirMasked } = props;
  const field = (name: string) => form.getInputProps(`${prefix}${name}`);
  const idField = (name: string) => idSelectProps(form, `${prefix}${name}`);
  const { organisations, contacts } = useDirectoryOptions();
  const value = (name: string) => field(name).value as unknown;
  // Shown as the user types; main asks to confirm a mismatch on save.
  const nirFindings = checkNirAgainstPerson(compactDigits(String(value('nir') ?? '')), {
    sex: (value('sex') as never) ?? null,
    civility: (value('civility') as never) ?? null,
    birthDate: String(value('birthDate') ?? ''),
  });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <Select label="Civilité" data={options(CIVILITIES, CIVILITY_LABELS)} clearable {...field('civility')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <TextInput label="Nom" withAsterisk {...field('lastName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label="Nom de naissance" {...field('birthName')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <TextInput label="Prénom(s)" withAsterisk {...field('firstNames')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <DateField label="Date de naissance" kind="birth" withAsterisk {...field('birthDate')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <Select label="Sexe" data={options(SEXES, SEX_LABELS)} allowDeselect={false} withAsterisk {...field('sex')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="Adresse" {...field('address')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <TextInput label="Code postal" maxLength={5} {...field('postcode')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <TextInput label="Commune" {...field('town')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={<WithHelp term="qpv">Résidant en QPV</WithHelp>}
          data={options(YES_NO_UNKNOWN, YES_NO_UNKNOWN_LABELS)}
          allowDeselect={false}
          {...field('priorityArea')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label="Téléphone" {...field('phone')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput label="E-mail" {...field('email')} />
      </Grid.Col>
      {props.collectNationality && (
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Nationalité"
            data={options(NATIONALITY_GROUPS, NATIONALITY_GROUP_LABELS)}
            clearable
            {...field('nationalityGroup')}
          />
        </Grid.Col>
      )}
      <Grid.Col span={12}>
        <TextInput label="Personne à prévenir" placeholder="Nom, lien, téléphone" {...field('emergencyContact')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select label="Prescripteur" data={organisations} searchable clearable {...idField('prescriberId')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select label="Référent social" data={contacts} searchable clearable {...idField('referentId')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput
          label="N° de sécurité sociale (facultatif, pour la paie)"
          description={
            nirMasked ? `Enregistré : ${nirMasked}. Laissez vide pour le garder.` : '15 caractères, clé comprise'
          }
          {...field('nir')}
        />
        {nirFindings.map((finding) => (
          <Text key={finding.part} size="sm" mt={4} c={finding.kind === 'mismatch' ? 'orange.8' : 'dimmed'}>
            {finding.message}
          </Text>
        ))}
      </Grid.Col>
    </Grid>
  );
}
