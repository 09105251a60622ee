import {
  Anchor,
  Checkbox,
  Grid,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { supervisesWorksites } from '@shared/capabilities';
import type { Settings } from '@shared/contract/settings';
import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  HALF_DAYS,
  HALF_DAY_LABELS,
  WEEKDAY_LABELS,
  WORKSITE_KINDS,
  WORKSITE_KIND_LABELS,
  WORKSITE_STATUSES,
  WORKSITE_STATUS_LABELS,
  worksiteInput,
  type Worksite,
  type WorksiteInput,
} from '@shared/contract/worksites';
import { Link } from 'react-router';
import { call, useApiMutation, useApiQuery } from '../../api/client';
import { StaleNotice, useStaleRecord, YourEntries } from '../../ui/StaleRecord';
import { useSignedIn } from '../auth/SessionContext';
import { AsyncForm } from '../../ui/AsyncForm';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { idSelectProps } from '../../ui/id-select';
import { HoursFields } from '../settings/HoursFields';
import { DateField } from '../../ui/DateField';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** A MESP by default: 4 weeks, Monday to Thursday mornings, 5 people. */
function defaults(settings: Settings): WorksiteInput {
  return {
    name: '',
    kind: 'mesp',
    activity: null as never,
    clientId: null,
    workAddress: '',
    supervisorId: null,
    coordinatorId: null,
    employerId: settings.employers.find((e) => !e.archived && e.kind === 'association_intermediaire')?.id ?? null,
    fundersIds: [],
    operationReference: '',
    startDate: '',
    weeks: 4,
    slots: [0, 1, 2, 3].map((weekday) => ({ weekday, halfDay: 'morning' as const })),
    capacity: 5,
    hours: settings.hours,
    status: 'preparation',
  };
}

function toInput(w: Worksite): WorksiteInput {
  const {
    id: _i,
    version: _v,
    endDate: _e,
    employerName: _n,
    supervisorName: _s,
    clientName: _c,
    sessions: _x,
    ...input
  } = w;
  return input;
}

/** An empty supervisor list says why, and where the account is made. */
function NoSupervisorYet() {
  const { can } = useSignedIn();
  return can('users/create') ? (
    <>
      Aucun compte d’encadrant technique : créez-le d’abord dans{' '}
      <Anchor component={Link} to="/settings?onglet=users" size="xs">
        Paramètres › Comptes
      </Anchor>
      , puis revenez choisir l’encadrant.
    </>
  ) : (
    'Aucun compte d’encadrant technique : demandez à l’administrateur de Passerelle de le créer dans Paramètres › Comptes.'
  );
}

/** The worksite's fields, as the form labels them (« Vos saisies » after a stale save). */
const LABELS: Record<string, string> = {
  'worksite.name': 'Nom du chantier',
  'worksite.kind': 'Type',
  'worksite.activity': 'Support d’activité',
  'worksite.employerId': 'Employeur des participants',
  'worksite.supervisorId': 'Encadrant technique',
  'worksite.clientId': 'Client ou partenaire',
  'worksite.fundersIds': 'Financeurs',
  'worksite.operationReference': 'Référence de l’opération',
  'worksite.workAddress': 'Adresse du chantier',
  'worksite.startDate': 'Date de début',
  'worksite.weeks': 'Semaines',
  'worksite.capacity': 'Capacité',
  'worksite.status': 'État',
  'worksite.slots': 'Demi-journées de la semaine',
  'worksite.hours.morningStart': 'Début du matin',
  'worksite.hours.morningEnd': 'Fin du matin',
  'worksite.hours.afternoonStart': 'Début de l’après-midi',
  'worksite.hours.afternoonEnd': 'Fin de l’après-midi',
};

function showWorksiteValue(path: string, value: unknown): string | undefined {
  if (path === 'worksite.kind') return WORKSITE_KIND_LABELS[value as keyof typeof WORKSITE_KIND_LABELS];
  if (path.endsWith('Id') && typeof value === 'number') return 'un autre choix de la liste';
  return undefined;
}

export function WorksiteFormModal({
  worksite,
  onClose,
  onSaved,
}: {
  worksite: Worksite | null;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const settings = useApiQuery('settings/get');
  const accounts = useApiQuery('auth/users');
  const supervisors = (accounts.data ?? []).filter((a) => supervisesWorksites(a.role));
  const directory = useApiQuery('contacts/list', { includeArchived: false });
  const funders = useApiQuery('funders/list', { includeArchived: true });
  const save = useApiMutation('worksites/save');
  const form = useForm<{ worksite: WorksiteInput }>({
    initialValues: {
      worksite: worksite ? toInput(worksite) : settings.data ? defaults(settings.data) : (null as never),
    },
  });
  const stale = useStaleRecord(form, worksite?.version ?? 1);
  if (!settings.data || !form.getValues().worksite) return null;
  const values = form.getValues().worksite;
  const idSelect = (path: string) => idSelectProps(form, path);
  const hasSlot = (weekday: number, halfDay: string) =>
    values.slots.some((s) => s.weekday === weekday && s.halfDay === halfDay);
  const toggleSlot = (weekday: number, halfDay: 'morning' | 'afternoon') =>
    form.setFieldValue(
      'worksite.slots',
      hasSlot(weekday, halfDay)
        ? values.slots.filter((s) => !(s.weekday === weekday && s.halfDay === halfDay))
        : [...values.slots, { weekday, halfDay }],
    );
  const organisations = (directory.data ?? []).map((o) => ({ value: String(o.id), label: o.name }));
  // The funders of Paramètres › Financeurs; an archived one stays listed on a worksite that already names it.
  const funderOptions = (funders.data ?? [])
    .filter((f) => !f.archived || values.fundersIds.includes(f.id))
    .map((f) => ({ value: String(f.id), label: f.name }));

  const submit = async () => {
    const input = form.getValues().worksite;
    if (!validateSection(form, 'worksite', worksiteInput, input)) return;
    try {
      const saved = await save.mutateAsync({
        id: worksite?.id,
        expectedVersion: worksite ? stale.version : undefined,
        worksite: input,
      });
      notifySuccess(`Le chantier « ${saved.name} » est enregistré.`);
      onSaved(saved.id);
    } catch (error) {
      if (stale.handle(error)) return;
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title={worksite ? 'Modifier le chantier' : 'Nouveau chantier'} size="xl">
      <AsyncForm onSubmit={submit}>
        <Stack>
          {worksite && (
            <StaleNotice
              stale={stale}
              onReload={() =>
                stale.reload(async () => {
                  const current = await call('worksites/get', { id: worksite.id });
                  return { values: { worksite: toInput(current) }, version: current.version };
                })
              }
            />
          )}
          <YourEntries form={form} stale={stale} labels={LABELS} show={showWorksiteValue} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput label="Nom du chantier" withAsterisk data-autofocus {...form.getInputProps('worksite.name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <Select
                label="Type"
                data={options(WORKSITE_KINDS, WORKSITE_KIND_LABELS)}
                allowDeselect={false}
                {...form.getInputProps('worksite.kind')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="Support d’activité"
                data={options(ACTIVITIES, ACTIVITY_LABELS)}
                withAsterisk
                {...form.getInputProps('worksite.activity')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label="Employeur des participants"
                withAsterisk
                data={settings.data.employers
                  .filter((e) => !e.archived)
                  .map((e) => ({ value: String(e.id), label: e.name }))}
                {...idSelect('worksite.employerId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label="Encadrant technique"
                clearable
                data={supervisors.map((a) => ({ value: String(a.id), label: a.displayName }))}
                {...idSelect('worksite.supervisorId')}
                description={accounts.data && supervisors.length === 0 ? <NoSupervisorYet /> : undefined}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label="Client ou partenaire"
                clearable
                searchable
                data={organisations}
                {...idSelect('worksite.clientId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label="Financeurs"
                description="Leur logo et leur mention de financement figurent sur les feuilles d’émargement (Paramètres › Financeurs)."
                data={funderOptions}
                value={values.fundersIds.map(String)}
                onChange={(v) => form.setFieldValue('worksite.fundersIds', v.map(Number))}
                error={form.errors['worksite.fundersIds']}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Référence de l’opération"
                description="Le numéro du dossier chez le financeur (par exemple l’opération FSE+), imprimé sur les feuilles d’émargement."
                {...form.getInputProps('worksite.operationReference')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <TextInput label="Adresse du chantier" {...form.getInputProps('worksite.workAddress')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateField label="Date de début" withAsterisk {...form.getInputProps('worksite.startDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <NumberInput
                label="Semaines"
                min={1}
                max={104}
                allowDecimal={false}
                {...form.getInputProps('worksite.weeks')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <NumberInput
                label="Capacité"
                min={1}
                max={50}
                allowDecimal={false}
                {...form.getInputProps('worksite.capacity')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label="État"
                data={options(WORKSITE_STATUSES, WORKSITE_STATUS_LABELS)}
                allowDeselect={false}
                {...form.getInputProps('worksite.status')}
              />
            </Grid.Col>
          </Grid>
          <div>
            <Text fw={600} size="sm">
              Demi-journées travaillées chaque semaine
            </Text>
            <Table aria-label="Demi-journées de la semaine" maw={620}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  {WEEKDAY_LABELS.slice(0, 5).map((d) => (
                    <Table.Th key={d}>{d}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {HALF_DAYS.map((halfDay) => (
                  <Table.Tr key={halfDay}>
                    <Table.Td>{HALF_DAY_LABELS[halfDay]}</Table.Td>
                    {WEEKDAY_LABELS.slice(0, 5).map((d, weekday) => (
                      <Table.Td key={d}>
                        <Checkbox
                          aria-label={`${d} ${HALF_DAY_LABELS[halfDay].toLowerCase()}`}
                          checked={hasSlot(weekday, halfDay)}
                          onChange={() => toggleSlot(weekday, halfDay)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {form.errors['worksite.slots'] && (
              <Text c="red" size="sm">
                {form.errors['worksite.slots']}
              </Text>
            )}
          </div>
          <HoursFields form={form} prefix="worksite.hours." />
          <FormActions onCancel={onClose} submitLabel="Enregistrer le chantier" loading={save.isPending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
