import { Checkbox, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect } from 'react';
import {
  FSE_LABOUR_STATUS_LABELS,
  FSE_SENSITIVE_ITEMS,
  FSE_SENSITIVE_ITEM_LABELS,
  SENSITIVE_ANSWER_LABELS,
  type FseEntryInput,
  type FseExitInput,
  type FsePersonRecord,
  type FseSixMonthsInput,
} from '@shared/contract/fse-plus';
import { EDUCATION_LEVEL_LABELS, EDUCATION_LEVELS } from '@shared/contract/people-lists';
import { formatFrenchDate, isValidIsoDate } from '@shared/dates';
import type { MethodInput } from '@shared/contract';
import { useApiMutation, useApiQuery } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { showServerErrors } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { todayInFrance } from '../people/defaults';

const LABOUR_STATUSES = Object.entries(FSE_LABOUR_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const LEVELS = EDUCATION_LEVELS.map((value) => ({ value, label: EDUCATION_LEVEL_LABELS[value] }));
const ISCED_NOTE = { '0-2': 'CITE 0 à 2', '3-4': 'CITE 3 et 4', '5-8': 'CITE 5 à 8' } as const;

const IN_EMPLOYMENT = 'Occupe un emploi (y compris indépendant)';

type StageMethod = 'fse/saveEntry' | 'fse/saveExit' | 'fse/saveSixMonths';

/**
 * The save of one stage (entry, exit, six months): the French confirmation,
 * the server's field errors shown on the form, the modal closed when done.
 */
function useStageSave<M extends StageMethod, V>(
  method: M,
  form: UseFormReturnType<V>,
  done: string,
  onClose: () => void,
) {
  const save = useApiMutation(method);
  const submit = async (input: MethodInput<M>) => {
    try {
      await save.mutateAsync(input);
      notifySuccess(done);
      onClose();
    } catch (error) {
      if (!showServerErrors(form, error)) notifyFailure(error);
    }
  };
  return { submit, pending: save.isPending };
}

/** Yes/no answers of a stage, one checkbox each, under `path` of the form. */
function AnswerBoxes<V>({
  form,
  path,
  answers,
}: {
  form: UseFormReturnType<V>;
  path: string;
  answers: readonly (readonly [key: string, label: string])[];
}) {
  return answers.map(([key, label]) => (
    <Checkbox key={key} label={label} {...form.getInputProps(`${path}.${key}`, { type: 'checkbox' })} />
  ));
}

/**
 * The entry answers (Annex I, 1a and 1b): what the record suggests is filled
 * in and marked « proposé d’après la fiche », to confirm; the four sensitive
 * items only for a role that sees them, each with « Ne souhaite pas répondre ».
 */
export function FseEntryModal({
  personId,
  seesSensitive,
  record,
  operations,
  onClose,
}: {
  personId: number;
  seesSensitive: boolean;
  record: FsePersonRecord | null;
  operations: { value: string; label: string }[];
  onClose: () => void;
}) {
  const e = record?.entry;
  const form = useForm<{ operationId: string | null; entry: FseEntryInput }>({
    initialValues: {
      operationId: record ? String(record.operationId) : (operations[0]?.value ?? null),
      entry: {
        enteredOn: e?.enteredOn ?? todayInFrance(),
        labourStatus: e?.labourStatus ?? (null as never),
        educationLevel: e?.educationLevel ?? (null as never),
        disability: e?.disability ?? undefined,
        thirdCountryNational: e?.thirdCountryNational ?? undefined,
        foreignBackground: e?.foreignBackground ?? undefined,
        minority: e?.minority ?? undefined,
        homelessOrHousingExclusion: e?.homelessOrHousingExclusion ?? false,
        ruralArea: e?.ruralArea ?? false,
      },
    },
  });
  const enteredOn = form.getValues().entry.enteredOn;
  const suggestion = useApiQuery(
    'fse/suggest',
    { personId, enteredOn },
    { enabled: typeof enteredOn === 'string' && isValidIsoDate(enteredOn) },
  );
  const s = suggestion.data;
  // A new entry starts from the suggestions; a field the user has touched keeps what they chose.
  useEffect(() => {
    if (!s || record) return;
    const fill = (path: string, value: unknown) => {
      if (value !== null && !form.isTouched(path)) form.setFieldValue(path, value as never);
    };
    fill('entry.labourStatus', s.labourStatus);
    fill('entry.educationLevel', s.educationLevel);
    if (seesSensitive) {
      fill('entry.disability', s.disability);
      fill('entry.thirdCountryNational', s.thirdCountryNational);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, record, seesSensitive]);

  const save = useStageSave('fse/saveEntry', form, 'Les données FSE+ à l’entrée sont enregistrées.', onClose);
  const submit = async () => {
    const { operationId, entry } = form.getValues();
    if (!operationId) {
      form.setFieldError('operationId', 'Choisissez l’opération FSE+.');
      return;
    }
    const sent: FseEntryInput = { ...entry };
    if (!seesSensitive) for (const item of FSE_SENSITIVE_ITEMS) delete sent[item];
    await save.submit({ personId, operationId: Number(operationId), entry: sent });
  };
  const proposed = (value: unknown, shown: string | null) =>
    s && value !== null && shown ? `Proposé d’après la fiche : ${shown} — à confirmer avec la personne.` : undefined;

  return (
    <Modal opened onClose={onClose} title="FSE+ — données à l’entrée" size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Select
            label="Opération FSE+"
            data={operations}
            disabled={record !== null}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('operationId')}
          />
          <DateField label="Date d’entrée dans l’opération" withAsterisk {...form.getInputProps('entry.enteredOn')} />
          {s && (
            <Text size="sm" c="dimmed">
              Âge à l’entrée : {s.ageAtEntry} ans (calculé d’après la date de naissance).
            </Text>
          )}
          <Select
            label="Situation sur le marché du travail"
            data={LABOUR_STATUSES}
            allowDeselect={false}
            withAsterisk
            description={proposed(s?.labourStatus, s?.labourStatusReason ?? null)}
            {...form.getInputProps('entry.labourStatus')}
          />
          <Select
            label="Niveau de formation"
            data={LEVELS}
            allowDeselect={false}
            withAsterisk
            description={
              s?.educationLevel && s.iscedGroup
                ? proposed(
                    s.educationLevel,
                    `${EDUCATION_LEVEL_LABELS[s.educationLevel]}, soit ${ISCED_NOTE[s.iscedGroup]}`,
                  )
                : undefined
            }
            {...form.getInputProps('entry.educationLevel')}
          />
          {seesSensitive ? (
            FSE_SENSITIVE_ITEMS.map((item) => {
              const suggested = item === 'disability' || item === 'thirdCountryNational' ? s?.[item] : null;
              return (
                <Radio.Group
                  key={item}
                  label={FSE_SENSITIVE_ITEM_LABELS[item]}
                  withAsterisk
                  description={
                    suggested
                      ? proposed(
                          suggested,
                          item === 'disability' ? 'RQTH reconnue' : SENSITIVE_ANSWER_LABELS[suggested].toLowerCase(),
                        )
                      : undefined
                  }
                  {...form.getInputProps(`entry.${item}`)}
                >
                  <Group mt={4}>
                    {(['oui', 'non', 'refus'] as const).map((answer) => (
                      <Radio key={answer} value={answer} label={SENSITIVE_ANSWER_LABELS[answer]} />
                    ))}
                  </Group>
                </Radio.Group>
              );
            })
          ) : (
            <Text size="sm" c="dimmed">
              Les questions sensibles (handicap, nationalité, origine, minorité) sont posées par la travailleuse sociale
              ou l’administrateur.
            </Text>
          )}
          <AnswerBoxes
            form={form}
            path="entry"
            answers={[
              ['homelessOrHousingExclusion', 'Sans domicile ou mal logé (exclusion du logement)'],
              ['ruralArea', 'Vit en zone rurale (à demander : le code postal ne suffit pas)'],
            ]}
          />
          <FormActions onCancel={onClose} submitLabel="Enregistrer l’entrée" loading={save.pending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

/** At exit, within four weeks (Annex I, common immediate result indicators). */
export function FseExitModal({
  personId,
  record,
  onClose,
}: {
  personId: number;
  record: FsePersonRecord;
  onClose: () => void;
}) {
  const x = record.exit;
  const form = useForm<{ exit: FseExitInput }>({
    initialValues: {
      exit: {
        leftOn: x?.leftOn ?? todayInFrance(),
        seekingWork: x?.seekingWork ?? false,
        inEducationOrTraining: x?.inEducationOrTraining ?? false,
        gainedQualification: x?.gainedQualification ?? false,
        inEmployment: x?.inEmployment ?? false,
      },
    },
  });
  const save = useStageSave('fse/saveExit', form, 'Les données FSE+ à la sortie sont enregistrées.', onClose);
  const submit = () => save.submit({ personId, operationId: record.operationId, exit: form.getValues().exit });
  return (
    <Modal opened onClose={onClose} title={`FSE+ — sortie de « ${record.operationName} »`} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <DateField
            label="Date de sortie"
            withAsterisk
            minDate={record.entry.enteredOn}
            {...form.getInputProps('exit.leftOn')}
          />
          <Text size="sm" c="dimmed">
            La situation dans les quatre semaines qui suivent la sortie :
          </Text>
          <AnswerBoxes
            form={form}
            path="exit"
            answers={[
              ['seekingWork', 'Cherche un emploi'],
              ['inEducationOrTraining', 'Suit des études ou une formation'],
              ['gainedQualification', 'A obtenu une qualification'],
              ['inEmployment', IN_EMPLOYMENT],
            ]}
          />
          <FormActions onCancel={onClose} submitLabel="Enregistrer la sortie" loading={save.pending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}

/** Six months after leaving (Annex I, common longer-term result indicators). */
export function FseSixMonthsModal({
  personId,
  record,
  onClose,
}: {
  personId: number;
  record: FsePersonRecord;
  onClose: () => void;
}) {
  const y = record.sixMonths;
  const due = record.sixMonthsDueOn!;
  const today = todayInFrance();
  const form = useForm<{ sixMonths: FseSixMonthsInput }>({
    initialValues: {
      sixMonths: {
        observedOn: y?.observedOn ?? (today > due ? today : due),
        inEmployment: y?.inEmployment ?? false,
        improvedSituation: y?.improvedSituation ?? false,
      },
    },
  });
  const save = useStageSave('fse/saveSixMonths', form, 'La situation à 6 mois est enregistrée.', onClose);
  const submit = () =>
    save.submit({ personId, operationId: record.operationId, sixMonths: form.getValues().sixMonths });
  return (
    <Modal opened onClose={onClose} title={`FSE+ — situation six mois après la sortie`} size="lg">
      <AsyncForm onSubmit={submit}>
        <Stack>
          <Text size="sm">
            Sortie le {formatFrenchDate(record.exit!.leftOn)} : la situation s’observe à partir du{' '}
            {formatFrenchDate(due)}.
          </Text>
          <DateField
            label="Situation observée le"
            withAsterisk
            minDate={due}
            {...form.getInputProps('sixMonths.observedOn')}
          />
          <AnswerBoxes
            form={form}
            path="sixMonths"
            answers={[
              ['inEmployment', IN_EMPLOYMENT],
              ['improvedSituation', 'Sa situation sur le marché du travail s’est améliorée'],
            ]}
          />
          <FormActions onCancel={onClose} submitLabel="Enregistrer la situation à 6 mois" loading={save.pending} />
        </Stack>
      </AsyncForm>
    </Modal>
  );
}
