import {
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  PMSMP_OBJECTIVE_LABELS,
  PMSMP_OBJECTIVES,
  PRESCRIBER_KIND_LABELS,
  PRESCRIBER_KINDS,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Pmsmp,
  type PmsmpInput,
} from '@shared/contract/pmsmp';
import { formatDuration, timeToMinutes } from '@shared/time';
import { useApiMutation, useApiQuery } from '../../api/client';
import { useSignedIn } from '../auth/SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';

const WORKDAY = { start: '09:00', end: '17:00', pause: 60 };

/** The week's presence, as the convention prints it: end − start − pause, each day typed. */
function typedWeekMinutes(schedule: PmsmpInput['schedule']): number {
  let total = 0;
  for (const d of WEEKDAYS) {
    const day = schedule[d];
    if (!day || !/^\d\d:\d\d$/.test(day.start) || !/^\d\d:\d\d$/.test(day.end)) continue;
    total += Math.max(0, timeToMinutes(day.end) - timeToMinutes(day.start) - (day.pause ?? 0));
  }
  return total;
}

/** Under 18 on that day (the birthday itself counts as a year more), the convention's rule for a minor. */
function minorOn(birthDate: string | null, day: string): boolean {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0);
  return age < 18;
}

/** A new immersion, its changes, or its renewal (new dates only: the same object, D5135-3). */
export function ImmersionModal(props: {
  personId: number;
  birthDate: string | null;
  immersion: Pmsmp | null;
  renewing?: boolean;
  onClose: () => void;
}) {
  const { user } = useSignedIn();
  const contacts = useApiQuery('contacts/list', { includeArchived: false });
  const initial: PmsmpInput = props.immersion
    ? { ...props.immersion.fields, ...(props.renewing ? { startDate: '', endDate: '' } : {}) }
    : {
        hostOrganisationId: null as never,
        hostSiret: '',
        hostActivity: '',
        place: '',
        tutorName: '',
        tutorFunction: '',
        tutorPhone: '',
        tutorEmail: '',
        objective: null as never,
        trade: '',
        goals: '',
        startDate: '',
        endDate: '',
        schedule: {
          lundi: WORKDAY,
          mardi: WORKDAY,
          mercredi: WORKDAY,
          jeudi: WORKDAY,
          vendredi: WORKDAY,
          samedi: null,
          dimanche: null,
        },
        tasks: '',
        skills: '',
        risks: '',
        equipment: '',
        prescriberKind: null as never,
        prescriberOrganisationId: null as never,
        prescriberContactId: null,
        referentName: user.displayName,
        referentFunction: '',
        representativeName: '',
      };
  const form = useForm<{ immersion: PmsmpInput; startDate: string; endDate: string }>({
    initialValues: { immersion: initial, startDate: '', endDate: '' },
  });
  const save = useApiMutation('pmsmp/save');
  const renew = useApiMutation('pmsmp/renew');
  const organisations = contacts.data ?? [];
  const values = form.getValues();
  const prescriber = organisations.find((o) => o.id === values.immersion.prescriberOrganisationId);

  const submit = async () => {
    try {
      if (props.renewing && props.immersion) {
        const { startDate, endDate } = form.getValues();
        await renew.mutateAsync({ id: props.immersion.id, startDate, endDate });
        notifySuccess('Le renouvellement est enregistré.');
      } else {
        await save.mutateAsync({
          personId: props.personId,
          id: props.immersion?.id,
          immersion: form.getValues().immersion,
        });
        notifySuccess('L’immersion est enregistrée.');
      }
      props.onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  if (props.renewing && props.immersion) {
    return (
      <Modal opened onClose={props.onClose} title="Renouveler l’immersion" size="md">
        <AsyncForm onSubmit={submit}>
          <Stack>
            <Text size="sm">
              Une immersion se renouvelle une seule fois, pour le même objet et les mêmes objectifs, pour un mois au
              plus (article D5135-3 du Code du travail).
            </Text>
            <DateField label="Début du renouvellement" withAsterisk {...form.getInputProps('startDate')} />
            <DateField label="Fin du renouvellement" withAsterisk {...form.getInputProps('endDate')} />
            <FormActions onCancel={props.onClose} submitLabel="Renouveler" loading={renew.isPending} />
          </Stack>
        </AsyncForm>
      </Modal>
    );
  }

  const organisationOptions = organisations.map((o) => ({ value: String(o.id), label: o.name }));
  const idProps = (path: string) => {
    const input = form.getInputProps(path);
    return {
      ...input,
      value: input.value === null || input.value === undefined ? null : String(input.value),
      onChange: (v: string | null) => form.setFieldValue(path, (v === null ? null : Number(v)) as never),
    };
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.immersion ? 'Modifier l’immersion' : 'Nouvelle immersion (PMSMP)'}
      size="xl"
    >
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Title order={4}>Entreprise d’accueil et tuteur</Title>
          <Select
            label="Entreprise d’accueil (répertoire des contacts)"
            data={organisationOptions}
            searchable
            withAsterisk
            {...idProps('immersion.hostOrganisationId')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="SIRET de l’entreprise" {...form.getInputProps('immersion.hostSiret')} />
            <TextInput label="Activité principale" {...form.getInputProps('immersion.hostActivity')} />
            <TextInput label="Nom du tuteur" withAsterisk {...form.getInputProps('immersion.tutorName')} />
            <TextInput label="Fonction du tuteur" withAsterisk {...form.getInputProps('immersion.tutorFunction')} />
            <TextInput label="Téléphone du tuteur" {...form.getInputProps('immersion.tutorPhone')} />
            <TextInput label="E-mail du tuteur" {...form.getInputProps('immersion.tutorEmail')} />
          </SimpleGrid>
          <TextInput
            label="Lieu de l’immersion (si autre que l’adresse de l’entreprise)"
            {...form.getInputProps('immersion.place')}
          />

          <Title order={4}>Objet et dates</Title>
          <Select
            label="Objet de l’immersion"
            data={PMSMP_OBJECTIVES.map((o) => ({ value: o, label: PMSMP_OBJECTIVE_LABELS[o] }))}
            allowDeselect={false}
            withAsterisk
            disabled={
              props.immersion !== null && (props.immersion.renewalOf !== null || props.immersion.renewedBy !== null)
            }
            {...form.getInputProps('immersion.objective')}
          />
          <TextInput label="Métier observé" withAsterisk {...form.getInputProps('immersion.trade')} />
          <Textarea label="Objectifs précis" autosize minRows={2} {...form.getInputProps('immersion.goals')} />
          <Group grow>
            <DateField label="Début" withAsterisk {...form.getInputProps('immersion.startDate')} />
            <DateField label="Fin (un mois au plus)" withAsterisk {...form.getInputProps('immersion.endDate')} />
          </Group>
          {minorOn(props.birthDate, values.immersion.startDate) && (
            <TextInput
              label="Représentant légal (la personne est mineure au début de l’immersion)"
              description="Il signe aussi la convention : nom et prénom du parent ou du tuteur."
              withAsterisk
              {...form.getInputProps('immersion.representativeName')}
            />
          )}

          <Title order={4}>Horaires de la semaine</Title>
          {form.errors['immersion.schedule'] && (
            <Text c="red" size="sm">
              {form.errors['immersion.schedule']}
            </Text>
          )}
          {WEEKDAYS.map((d) => {
            const day = values.immersion.schedule[d];
            return (
              <Group key={d} align="flex-end" wrap="nowrap">
                <Checkbox
                  w={110}
                  label={WEEKDAY_LABELS[d]}
                  checked={!!day}
                  onChange={(e) =>
                    form.setFieldValue(`immersion.schedule.${d}`, e.currentTarget.checked ? WORKDAY : null)
                  }
                />
                {day && (
                  <>
                    <TextInput
                      type="time"
                      label={`Arrivée le ${d}`}
                      {...form.getInputProps(`immersion.schedule.${d}.start`)}
                      error={form.errors[`immersion.schedule.${d}`]}
                    />
                    <TextInput
                      type="time"
                      label={`Départ le ${d}`}
                      {...form.getInputProps(`immersion.schedule.${d}.end`)}
                    />
                    <NumberInput
                      label="Pause (minutes)"
                      min={0}
                      max={240}
                      w={130}
                      {...form.getInputProps(`immersion.schedule.${d}.pause`)}
                    />
                  </>
                )}
              </Group>
            );
          })}
          <Text size="sm">
            Total de la semaine : {formatDuration(typedWeekMinutes(values.immersion.schedule))} (35 h au plus, 10 h par
            jour au plus)
          </Text>

          <Title order={4}>Activités, risques et équipements</Title>
          <Textarea
            label="Tâches confiées"
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('immersion.tasks')}
          />
          <Textarea label="Compétences recherchées" autosize minRows={2} {...form.getInputProps('immersion.skills')} />
          <Textarea label="Risques du poste" autosize minRows={2} {...form.getInputProps('immersion.risks')} />
          <Textarea
            label="Équipements de protection individuelle (EPI)"
            autosize
            minRows={2}
            {...form.getInputProps('immersion.equipment')}
          />

          <Title order={4}>Prescripteur et accompagnement</Title>
          <SimpleGrid cols={2}>
            <Select
              label="Type de prescripteur"
              data={PRESCRIBER_KINDS.map((k) => ({ value: k, label: PRESCRIBER_KIND_LABELS[k] }))}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('immersion.prescriberKind')}
            />
            <Select
              label="Organisme prescripteur"
              data={organisationOptions}
              searchable
              withAsterisk
              {...idProps('immersion.prescriberOrganisationId')}
            />
            <Select
              label="Conseiller du prescripteur"
              data={(prescriber?.contacts ?? []).map((c) => ({
                value: String(c.id),
                label: `${c.firstName} ${c.lastName}`,
              }))}
              clearable
              {...idProps('immersion.prescriberContactId')}
            />
            <TextInput
              label="Conseiller référent (structure d’accompagnement)"
              withAsterisk
              {...form.getInputProps('immersion.referentName')}
            />
            <TextInput label="Fonction du conseiller référent" {...form.getInputProps('immersion.referentFunction')} />
          </SimpleGrid>
          <FormActions onCancel={props.onClose} submitLabel="Enregistrer l’immersion" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
