import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { HOLIDAY_REGIONS, HOLIDAY_REGION_LABELS, type Settings } from '@shared/contract/settings';
import { formatFrenchDate, frenchMonth } from '@shared/dates';
import { useApiMutation } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { saveForm, showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { DateField } from '../../ui/DateField';
import { useSignedIn } from '../auth/SessionContext';

type Calendar = Settings['calendar'];
type CalendarValues = Pick<Calendar, 'region' | 'whitMondayWorked' | 'forceMajeurePaid'>;
type HistoryEntry = Calendar['history'][number];

/** « jours fériés de Métropole ; lundi de Pentecôte chômé ; … » — what one dated line sets. */
function historyText(entry: HistoryEntry): string {
  const parts: string[] = [];
  if (entry.region !== null) {
    const label = HOLIDAY_REGION_LABELS[entry.region];
    parts.push(`jours fériés ${/^[AEIOUYÉ]/.test(label) ? 'd’' : 'de '}${label}`);
  }
  if (entry.whitMondayWorked !== null)
    parts.push(entry.whitMondayWorked ? 'lundi de Pentecôte travaillé' : 'lundi de Pentecôte chômé');
  if (entry.forceMajeurePaid !== null)
    parts.push(
      entry.forceMajeurePaid ? 'demi-journées de force majeure payées' : 'demi-journées de force majeure non payées',
    );
  return parts.join(' ; ');
}

const sinceText = (entry: HistoryEntry) =>
  entry.effectiveFrom === null ? 'Depuis le début' : `Depuis le ${formatFrenchDate(entry.effectiveFrom)}`;

/**
 * A change of the settings that count hours asks from which day it applies
 * (« À compter du »): the days before keep the values they were counted with.
 */
function CalendarChangeModal(props: {
  calendar: Calendar;
  inForce: CalendarValues;
  wanted: CalendarValues;
  onClose: () => void;
}) {
  const update = useApiMutation('settings/updateCalendar');
  const form = useForm({
    initialValues: { ...props.wanted, effectiveFrom: props.calendar.defaultEffectiveFrom as string | null },
  });
  const lastSent = props.calendar.lastSentMonth;
  // A day before the proposed one recounts days already counted (a year typed wrong would too): said before saving.
  const chosen = form.values.effectiveFrom;
  const proposed = props.calendar.defaultEffectiveFrom;
  const earlier = typeof chosen === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(chosen) && chosen < proposed;
  const submit = () =>
    saveForm(
      form,
      () => {
        const { effectiveFrom, ...values } = form.getValues();
        // Only the settings changed here: the others keep, from that day, what is in force on it (a change to
        // come dated before stays). An empty date reaches main as null, which says in French that it is required.
        const changed = Object.fromEntries(
          Object.entries(values).filter(([key, value]) => props.inForce[key as keyof CalendarValues] !== value),
        ) as Partial<CalendarValues>;
        return update.mutateAsync({ ...changed, effectiveFrom: effectiveFrom as string });
      },
      'Le changement du calendrier est enregistré.',
      props.onClose,
    );
  return (
    <Modal opened onClose={props.onClose} title="Changer le calendrier" size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Select
            label="Jours fériés applicables"
            data={HOLIDAY_REGIONS.map((r) => ({ value: r, label: HOLIDAY_REGION_LABELS[r] }))}
            allowDeselect={false}
            {...form.getInputProps('region')}
          />
          <Switch
            label="Le lundi de Pentecôte est travaillé (journée de solidarité)"
            {...form.getInputProps('whitMondayWorked', { type: 'checkbox' })}
          />
          <Switch
            label="Les demi-journées annulées pour intempéries ou force majeure sont payées"
            {...form.getInputProps('forceMajeurePaid', { type: 'checkbox' })}
          />
          <DateField
            label="À compter du"
            withAsterisk
            data-autofocus
            description={
              lastSent === null
                ? 'Les jours avant cette date gardent les réglages d’avant.'
                : `Les jours avant cette date gardent les réglages d’avant. Dernier mois transmis à l’employeur de portage : ${frenchMonth(lastSent)}.`
            }
            styles={{ wrapper: { maxWidth: 260 } }}
            {...form.getInputProps('effectiveFrom')}
          />
          {earlier && (
            <Alert color="yellow" title="Date passée : vérifiez-la, l’année surtout">
              Les heures des jours déjà comptés depuis le {formatFrenchDate(chosen)} seront recomptées avec ce réglage :
              émargements, heures à transmettre et statistiques de ces jours. Un mois déjà transmis à l’employeur de
              portage ne peut pas changer ainsi ; le jour proposé était le {formatFrenchDate(proposed)}.
            </Alert>
          )}
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer" loading={update.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

/** Which days no worksite works: the public holidays of the region, and the structure's closure days. */
export function CalendarSettings({ calendar }: { calendar: Calendar }) {
  const removeChange = useApiMutation('settings/removeCalendarChange');
  const add = useApiMutation('settings/addClosure');
  const remove = useApiMutation('settings/removeClosure');
  const form = useForm({ initialValues: { date: '', reason: '' } });
  // The coordination adds closure days; the region and pay rules are the administrator's.
  const readOnly = !useSignedIn().can('settings/updateCalendar');
  // The values asked for, while the modal asks from which day they apply.
  const [wanted, setWanted] = useState<CalendarValues | null>(null);
  const inForce: CalendarValues = {
    region: calendar.region,
    whitMondayWorked: calendar.whitMondayWorked,
    forceMajeurePaid: calendar.forceMajeurePaid,
  };

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
      <Text size="sm" c="dimmed">
        Ces réglages comptent les heures payées : chaque changement s’applique à compter d’une date, les jours d’avant
        gardent leurs heures.
      </Text>
      <Select
        label="Jours fériés applicables"
        data={HOLIDAY_REGIONS.map((r) => ({ value: r, label: HOLIDAY_REGION_LABELS[r] }))}
        allowDeselect={false}
        disabled={readOnly}
        value={calendar.region}
        onChange={(region) =>
          region && region !== calendar.region && setWanted({ ...inForce, region: region as Calendar['region'] })
        }
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
        onChange={(e) => setWanted({ ...inForce, whitMondayWorked: e.currentTarget.checked })}
      />
      <Switch
        label="Les demi-journées annulées pour intempéries ou force majeure sont payées"
        description="Les demi-journées annulées par la structure elle-même sont toujours payées."
        disabled={readOnly}
        checked={calendar.forceMajeurePaid}
        onChange={(e) => setWanted({ ...inForce, forceMajeurePaid: e.currentTarget.checked })}
      />
      <Text fw={600}>Historique des réglages</Text>
      <Table withTableBorder aria-label="Historique du calendrier">
        <Table.Tbody>
          {calendar.history.map((entry) => (
            <Table.Tr key={entry.effectiveFrom ?? 'début'}>
              <Table.Td>
                {sinceText(entry)} : {historyText(entry)}
                {entry.upcoming && (
                  <Badge ml="xs" variant="light">
                    À venir
                  </Badge>
                )}
              </Table.Td>
              <Table.Td w={50}>
                {entry.upcoming && !readOnly && entry.effectiveFrom !== null && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Supprimer le changement du ${formatFrenchDate(entry.effectiveFrom)}`}
                    onClick={() =>
                      void removeChange
                        .mutateAsync({ effectiveFrom: entry.effectiveFrom! })
                        .then(() => notifySuccess('Le changement à venir est supprimé.'))
                        .catch(notifyFailure)
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {wanted && (
        <CalendarChangeModal calendar={calendar} inForce={inForce} wanted={wanted} onClose={() => setWanted(null)} />
      )}
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
