import { Checkbox, Grid, Group, NumberInput, Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  RESOURCES,
  RESOURCE_LABELS,
  YES_NO_UNKNOWN,
  YES_NO_UNKNOWN_LABELS,
} from '@shared/contract/people-lists';
import { DateField } from '../../ui/DateField';
import { WithHelp } from '../../ui/TermHelp';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** The situation at a date: resources, France Travail, education, RQTH, housing, mobility. */
export function SituationFields({ form, prefix }: { form: UseFormReturnType<any>; prefix: string }) {
  const field = (name: string) => form.getInputProps(`${prefix}${name}`);
  const check = (name: string) => form.getInputProps(`${prefix}${name}`, { type: 'checkbox' });
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <DateField label="Situation au" withAsterisk {...field('observedOn')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label="Ressources"
          data={options(RESOURCES, RESOURCE_LABELS)}
          allowDeselect={false}
          withAsterisk
          {...field('resources')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <NumberInput label="Mois au RSA (si connu)" min={0} max={600} allowDecimal={false} {...field('rsaMonths')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <DateField label="Inscrit·e à France Travail depuis" clearable {...field('franceTravailSince')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <Select
          label="Niveau de formation"
          data={options(EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS)}
          allowDeselect={false}
          withAsterisk
          {...field('educationLevel')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 3 }}>
        <Select
          label={<WithHelp term="rqth">RQTH</WithHelp>}
          data={options(YES_NO_UNKNOWN, YES_NO_UNKNOWN_LABELS)}
          allowDeselect={false}
          {...field('rqth')}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label="Logement" placeholder="Locataire, hébergé·e, sans domicile…" {...field('housing')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Group>
          <Checkbox label="Permis de conduire" {...check('drivingLicence')} />
          <Checkbox label="Véhicule" {...check('vehicle')} />
          <Checkbox label="Utilise les transports en commun" {...check('publicTransport')} />
        </Group>
      </Grid.Col>
    </Grid>
  );
}
