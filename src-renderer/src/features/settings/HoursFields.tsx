import { Grid, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';

/** Default half-day times, e.g. 08:30–12:00 and 13:30–17:00. */
export function HoursFields({ form, prefix }: { form: UseFormReturnType<any>; prefix: string }) {
  const field = (name: string) => form.getInputProps(`${prefix}${name}`);
  return (
    <Grid>
      <Grid.Col span={12}>
        <Text fw={600}>Demi-journée du matin</Text>
      </Grid.Col>
      <Grid.Col span={6}>
        <TimeInput label="Début" withAsterisk {...field('morningStart')} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TimeInput label="Fin" withAsterisk {...field('morningEnd')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Text fw={600}>Demi-journée de l’après-midi</Text>
      </Grid.Col>
      <Grid.Col span={6}>
        <TimeInput label="Début" withAsterisk {...field('afternoonStart')} />
      </Grid.Col>
      <Grid.Col span={6}>
        <TimeInput label="Fin" withAsterisk {...field('afternoonEnd')} />
      </Grid.Col>
    </Grid>
  );
}
