import { ActionIcon, Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { HOLIDAY_REGIONS, HOLIDAY_REGION_LABELS, type Settings } from '@shared/contract/settings';
import { formatFrenchDate } from '@shared/dates';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { DateField } from '../../ui/DateField';
import { useSignedIn } from '../auth/SessionContext';

/** Which days no worksite works: the public holidays of the region, and the structure's closure days. */
export function CalendarSettings({ calendar }: { calendar: Settings['calendar'] }) {
  const update = useApiMutation('settings/updateCalendar');
  const add = useApiMutation('settings/addClosure');
  const remove = useApiMutation('settings/removeClosure');
  const form = useForm({ initialValues: { date: '', reason: '' } });
  // The coordination adds closure days; the region and pay rules are the administrator's.
  const readOnly = !useSignedIn().can('settings/updateCalendar');

  const change = (values: {
    region: Settings['calendar']['region'];
    whitMondayWorked: boolean;
    forceMajeurePaid: boolean;
  }) =>
    update
      .mutateAsync(values)
      .then(() => notifySuccess('Le calendrier est enregistré.'))
      .catch(notifyFailure);

  const addClosure = async () => {
    try {
      await add.mutateAsync(form.getValues());
      form.reset();
      notifySuccess('Le jour de fermeture est ajouté.');
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Stack maw={760}>
      <Select
        label="Jours fériés applicables"
        data={HOLIDAY_REGIONS.map((r) => ({ value: r, label: HOLIDAY_REGION_LABELS[r] }))}
        allowDeselect={false}
        disabled={readOnly}
        value={calendar.region}
        onChange={(region) => region && void change({ ...calendar, region: region as typeof calendar.region })}
        maw={420}
      />
      <Text size="sm" c="dimmed" aria-label="Jours fériés de l’année">
        Jours fériés de {calendar.holidaysThisYear[0]?.date.slice(0, 4)} :{' '}
        {calendar.holidaysThisYear.map((h) => `${h.label} (${formatFrenchDate(h.date).slice(0, 5)})`).join(', ')}.
      </Text>
      <Switch
        label="Le lundi de Pentecôte est travaillé (journée de solidarité)"
        disabled={readOnly}
        checked={calendar.whitMondayWorked}
        onChange={(e) => void change({ ...calendar, whitMondayWorked: e.currentTarget.checked })}
      />
      <Switch
        label="Les demi-journées annulées pour intempéries ou force majeure sont payées"
        description="Les demi-journées annulées par la structure elle-même sont toujours payées."
        disabled={readOnly}
        checked={calendar.forceMajeurePaid}
        onChange={(e) => void change({ ...calendar, forceMajeurePaid: e.currentTarget.checked })}
      />
      <Text fw={600}>Jours de fermeture de la structure</Text>
      <Table withTableBorder aria-label="Jours de fermeture" maw={560}>
        <Table.Tbody>
          {calendar.closures.map((c) => (
            <Table.Tr key={c.date}>
              <Table.Td>{formatFrenchDate(c.date)}</Table.Td>
              <Table.Td>{c.reason}</Table.Td>
              <Table.Td w={50}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Supprimer la fermeture du ${formatFrenchDate(c.date)}`}
                  onClick={() => void remove.mutateAsync({ date: c.date }).catch(notifyFailure)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
          {calendar.closures.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>
                <Text c="dimmed">Aucun jour de fermeture.</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <AsyncForm onSubmit={addClosure}>
        <Group align="flex-start">
          <DateField label="Fermeture le" {...form.getInputProps('date')} />
          <TextInput label="Motif" placeholder="Pont, inventaire…" {...form.getInputProps('reason')} />
          <Button mt={28} variant="light" type="submit" loading={add.isPending}>
            Ajouter
          </Button>
        </Group>
      </AsyncForm>
    </Stack>
  );
}
