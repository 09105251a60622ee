import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  blankPerson,
  personInput,
  situationInput,
  type PersonInput,
  type SituationInput,
} from '@shared/contract/people';
import { call, useApiQuery } from '../../api/client';
import { AsyncForm } from '../../ui/AsyncForm';
import { showServerErrors, validateSection } from '../../ui/form-errors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { emptySituation, normaliseSituation, todayInFrance } from './defaults';
import { useDuplicateCheck } from './useDuplicateCheck';
import { useNirConfirmation } from './useNirConfirmation';
import { PersonFields } from './PersonFields';
import { SituationFields } from './SituationFields';
import { deName } from '@shared/french';

export function NewPersonPage() {
  const navigate = useNavigate();
  const form = useForm<{ person: PersonInput; situation: SituationInput }>({
    initialValues: { person: blankPerson(), situation: emptySituation(todayInFrance()) },
  });
  const duplicates = useDuplicateCheck();
  const nirCheck = useNirConfirmation();
  const settings = useApiQuery('settings/get');
  const [saving, setSaving] = useState(false);

  const save = async (confirmedNotDuplicate = false, confirmWarnings = false): Promise<void> => {
    const { person } = form.getValues();
    const situation = normaliseSituation(form.getValues().situation);
    const personOk = validateSection(form, 'person', personInput, person);
    const situationOk = validateSection(form, 'situation', situationInput, situation);
    if (!personOk || !situationOk) return;
    setSaving(true);
    try {
      const { id } = await call('people/create', { person, situation, confirmedNotDuplicate, confirmWarnings });
      notifySuccess(`La fiche ${deName(person.firstNames)} ${person.lastName} est créée.`);
      navigate(`/people/${id}`);
    } catch (error) {
      if (await nirCheck.handle(error, () => void save(confirmedNotDuplicate, true))) return;
      if (
        !(await duplicates.handle(error, person, null, () => void save(true, confirmWarnings))) &&
        !showServerErrors(form, error)
      ) {
        notifyFailure(error);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <AsyncForm onSubmit={() => save()}>
      <Stack maw={960}>
        <Title order={1}>Nouvelle personne</Title>
        <Paper withBorder p="lg">
          <Title order={3} mb="sm">
            Identité
          </Title>
          <PersonFields
            form={form}
            prefix="person."
            collectNationality={settings.data?.people.collectNationality ?? false}
          />
        </Paper>
        <Paper withBorder p="lg">
          <Title order={3} mb="sm">
            Situation à l’entrée
          </Title>
          <SituationFields form={form} prefix="situation." />
        </Paper>
        <Group>
          <Button type="submit" loading={saving}>
            Créer la fiche
          </Button>
          <Button variant="default" onClick={() => navigate('/people')}>
            Annuler
          </Button>
        </Group>
      </Stack>
      {duplicates.modal}
      {nirCheck.modal}
    </AsyncForm>
  );
}
